/**
 * SEG_PROFILE on `seg lock` of the example (a copy of the repository root's
 * workspace): every step of the recompute is timed, in pipeline order, with the
 * process's peak memory and DuckDB's memory and spill, and the lock written is
 * the committed one.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROFILE_STEPS } from "../../../src/engine/step-profile.ts";
import { runSeg, type SegRun } from "../../support/run-seg.ts";

const REPO = resolve(import.meta.dirname, "../../..");
const PARTS = ["segmentation.yaml", "segments", "data", "hypotheses", "personas", "reviews", "segments.lock.json"];

interface Profile {
  steps: { step: string; seconds: number; cpuSeconds: number; peakRssMb: number; duckdbPeakMb: number; spillPeakMb: number; statements: { sql: string; seconds: number; cpuSeconds: number }[] }[];
  peakRssMb: number;
}

let dir: string;
let run: SegRun;
let profile: Profile;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "seg-profile-"));
  for (const part of PARTS) cpSync(join(REPO, part), join(dir, "ws", part), { recursive: true });
  const file = join(dir, "profile.json");
  run = runSeg(["lock", "--root", "ws", "--no-cache", "--memory-limit", "1GB"], { cwd: dir, env: { SEG_PROFILE: file, SEG_TODAY: "2026-12-01" } });
  profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("SEG_PROFILE", () => {
  it("times every step of seg lock in pipeline order, from validating to writing the lock", () => {
    expect(run.status, run.stderr).toBe(0);
    expect(profile.steps.map((s) => s.step)).toEqual([...PROFILE_STEPS]);
    expect(PROFILE_STEPS).toEqual(expect.arrayContaining(["load", "features", "RFM", "clustering sample", "assignment", "memberships", "metrics", "lock writing"]));
  });

  it("records wall time, CPU time, the process's peak memory and DuckDB's memory per step", () => {
    for (const s of profile.steps) {
      expect(s.seconds).toBeGreaterThanOrEqual(0);
      expect(s.cpuSeconds).toBeGreaterThanOrEqual(0);
      expect(s.spillPeakMb).toBeGreaterThanOrEqual(0);
      // A Node process with DuckDB loaded holds tens of MB at the least.
      expect(s.peakRssMb).toBeGreaterThan(20);
    }
    // DuckDB holds the loaded sources while they load.
    expect(profile.steps.find((s) => s.step === "load")!.duckdbPeakMb).toBeGreaterThan(0);
    // Loading and building features compute; the process spends CPU time on them.
    expect(profile.steps.reduce((sum, s) => sum + s.cpuSeconds, 0)).toBeGreaterThan(0);
    // Reading and checking the sources takes CPU time.
    expect(profile.steps.find((s) => s.step === "load")!.cpuSeconds).toBeGreaterThan(0);
    expect(profile.peakRssMb).toBe(Math.max(...profile.steps.map((s) => s.peakRssMb)));
  });

  it("lists the DuckDB statements each step ran, timed within the step", () => {
    const byStep = Object.fromEntries(profile.steps.map((s) => [s.step, s]));
    // Validating reads YAML, not data; writing the lock runs no query.
    expect(byStep.validate!.statements).toEqual([]);
    expect(byStep["lock writing"]!.statements).toEqual([]);
    // The features step creates the features table; memberships write the members' segments.
    expect(byStep.features!.statements.some((s) => /CREATE (OR REPLACE )?TABLE "?features"?/i.test(s.sql))).toBe(true);
    expect(byStep.memberships!.statements.length).toBeGreaterThan(0);
    for (const s of profile.steps) {
      for (const statement of s.statements) {
        expect(statement.seconds).toBeGreaterThanOrEqual(0);
        expect(statement.cpuSeconds).toBeGreaterThanOrEqual(0);
      }
      // Statements run one after another inside their step.
      expect(s.statements.reduce((sum, x) => sum + x.seconds, 0)).toBeLessThanOrEqual(s.seconds + 1e-6);
    }
  });

  it("prints the table and the five slowest statements on stderr with SEG_PROFILE=1", () => {
    const printed = runSeg(["lock", "--root", "ws", "--no-cache", "--memory-limit", "1GB"], { cwd: dir, env: { SEG_PROFILE: "1", SEG_TODAY: "2026-12-01" } });
    expect(printed.status, printed.stderr).toBe(0);
    expect(printed.stderr).toMatch(/^step +seconds +CPU seconds +peak RSS MB +DuckDB peak MB +spill peak MB$/m);
    const slowest = printed.stderr.slice(printed.stderr.indexOf("Slowest statements")).split("\n").slice(1).filter((line) => line.trim() !== "");
    expect(slowest).toHaveLength(5);
    for (const line of slowest) expect(line).toMatch(/^ *\d+\.\d\d +\d+\.\d\d +(load|RFM|features|clustering sample|clustering fit|assignment|memberships|metrics|checks): \S/);
    const cpu = slowest.map((line) => Number(line.trim().split(/ +/)[0]));
    expect(cpu).toEqual([...cpu].sort((a, b) => b - a));
  }, 120_000);

  it("changes nothing in what is computed: the lock is the committed one", () => {
    expect(run.stdout).toMatch(/^Up to date: /);
    expect(readFileSync(join(dir, "ws", "segments.lock.json"), "utf8")).toBe(readFileSync(join(REPO, "segments.lock.json"), "utf8"));
  });
});
