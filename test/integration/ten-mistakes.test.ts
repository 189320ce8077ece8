/**
 * Tried as a new user would: ten different anti-patterns seeded into a copy of
 * the example workspace at once. Each must be caught by its rule, in the right
 * file, at the line that was changed, with a hint saying what to do.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { check } from "../../src/api/check.ts";
import type { CheckResult } from "../../src/lint/check-result.ts";

const EXAMPLE = resolve(import.meta.dirname, "../..");
let root: string;
let result: CheckResult;

interface Mistake {
  name: string;
  rule: string;
  file: string;
  /** The text replaced, and its replacement; the finding must be on the replacement's line. */
  from: string;
  to: string;
  /** Finding on another line than the replacement (e.g. the mapping holding it). */
  anyLine?: boolean;
  /** The finding belongs to another file (e.g. the scheme in segmentation.yaml). */
  reportedIn?: string;
}

const MISTAKES: Mistake[] = [
  { name: "a segment not reviewed for over a year", rule: "stale-review", file: "segments/lifecycle/power-users.yaml", from: "last_reviewed: 2026-10-14", to: "last_reviewed: 2025-06-01" },
  { name: "a stated share the data contradicts", rule: "size-drift", file: "segments/lifecycle/power-users.yaml", from: "stated_share: 0.15", to: "stated_share: 0.30" },
  { name: "a stated priority total that does not add up", rule: "stated-total-mismatch", file: "segments/market/startups.yaml", from: "stated_total: 7.4", to: "stated_total: 7.9" },
  { name: "a lifecycle segment cut by sales territory", rule: "convenience-segment", file: "segments/lifecycle/occasional.yaml", from: "where: active_days_90d >= 0", to: "where: sales_region in ('EMEA', 'APAC')" },
  { name: "a lifecycle segment defined by company size alone", rule: "demographics-only", file: "segments/lifecycle/struggling.yaml", from: "where: active_days_90d < 3 or (tickets_90d >= 3 and active_days_90d < 12)", to: "where: employees < 20" },
  { name: "no segment left that we decided not to serve", rule: "no-negative-segment", file: "segments/market/hobbyists.yaml", from: "status: deprioritized", to: "status: active", reportedIn: "segmentation.yaml" },
  { name: "two beachheads in one scheme", rule: "phase-order", file: "segments/market/smb.yaml", from: "phase: adjacent", to: "phase: beachhead", anyLine: true },
  { name: "a persona resting on one interview", rule: "persona-theater", file: "personas/controller-carlos.mdx", from: "  interviews: 8", to: "  interviews: 1" },
  { name: "three near-copies of a segment, proposed on top", rule: "segment-count", file: "segments/lifecycle/power-users-2.yaml", from: "", to: "", reportedIn: "segmentation.yaml" },
  { name: "a definition changed without a new lock", rule: "lock-outdated", file: "segments/lifecycle/occasional.yaml", from: "", to: "", anyLine: true },
];

function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index === -1) throw new Error(`"${needle}" not found`);
  return text.slice(0, index).split("\n").length;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "seg-ten-mistakes-"));
  for (const part of ["segmentation.yaml", "segments", "personas", "hypotheses", "reviews", "data", "segments.lock.json"]) cpSync(join(EXAMPLE, part), join(root, part), { recursive: true });
  const powerUsers = readFileSync(join(root, "segments/lifecycle/power-users.yaml"), "utf8");
  for (const n of [2, 3, 4]) {
    writeFileSync(join(root, `segments/lifecycle/power-users-${n}.yaml`), powerUsers.replace("id: power-users", `id: power-users-${n}`).replace("status: active", "status: proposed"));
  }
  for (const m of MISTAKES) {
    if (m.from === "") continue;
    const path = join(root, m.file);
    const text = readFileSync(path, "utf8");
    expect(text, `${m.file} should contain ${m.from}`).toContain(m.from);
    writeFileSync(path, text.replace(m.from, m.to));
  }
  result = await check({ root, today: "2026-11-23" });
}, 300_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("ten seeded mistakes", () => {
  it.each(MISTAKES)("catches $name ($rule)", (m) => {
    const findings = result.diagnostics.filter((d) => d.ruleId === m.rule && d.file === (m.reportedIn ?? m.file));
    expect(findings.length, `no ${m.rule} in ${m.file}; got ${result.diagnostics.map((d) => `${d.file}:${d.line} ${d.ruleId}`).join(", ")}`).toBeGreaterThan(0);
    if (!m.anyLine && !m.reportedIn) {
      const line = lineOf(readFileSync(join(root, m.file), "utf8"), m.to);
      expect(findings.map((d) => d.line)).toContain(line);
    }
    for (const d of findings) {
      expect(d.hint, `${m.rule} has no hint`).toBeTruthy();
      expect(d.message).toMatch(/[.!?]$/);
    }
  });
});
