/**
 * Every id a real run emits has metadata and docs: the rules registry or the
 * checks registry knows it, the finding's message id is one of its messages,
 * and docs/rules.md has its section. Runs: the example workspace with its data,
 * every hostile fixture, and small workspaces with broken data, sources,
 * bodies and references.
 */
import { cpSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { check } from "../../src/api/check.ts";
import { compile } from "../../src/api/compile.ts";
import { findCheck } from "../../src/checks/index.ts";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { findRule } from "../../src/rules/index.ts";
import { personaFile, PERSONA_FILE } from "../support/persona-file.ts";
import { BASE_CONFIG, BASE_SEGMENT, tempWorkspace, type TempWorkspace } from "../support/temp-workspace.ts";

const EXAMPLE = resolve(import.meta.dirname, "../..");
const HOSTILE = join(import.meta.dirname, "../fixtures/hostile");
const DOCS = readFileSync(join(EXAMPLE, "docs/rules.md"), "utf8");

/** Workspaces that break something other than a rule, each with data. */
const BROKEN: Record<string, Record<string, string>> = {
  "values of the wrong type": { "data/accounts.csv": "account_id,employees,region,plan\nA1,ten,EMEA,free\nA2,2000,NA,growth\n" },
  "a missing column and an empty source": {
    "data/accounts.csv": "account_id,staff,region,plan\nA1,10,EMEA,free\n",
    "data/events.csv": "account_id,occurred_at,event_type\n",
  },
  "a ragged row": { "data/accounts.csv": "account_id,employees,region,plan\nA1,10,EMEA,free,extra\nA2,2000,NA,growth\n" },
  "a duplicate key and rows after as_of": {
    "data/accounts.csv": "account_id,employees,region,plan\nA1,10,EMEA,free\nA1,2000,NA,growth\n",
    "data/events.csv": "account_id,occurred_at,event_type\nA1,2027-10-01 10:00:00,login\n",
  },
  "a missing data file": { "segmentation.yaml": BASE_CONFIG.replace("path: data/events.csv", "path: data/evnts.csv") },
  "bodies, references and scores": {
    "segments/usage/heavy.yaml": BASE_SEGMENT.replace("scores: { size: 5, fit: 5 }\n", "scores: { size: 5 }\n").replace("where: active_days_90d >= 40", "where: active_days_90d >= 'x' and seats > 1"),
    [PERSONA_FILE]: personaFile('Hana runs <Chart /> and <Metric segment="nobody" metric="share" /> {1 + 1}.\n\n<div>raw</div>\n\n[x](javascript:alert(1))'),
    "reviews/2026-10-01-usage.md": "---\ndate: 2026-10-01\nsegments: [heavy]\nattendees: [Ana]\n---\n\n<b>raw</b>\n",
  },
};

const emitted: { run: string; d: Diagnostic }[] = [];
const workspaces: TempWorkspace[] = [];

beforeAll(async () => {
  const record = (run: string, diagnostics: readonly Diagnostic[]) => emitted.push(...diagnostics.map((d) => ({ run, d })));
  const example = await check({ root: EXAMPLE, today: "2026-11-23" });
  record("example", [...example.diagnostics, ...example.suppressed.map((s) => s.diagnostic)]);
  record("example compile", compile({ root: EXAMPLE, today: "2026-11-23", target: "postgres" }).diagnostics);
  for (const name of readdirSync(HOSTILE).sort()) {
    const ws = tempWorkspace();
    workspaces.push(ws);
    cpSync(join(HOSTILE, name), ws.root, { recursive: true, filter: (source) => basename(source) !== "expected.json" });
    record(`hostile/${name}`, (await check({ root: ws.root, today: "2026-11-01", data: false })).diagnostics);
  }
  for (const [name, files] of Object.entries(BROKEN)) {
    const ws = tempWorkspace(files);
    workspaces.push(ws);
    record(name, (await check({ root: ws.root, today: "2026-11-01", cache: false })).diagnostics);
  }
}, 600_000);
afterAll(() => {
  for (const ws of workspaces) ws.remove();
});

describe("ids emitted by real runs", () => {
  it("covers rules and checks of many kinds", () => {
    const ids = new Set(emitted.map((e) => e.d.ruleId));
    for (const id of ["unknown-reference", "expr/type", "mdx/element", "mdx/expression", "markdown/link-scheme", "prioritization/missing-score", "data/type-mismatch", "data/malformed", "data/duplicate-key", "source/missing-column", "source/path", "yaml/syntax"]) {
      expect([...ids], id).toContain(id);
    }
  });

  it("each has metadata, a registered message id and a section in docs/rules.md", () => {
    const problems: string[] = [];
    for (const { run, d } of emitted) {
      const meta = findRule(d.ruleId) ?? findCheck(d.ruleId);
      const where = `${run}: ${d.ruleId} at ${d.file}:${d.line}`;
      if (!meta) problems.push(`${where} has no metadata`);
      else if (d.messageId === undefined || !Object.hasOwn(meta.messages, d.messageId)) problems.push(`${where} has message id ${d.messageId}, not one of ${Object.keys(meta.messages).join(", ")}`);
      const heading = findRule(d.ruleId) ? `## ${d.ruleId}\n` : `### ${d.ruleId}\n`;
      if (!DOCS.includes(heading)) problems.push(`${where} is not documented in docs/rules.md`);
    }
    expect(problems).toEqual([]);
  });
});
