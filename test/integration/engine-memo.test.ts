/**
 * The engine's inputs fingerprint (engine/engine-memo.ts) on the example: an
 * edit to words the engine never reads (a segment's name, summary, sales
 * playbook, a persona) keeps it, an edit to anything it reads (a definition,
 * a status, an owner, a KPI, a launch date, segmentation.yaml, a hypothesis,
 * a data file, the as-of date) changes it. And the memo itself: a reused run
 * equals a fresh one, labels included, and a definition edit is recomputed.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkDefinitions } from "../../src/api/check.ts";
import { EngineMemo, engineInputsFingerprint } from "../../src/engine/engine-memo.ts";
import { engineOptions } from "../../src/engine/engine-options.ts";
import { runEngine, type EngineResult } from "../../src/engine/run-engine.ts";

const example = resolve(import.meta.dirname, "../..");
const root = mkdtempSync(join(tmpdir(), "seg-engine-memo-"));
for (const entry of ["segmentation.yaml", "segments.lock.json", "segments", "personas", "hypotheses", "reviews", "data"]) cpSync(join(example, entry), join(root, entry), { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SEGMENT = "segments/lifecycle/power-users.yaml";
const TODAY = "2026-12-01";

function inputs(asOf?: string) {
  const definitions = checkDefinitions({ root, today: TODAY, ...(asOf ? { asOf } : {}) });
  expect(definitions.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { definitions, options: engineOptions(definitions, { root, cache: false, threads: 1 }) };
}

function fingerprint(asOf?: string): string {
  const { definitions, options } = inputs(asOf);
  return engineInputsFingerprint(definitions.workspace, definitions.catalog, definitions.expressions, options)!;
}

/** Apply `edit` to the file, take the fingerprint, and put the file back. */
function fingerprintAfter(path: string, edit: (text: string) => string): string {
  const file = join(root, path);
  const original = readFileSync(file, "utf8");
  const edited = edit(original);
  expect(edited).not.toBe(original);
  writeFileSync(file, edited);
  try {
    return fingerprint();
  } finally {
    writeFileSync(file, original);
  }
}

describe("engine inputs fingerprint", () => {
  it("stays the same for edits to words the engine does not read", () => {
    const before = fingerprint();
    expect(fingerprint()).toBe(before);
    expect(fingerprintAfter(SEGMENT, (t) => t.replace(/^name: Power Users$/m, "name: Power Squad"))).toBe(before);
    expect(fingerprintAfter(SEGMENT, (t) => t.replace(/^summary: >-\n/m, "summary: >-\n  Renamed.\n"))).toBe(before);
    expect(fingerprintAfter(SEGMENT, (t) => t.replace(/^  talking_points:\n/m, "  talking_points:\n    - A new point\n"))).toBe(before);
    expect(fingerprintAfter("personas/agency-ava.mdx", (t) => `${t}\nOne more paragraph.\n`)).toBe(before);
  });

  it("changes for an edit to anything the engine reads", () => {
    const before = fingerprint();
    const changed = [
      fingerprintAfter(SEGMENT, (t) => t.replace("where: active_days_90d >= 40", "where: active_days_90d >= 60")),
      fingerprintAfter(SEGMENT, (t) => t.replace(/^status: active$/m, "status: proposed")),
      fingerprintAfter(SEGMENT, (t) => t.replace(/^owner: Lena Vogt$/m, "owner: Someone Else")),
      fingerprintAfter(SEGMENT, (t) => t.replace(/^  kpis:\n/m, "  kpis:\n    - name: A new KPI\n")),
      fingerprintAfter(SEGMENT, (t) => `${t}launch: 2026-09-01\n`),
      fingerprintAfter("segmentation.yaml", (t) => t.replace("weight: 25, lens: demand, description: How many", "weight: 30, lens: demand, description: How many")),
      fingerprintAfter("hypotheses/power-users-higher-nps.yaml", (t) => t.replace("alpha: 0.05", "alpha: 0.01")),
      fingerprintAfter("data/surveys.csv", (t) => t.replace(/\n[^\n]+\n$/, "\n")),
      fingerprint("2026-10-15"),
    ];
    for (const after of changed) expect(after).not.toBe(before);
    expect(new Set(changed).size).toBe(changed.length);
    appendFileSync(join(root, "data/surveys.csv"), "");
    expect(fingerprint()).toBe(before);
  });
});

describe("EngineMemo", () => {
  /** Run through the memo after `edit`, and a fresh engine on the same files. */
  async function runBoth(memo: EngineMemo, edit: (text: string) => string): Promise<[EngineResult, EngineResult]> {
    const file = join(root, SEGMENT);
    writeFileSync(file, edit(readFileSync(join(example, SEGMENT), "utf8")));
    const { definitions, options } = inputs();
    const args = [definitions.workspace, definitions.catalog, definitions.expressions, options] as const;
    return [await memo.run(...args), await runEngine(...args)];
  }

  it("reuses the last run for an edit to words, labelled with the new name, and recomputes a definition edit", async () => {
    const memo = new EngineMemo();
    const [first] = await runBoth(memo, (t) => t);
    expect(memo.hits).toBe(0);
    // The name and, at once, a field of each kind the fingerprint leaves out: the engine's result is the same.
    const edits: [RegExp, string][] = [
      [/^name: Power Users$/m, "name: Power Squad"],
      [/^summary: >-\n/m, "summary: >-\n  Renamed.\n"],
      [/^stated_share: 0.15$/m, "stated_share: 0.3"],
      [/^approach: behavioral$/m, "approach: needs"],
      [/^  ltv: high$/m, "  ltv: low"],
      [/^  objectives:\n/m, "  objectives:\n    - One more\n"],
      [/^  messaging: >-\n/m, "  messaging: >-\n    Reworded.\n"],
      [/^  talking_points:\n/m, "  talking_points:\n    - A new point\n"],
      [/^last_reviewed: 2026-10-14$/m, "last_reviewed: 2026-11-20"],
    ];
    const words = (text: string) => edits.reduce((t, [from, to]) => (expect(t).toMatch(from), t.replace(from, to)), text);
    const [renamed, renamedFresh] = await runBoth(memo, words);
    expect(memo.hits).toBe(1);
    expect(renamed).toStrictEqual(renamedFresh);
    expect(renamed.hypotheses.find((h) => h.id === "power-users-higher-nps")?.summary).toContain("Power Squad");
    const [narrowed, narrowedFresh] = await runBoth(memo, (t) => t.replace("where: active_days_90d >= 40", "where: active_days_90d >= 60"));
    expect(memo.hits).toBe(1);
    expect(narrowed).toStrictEqual(narrowedFresh);
    const count = (r: EngineResult) => r.schemes.find((s) => s.scheme === "lifecycle")?.segments.find((s) => s.segment === "power-users")?.count;
    expect(count(narrowed)).toBeLessThan(count(first)!);
  }, 300_000);
});
