import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../rules/index.ts";
import { fillTemplate } from "./define-check.ts";
import { checks, findCheck } from "./index.ts";

const SRC = resolve(import.meta.dirname, "..");
const DOCS = readFileSync(resolve(SRC, "../docs/rules.md"), "utf8");
/** The namespace file each id lives in (an id without a namespace: its own file). */
const FILE_OF: Record<string, string> = { "unknown-reference": "references", source: "sources" };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe("the checks registry", () => {
  it("holds unique ids, sorted, none shared with a rule", () => {
    const ids = checks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort());
    expect(ids.filter((id) => rules.some((r) => r.id === id))).toEqual([]);
  });

  it.each(checks.map((c) => [c.id, c] as const))("%s: meta is complete, messages are camelCase templates, hints belong to messages", (id, check) => {
    const namespace = id.includes("/") ? id.slice(0, id.indexOf("/")) : id;
    const file = FILE_OF[namespace] ?? namespace;
    expect(readFileSync(join(SRC, "checks", `${file}.ts`), "utf8"), `${id} is declared in checks/${file}.ts`).toContain(`id: "${id}"`);
    expect(check.description).toMatch(/^[A-Z<]/);
    expect(check.hint.length).toBeGreaterThan(0);
    expect(placeholdersOf(check.hint), "the check's own hint has no placeholders (formatters show it as it is)").toEqual([]);
    const messages = Object.entries(check.messages) as [string, string][];
    expect(messages.length).toBeGreaterThan(0);
    for (const [messageId, template] of messages) {
      expect(messageId).toMatch(/^[a-z][a-zA-Z0-9]*$/);
      // Every placeholder filled gives a message with none left.
      const filled = fillTemplate(template, Object.fromEntries(placeholdersOf(template).map((p) => [p, "x"])));
      expect(filled).not.toMatch(/\{\{/);
    }
    for (const messageId of Object.keys(check.hints ?? {})) expect(check.messages, `hint for unknown message ${messageId}`).toHaveProperty(messageId);
  });

  it("documents every check in docs/rules.md", () => {
    expect(checks.filter((c) => !DOCS.includes(`### ${c.id}\n`)).map((c) => c.id)).toEqual([]);
  });

  it("registers every namespaced id written in src/", () => {
    const written = new Set<string>();
    for (const file of sourceFiles(SRC)) {
      for (const match of readFileSync(file, "utf8").matchAll(/["'`]((?:yaml|json|schema|workspace|expr|mdx|markdown|source|data|clustering|prioritization|compile|suppressions|directives|public)\/[a-z][a-z-]*[a-z])["'`]/g)) {
        written.add(match[1]!);
      }
    }
    expect([...written].filter((id) => !findCheck(id)).sort()).toEqual([]);
  });

  it("fills {{placeholders}} and refuses a missing value", () => {
    expect(fillTemplate('Unknown {{what}} "{{ name }}".', { what: "scheme", name: "x" })).toBe('Unknown scheme "x".');
    expect(() => fillTemplate("{{name}}", {})).toThrow(/\{\{name\}\} has no value/);
  });
});

/** The placeholders a template uses, in order. */
function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!);
}
