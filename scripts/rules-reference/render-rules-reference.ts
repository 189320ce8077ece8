/** Markdown for every rule of the registry: a summary table, then one section per rule. */
import { stringify } from "yaml";
import { z } from "zod";
import type { AnyRule, DocsExample } from "../../src/rules/define-rule.ts";
import type { ExampleData } from "../../src/rules/example-data.ts";

interface OptionSchema {
  type?: string;
  enum?: unknown[];
  items?: OptionSchema;
  default?: unknown;
  description?: string;
}

const LEVELS: Record<string, string> = { error: "error", warning: "warn", info: "info", off: "off" };

export function renderRulesReference(rules: readonly AnyRule[]): string {
  const out: string[] = [
    "# Rules",
    "",
    "<!-- Generated from the rule registry (src/rules) by node scripts/generate-rules-reference.ts; do not edit by hand. -->",
    "",
    "Each rule checks one anti-pattern of the segmentation method. Set a rule's level and options under `rules:` in",
    "segmentation.yaml, and per file under `overrides:`:",
    "",
    "```yaml",
    "rules:",
    "  stale-review: [warn, { days: 120 }]",
    "overrides:",
    "  - files: [segments/market/*.yaml]",
    "    rules: { demographics-only: off }",
    "```",
    "",
    "| rule | default | description | options |",
    "| --- | --- | --- | --- |",
  ];
  for (const rule of rules) {
    const options = optionsOf(rule)
      .map(([name, o]) => `\`${name}\`${o.default === undefined ? "" : ` = \`${JSON.stringify(o.default)}\``}`)
      .join(", ");
    out.push(`| [\`${rule.id}\`](#${rule.id}) | ${LEVELS[rule.defaultSeverity]} | ${cell(rule.description)} | ${options || "—"} |`);
  }
  for (const rule of rules) out.push("", ...ruleSection(rule));
  return `${out.join("\n")}\n`;
}

function ruleSection(rule: AnyRule): string[] {
  const out = [`## ${rule.id}`, "", `${prose(rule.description)}. Default: \`${LEVELS[rule.defaultSeverity]}\`.`, "", prose(rule.docs.rationale), "", `**What to do:** ${prose(rule.hint)}`];
  const options = optionsOf(rule);
  if (options.length > 0) {
    out.push("", "| option | type | default | description |", "| --- | --- | --- | --- |");
    for (const [name, o] of options) out.push(`| \`${name}\` | ${typeOf(o)} | ${o.default === undefined ? "—" : `\`${JSON.stringify(o.default)}\``} | ${cell(o.description ?? "")} |`);
  }
  out.push("", "Messages:", "", ...Object.values(rule.messages).map((m) => `- ${prose(m).replace(/\{(\w+)\}/g, "‹$1›")}`));
  out.push(...example("Fires on", rule.docs.bad, rule.docs.data?.bad), ...example("Quiet on", rule.docs.good, rule.docs.data?.good));
  return out;
}

function example(title: string, files: readonly DocsExample[], data: ExampleData | undefined): string[] {
  if (files.length === 0 && data === undefined) return [];
  const out = ["", `${title} (with the other files of a small valid workspace):`];
  for (const file of files) out.push("", `\`${file.file}\`${file.file === "segmentation.yaml" ? " (the sections that differ)" : ""}`, "", fence(file.file), file.text.trimEnd(), "```");
  if (data !== undefined) out.push("", "What the data measures:", "", "```yaml", stringify(data).trimEnd(), "```");
  return out;
}

function optionsOf(rule: AnyRule): [string, OptionSchema][] {
  const schema = z.toJSONSchema(rule.options as z.ZodType, { io: "input" }) as { properties?: Record<string, OptionSchema> };
  return Object.entries(schema.properties ?? {});
}

function typeOf(o: OptionSchema): string {
  if (o.enum) return o.enum.map((v) => `\`${String(v)}\``).join(" \\| ");
  if (o.type === "array" && o.items) return `list of ${typeOf(o.items)}`;
  return o.type ?? "value";
}

function fence(file: string): string {
  return file.endsWith(".mdx") ? "```mdx" : file.endsWith(".md") ? "```md" : "```yaml";
}

function cell(text: string): string {
  return prose(text).replaceAll("|", "\\|").replaceAll("\n", " ");
}

/** Text shown as Markdown prose: angle brackets would read as HTML. */
function prose(text: string): string {
  return text.replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
