import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lockHistory } from "../../diff/history.ts";
import { buildChanges } from "./changes-page.ts";

const context = { schemeLabels: new Map<string, string>(), segments: new Map<string, { name: string; url: string }>() };

function withFolder(run: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), "seg-changes-"));
  try {
    run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A minimal valid lock with one scheme; ids are whatever the test gives, as a hostile history could. */
function lockText(scheme: string, segments: Record<string, number>, hashes: Record<string, string>, clusters: { k: number; ari: number | null } | null = null): string {
  const population = 100;
  const assigned = Object.values(segments).reduce((a, b) => a + b, 0);
  return JSON.stringify({
    version: 1,
    tool: "seg 0.1.0",
    asOf: "2026-11-01",
    hashes: { config: {}, segments: hashes },
    inputs: {},
    members: population,
    schemes: {
      [scheme]: {
        population,
        unassigned: { count: population - assigned, share: (population - assigned) / population },
        segments: Object.fromEntries(Object.entries(segments).map(([id, count]) => [id, { count, share: count / population, value: count * 2, valueShare: count / assigned }])),
      },
    },
    clusters: clusters && { ...clusters, features: [], transform: [], centroids: [] },
    prioritization: null,
  });
}

function commitAll(dir: string, message: string): void {
  execFileSync("git", ["add", "-A"], { cwd: dir });
  execFileSync("git", ["-c", "user.name=T", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", "commit", "-q", "-m", message], { cwd: dir });
}

describe("buildChanges", () => {
  it("compares consecutive locks, value shares included, and takes ids such as constructor as plain names", () => {
    withFolder((dir) => {
      execFileSync("git", ["init", "-q"], { cwd: dir });
      writeFileSync(join(dir, "segments.lock.json"), lockText("constructor", { __proto__x: 0, constructor: 30, a: 20 }, { "constructor/constructor": "h1", "constructor/a": "h2" }, { k: 3, ari: 0.41 }));
      commitAll(dir, "first");
      writeFileSync(join(dir, "segments.lock.json"), lockText("constructor", { constructor: 25, a: 35 }, { "constructor/constructor": "h1", "constructor/a": "h3", "constructor/b": "h4" }, { k: 4, ari: 0.62 }));
      commitAll(dir, "second");
      const page = buildChanges(lockHistory(dir), context);
      expect(page.status).toBe("available");
      expect(page.hasValue).toBe(true);
      expect(page.commits.map((c) => [c.subject, c.k, c.ari])).toEqual([
        ["first", 3, 0.41],
        ["second", 4, 0.62],
      ]);
      expect(page.hasClusters).toBe(true);
      const second = page.commits[1]!;
      expect(second.definitions).toEqual([
        { key: "constructor/a", scheme: "constructor", id: "a", kind: "changed", fields: [] },
        { key: "constructor/b", scheme: "constructor", id: "b", kind: "added", fields: [] },
      ]);
      expect(new Map(second.segments).get("constructor/a")).toEqual({ count: 35, share: 0.35, valueShare: 35 / 60, delta: 15 });
      expect(new Map(second.segments).get("constructor/constructor")?.delta).toBe(-5);
      // a gained 15 and "in no segment" lost 10 (50 → 40): at least 15 members changed segment.
      expect(second.schemes).toEqual([{ scheme: "constructor", population: 100, unassigned: 40, moved: 15 }]);
      expect(page.schemes[0]!.segments.map((s) => s.key)).toEqual(["constructor/__proto__x", "constructor/a", "constructor/constructor"]);
    });
  });

  it("lists a committed lock whose ids are __proto__ as skipped, with why, and pollutes nothing", () => {
    withFolder((dir) => {
      execFileSync("git", ["init", "-q"], { cwd: dir });
      writeFileSync(join(dir, "segments.lock.json"), lockText("__proto__", { __proto__: 10 }, { "__proto__/__proto__": "h" }));
      commitAll(dir, "hostile ids");
      const page = buildChanges(lockHistory(dir), context);
      // The lock parser refuses a __proto__ key (Seg never writes one), as seg check does for segments.lock.json.
      expect(page.commits).toEqual([]);
      expect(page.skipped.map((c) => c.subject)).toEqual(["hostile ids"]);
      expect(page.skipped[0]!.problem).toMatch(/__proto__/);
      expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    });
  });

  it("says the workspace is not in git, with no figures, outside a repository", () => {
    withFolder((dir) => {
      const page = buildChanges(lockHistory(dir), context);
      expect(page).toMatchObject({ status: "no-repository", commits: [], schemes: [] });
      expect(page.reason).toContain("not inside a git repository");
    });
  });

  it("says the lock was never committed in a repository without it", () => {
    withFolder((dir) => {
      execFileSync("git", ["init", "-q"], { cwd: dir });
      writeFileSync(join(dir, "segments.lock.json"), "{}");
      const page = buildChanges(lockHistory(dir), context);
      expect(page).toMatchObject({ status: "not-committed", reason: "segments.lock.json has never been committed." });
    });
  });

  it("says the build was not given a history when there is none", () => {
    expect(buildChanges(undefined, context)).toMatchObject({ status: "no-repository", reason: "the build was not given the lock's history." });
  });
});
