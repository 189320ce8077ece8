/**
 * One engine session per side: `diff` recomputes each revision once, as `seg check` does (same
 * engine options: caches, threads, memory limit, progress), and reads the memberships from that
 * run's open database rather than running the engine a second time. Counted from the engine's own
 * progress steps and from the DuckDB databases opened (a spy that calls through: the runs are real),
 * on a real git repository holding the example workspace.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { diff } from "./diff.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const WORKSPACE = ["segmentation.yaml", "segments", "personas", "hypotheses", "reviews", "data", "segments.lock.json"];
const RULE = "segments/lifecycle/power-users.yaml";
const TODAY = "2026-11-23";

let repo = "";
const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=Seg", "-c", "user.email=seg@example.com", ...args], { cwd: repo, encoding: "utf8" });

beforeAll(() => {
  repo = join(mkdtempSync(join(tmpdir(), "seg-diff-session-")), "relay");
  for (const part of WORKSPACE) cpSync(join(ROOT, part), join(repo, part), { recursive: true });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "Relay segments");
  const rule = readFileSync(join(repo, RULE), "utf8");
  expect(rule).toContain("active_days_90d >= 40");
  // The working tree raises the bar: some power users move.
  writeFileSync(join(repo, RULE), rule.replace("active_days_90d >= 40", "active_days_90d >= 45"));
});

afterAll(() => {
  if (repo) rmSync(resolve(repo, ".."), { recursive: true, force: true });
});

/** How often each side ran each engine step. */
function stepCounts(steps: readonly string[]): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const step of steps) {
    const [side, name] = step.split(": ") as [string, string];
    counts[side] ??= {};
    counts[side][name] = (counts[side][name] ?? 0) + 1;
  }
  return counts;
}

describe("diff runs the engine once per side", () => {
  it("loads, clusters and assigns each side exactly once, and still recomputes both sides' memberships", async () => {
    const steps: string[] = [];
    const opened = vi.spyOn(DuckDBInstance, "create");
    let result;
    try {
      result = await diff({ root: repo, base: "main", today: TODAY, progress: (step) => steps.push(step) });
      // One database per side; before, each side ran the engine again (without caches or --threads) for its memberships.
      expect(opened).toHaveBeenCalledTimes(2);
    } finally {
      opened.mockRestore();
    }
    const once = { "Loading sources": 1, "Computing features": 1, Clustering: 1, "Assigning segments": 1, "Measuring segments": 1, "Reading memberships": 1 };
    const counts = stepCounts(steps);
    expect(Object.keys(counts).sort()).toEqual(["base", "head"]);
    for (const side of ["base", "head"]) expect(counts[side], side).toMatchObject(once);
    // Every step of a side comes before the other side starts: one session each, not interleaved re-runs.
    expect(steps.findLastIndex((s) => s.startsWith("base: "))).toBeLessThan(steps.findIndex((s) => s.startsWith("head: ")));
    expect(result.base.recomputed && result.head.recomputed).toBe(true);
    const lifecycle = result.schemes.find((s) => s.scheme === "lifecycle")!;
    expect(lifecycle.migration?.moved).toBeGreaterThan(0);
  });

  it("passes check's engine options through: one thread and no cache give the same report", async () => {
    const plain = await diff({ root: repo, base: "main", today: TODAY });
    const limited = await diff({ root: repo, base: "main", today: TODAY, threads: 1, memoryLimit: "512MB", cache: false });
    expect(limited).toEqual(plain);
  });

});
