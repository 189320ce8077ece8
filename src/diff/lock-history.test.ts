import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lockHistory } from "./history.ts";
import type { Lock } from "../lock/lock.ts";
import { stableJson } from "../lock/stable-json.ts";

function lock(asOf: string, segments: Record<string, number>, clusters: Lock["clusters"] = null): Lock {
  const population = 100;
  const assigned = Object.values(segments).reduce((a, b) => a + b, 0);
  return {
    version: 1,
    tool: "seg 0.1.0",
    asOf,
    hashes: { config: {}, segments: {} },
    inputs: {},
    members: population,
    schemes: {
      usage: {
        population,
        unassigned: { count: population - assigned, share: (population - assigned) / population },
        segments: Object.fromEntries(Object.entries(segments).map(([id, count]) => [id, { count, share: count / population, value: count * 10, valueShare: count / assigned }])),
      },
    },
    clusters,
    prioritization: { weights: { size: 100 }, segments: Object.fromEntries(Object.keys(segments).map((id, i) => [id, { total: 5 - i, rank: i + 1 }])) },
  };
}

let repo: string;
const shas: string[] = [];

function git(date: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "commit.gpgsign=false", ...args], {
    cwd: repo,
    encoding: "utf8",
    env: { ...process.env, GIT_AUTHOR_NAME: "T", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "T", GIT_COMMITTER_EMAIL: "t@example.com", GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` },
  });
}

function commit(date: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(repo, path, ".."), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  git(date, "add", "-A");
  git(date, "commit", "-q", "-m", date);
  shas.push(git(date, "rev-parse", "HEAD").trim());
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "seg-history-"));
  git("2026-01-01", "init", "-q", "-b", "main");
  const centroid = (size: number, x: number): Lock["clusters"] => ({
    k: 1,
    features: ["x"],
    transform: [{ kind: "log1p" }],
    centroids: [{ id: "cluster-1", name: "Busy", size, share: size / 100, centroid: { x }, transformed: [Math.log1p(x)] }],
    ari: null,
  });
  commit("2026-01-05", { "ws/segments.lock.json": stableJson(lock("2026-01-01", { heavy: 10 })) });
  commit("2026-02-05", { "ws/segmentation.yaml": "name: unrelated change\n" });
  commit("2026-03-05", { "ws/segments.lock.json": stableJson(lock("2026-03-01", { heavy: 12, light: 40 }, centroid(52, 1.5))) });
  commit("2026-04-05", { "ws/segments.lock.json": "{ not json" });
  commit("2026-05-05", { "ws/segments.lock.json": stableJson(lock("2026-05-01", { heavy: 15, light: 38 }, centroid(53, 1.75))) });
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("lockHistory", () => {
  it("lists every committed version of the lock, oldest first, skipping unreadable ones with the reason", () => {
    const history = lockHistory(join(repo, "ws"));
    expect(history.available).toBe(true);
    expect(history.versions.map((v) => [v.commit, v.date, v.status])).toEqual([
      [shas[0], "2026-01-05", "ok"],
      [shas[2], "2026-03-05", "ok"],
      [shas[3], "2026-04-05", "invalid"],
      [shas[4], "2026-05-05", "ok"],
    ]);
    expect(history.versions[2]!.problem).toMatch(/^not valid JSON/);
  });

  it("gives each segment a time series of count, share, value and rank", () => {
    const history = lockHistory(join(repo, "ws"));
    expect(history.segments["usage/heavy"]!.map((p) => [p.date, p.asOf, p.count, p.share, p.value, p.rank])).toEqual([
      ["2026-01-05", "2026-01-01", 10, 0.1, 100, 1],
      ["2026-03-05", "2026-03-01", 12, 0.12, 120, 1],
      ["2026-05-05", "2026-05-01", 15, 0.15, 150, 1],
    ]);
    expect(history.segments["usage/light"]!.map((p) => [p.commit, p.count, p.rank])).toEqual([
      [shas[2], 40, 2],
      [shas[4], 38, 2],
    ]);
    expect(history.unassigned.usage!.map((p) => p.count)).toEqual([90, 48, 47]);
  });

  it("gives each cluster a series of its size and centroid", () => {
    const history = lockHistory(join(repo, "ws"));
    expect(history.clusters["cluster-1"]).toEqual([
      { commit: shas[2], date: "2026-03-05", asOf: "2026-03-01", name: "Busy", size: 52, share: 0.52, centroid: { x: 1.5 } },
      { commit: shas[4], date: "2026-05-05", asOf: "2026-05-01", name: "Busy", size: 53, share: 0.53, centroid: { x: 1.75 } },
    ]);
  });

  it("reads no version over the size limit (a committed lock of gigabytes compresses to kilobytes in git), and lists it with the reason", () => {
    const cap = Buffer.byteLength(stableJson(lock("2026-01-01", { heavy: 10 })));
    const history = lockHistory(join(repo, "ws"), { maxVersionBytes: cap });
    expect(history.available).toBe(true);
    expect(history.versions.map((v) => [v.commit, v.status])).toEqual([
      [shas[0], "ok"],
      [shas[2], "invalid"],
      [shas[3], "invalid"],
      [shas[4], "invalid"],
    ]);
    expect(history.versions[1]!.problem).toMatch(new RegExp(`^\\d+ bytes, over the limit of ${cap} bytes for a lock; not read$`));
    expect(history.versions[2]!.problem).toMatch(/^not valid JSON/);
    expect(history.segments["usage/heavy"]!.map((p) => p.commit)).toEqual([shas[0]]);
  });

  it("is empty, with the reason, outside a git repository", () => {
    const plain = mkdtempSync(join(tmpdir(), "seg-plain-"));
    try {
      const history = lockHistory(plain);
      expect(history).toMatchObject({ available: false, versions: [], segments: {}, clusters: {} });
      expect(history.reason).toContain("not inside a git repository");
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});
