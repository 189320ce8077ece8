/**
 * Links and images in persona and review Markdown: click-to-run links (stored
 * XSS) and images that point at code or at files outside the workspace are
 * errors at their line for `seg check`, and `seg build` publishes none of them;
 * an ordinary local image is published and shown.
 */
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lock } from "../../../src/api/lock.ts";
import { PNG_1X1, plantCanary, type Canary } from "../../support/hostile-canary.ts";
import { personaFile, PERSONA_FILE } from "../../support/persona-file.ts";
import { runSeg } from "../../support/run-seg.ts";
import { tempWorkspace, type TempWorkspace } from "../../support/temp-workspace.ts";

let canary: Canary;
let workspace: TempWorkspace;
beforeEach(() => {
  canary = plantCanary();
});
afterEach(() => {
  workspace?.remove();
  canary.remove();
});

const REVIEW_FILE = "reviews/2026-10-01-quarterly.md";
const review = (body: string) => `---\ntitle: Quarterly review\ndate: 2026-10-01\nauthor: Ana\nkind: review\n---\n\n${body}`;

interface JsonDiagnostic {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  severity: string;
  message: string;
}

function checkJson(root: string): { status: number | null; diagnostics: JsonDiagnostic[]; output: string } {
  const run = runSeg(["check", "--no-data", "--format", "json"], { cwd: root });
  const parsed = JSON.parse(run.stdout) as { diagnostics?: JsonDiagnostic[]; results?: { diagnostics: JsonDiagnostic[] } };
  return { status: run.status, diagnostics: parsed.diagnostics ?? parsed.results?.diagnostics ?? [], output: run.stdout + run.stderr };
}

describe("click-to-run links", () => {
  const LINKS = [
    "[plain](javascript:alert(1))",
    "[mixed](JaVaScRiPt:alert(1))",
    "[entity](jav&#x61;script:alert(1))",
    "[named](javascript&colon;alert(1))",
    "[percent](java%73cript:alert(1))",
    "[tab](&#9;java&#10;script:alert(1))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[vb](vbscript:msgbox(1))",
    "<javascript:alert(1)>",
    "[ref][evil]",
  ];

  it("seg check reports each at its line, in review notes and personas", () => {
    const body = `${LINKS.map((l) => `- ${l}`).join("\n")}\n\n[evil]: javascript:alert(1)\n`;
    workspace = tempWorkspace({ [REVIEW_FILE]: review(body), [PERSONA_FILE]: personaFile("See [the deck](JAVASCRIPT:alert(1)).\n") });
    const { status, diagnostics } = checkJson(workspace.root);
    expect(status).toBe(1);
    const found = diagnostics.filter((d) => d.ruleId === "markdown/link-scheme").map((d) => `${d.file}:${d.line}`);
    // The review body starts on line 8: one list item per line, the definition after a blank line.
    const expected = [...LINKS.slice(0, -1).map((_, i) => `${REVIEW_FILE}:${8 + i}`), `${REVIEW_FILE}:19`, `${PERSONA_FILE}:11`];
    expect(found.sort()).toEqual(expected.sort());
  });

  it("seg build publishes none of them", () => {
    workspace = tempWorkspace({ [REVIEW_FILE]: review("Notes: [deck](jav&#x61;script:alert(document.domain)).\n") });
    const run = runSeg(["build", "--as-of", "2026-11-01"], { cwd: workspace.root });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("markdown/link-scheme");
    expect(existsSync(join(workspace.root, "dist"))).toBe(false);
  });
});

describe("images", () => {
  it("seg check refuses images that are code, links out or files outside the workspace, echoing none of them", () => {
    workspace = tempWorkspace({
      "personas/helper.js": canary.esm("helper"),
      [PERSONA_FILE]: personaFile(
        ["![a](./helper.js)", "![b](../../../../../../../../etc/passwd)", `![c](${canary.secretFile})`, "![d](./linked.png)", "![e](./secret.png)", "![f](./lee.png?raw)"].join("\n\n") + "\n",
      ),
    });
    symlinkSync(canary.secretFile, join(workspace.root, "personas/linked.png"));
    writeFileSync(join(workspace.root, "personas/secret.png"), canary.secret);
    const { status, diagnostics, output } = checkJson(workspace.root);
    expect(status).toBe(1);
    expect(diagnostics.filter((d) => d.ruleId === "markdown/image").map((d) => d.line)).toEqual([11, 13, 15, 17, 19, 21]);
    expect(output).not.toContain(canary.secret);
    expect(output).not.toContain("root:x:0:0");
    expect(canary.markers()).toEqual([]);
  });

  it("seg build publishes a local image and shows it on the persona's page", async () => {
    workspace = tempWorkspace({ [PERSONA_FILE]: personaFile("Hana at her desk:\n\n![Hana](./hana.png)\n") });
    writeFileSync(join(workspace.root, "personas/hana.png"), PNG_1X1);
    await lock({ root: workspace.root, today: "2026-11-01" });
    const run = runSeg(["build", "--as-of", "2026-11-01"], { cwd: workspace.root });
    expect(run.status, run.stderr).toBe(0);
    const html = readFileSync(join(workspace.root, "dist/personas/hands-on-hana/index.html"), "utf8");
    const src = /<img src="([^"]+)"[^>]* alt="Hana"/.exec(html)?.[1];
    // Relative to the page, so the site also opens from disk.
    expect(src).toMatch(/^\.\.\/\.\.\/_astro\/hana\.[\w-]+\.png$/);
    expect(readFileSync(join(workspace.root, "dist/personas/hands-on-hana", src!))).toEqual(PNG_1X1);
    expect(readdirSync(join(workspace.root, "dist/_astro")).filter((f) => f.endsWith(".js"))).toEqual([]);
  });
});
