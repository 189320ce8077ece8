import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clustering } from "../../schema/clustering.ts";
import { openDatabase, type Database } from "../duckdb.ts";
import { runClustering, type ClusteringResult } from "./run-clustering.ts";
import type { PreviousClusters } from "./stable-ids.ts";

/** What the lock keeps of a result so that the next run can keep its cluster ids (lock/previous-clusters.ts reads it back). */
const toPreviousClusters = (result: ClusteringResult): PreviousClusters => ({
  features: [...result.features],
  clusters: result.clusters.map((c) => ({ id: c.id, name: c.name, centroid: [...c.centroidOriginal] })),
});

/**
 * 600 members in three usage groups (low, mid, high active days and runs),
 * member 900 without runs, member 901 far out on both features.
 */
const FEATURES_SQL = `CREATE OR REPLACE TABLE features AS
SELECT range AS member_id,
       CAST([3, 20, 60][range % 3 + 1] + (hash(range, 1) % 7) AS DOUBLE) AS active_days,
       CAST([2, 40, 300][range % 3 + 1] + (hash(range, 2) % 11) AS DOUBLE) AS workflow_runs,
       -1.0 * (range % 5) AS balance
FROM range(600)
UNION ALL SELECT 900, 10, NULL, 0
UNION ALL SELECT 901, 5000, 90000, 0
ORDER BY member_id`;

const clustering: Clustering = { features: ["active_days", "workflow_runs"], transform: ["log1p", "standardize"], k: { min: 2, max: 5 }, seed: 42, sample: 50_000 };

let db: Database;
let result: ClusteringResult;
beforeAll(async () => {
  db = await openDatabase();
  await db.run(FEATURES_SQL);
  const outcome = await runClustering(db, clustering, { featureLabels: { active_days: "active days" } });
  if (outcome.status !== "fitted") throw new Error(outcome.message);
  result = outcome;
});
afterAll(() => db.close());

describe("runClustering", () => {
  it("chooses k by silhouette and reports every k tried", () => {
    expect(result.k).toBe(3);
    expect(result.candidates.map((c) => c.k)).toEqual([2, 3, 4, 5]);
    expect(result.clusters.map((c) => c.id)).toEqual(["cluster-1", "cluster-2", "cluster-3"]);
  });

  it("computes the silhouette on every fitted row up to the sample size, on a seeded sample above it, and says which", async () => {
    expect(result.silhouetteSample).toEqual({ rows: 600, of: 600 });
    const sampled = await runClustering(db, clustering, { silhouetteSample: 200 });
    const again = await runClustering(db, clustering, { silhouetteSample: 200 });
    if (sampled.status !== "fitted" || again.status !== "fitted") throw new Error("not fitted");
    expect(sampled.silhouetteSample).toEqual({ rows: 200, of: 600 });
    // Same fits, silhouettes from fewer rows: close to the exact ones, not equal, and the same on every run.
    expect(sampled.candidates.map((c) => c.inertia)).toEqual(result.candidates.map((c) => c.inertia));
    expect(sampled.candidates.map((c) => c.silhouette)).not.toEqual(result.candidates.map((c) => c.silhouette));
    sampled.candidates.forEach((c, i) => expect(Math.abs(c.silhouette! - result.candidates[i]!.silhouette!)).toBeLessThan(0.05));
    expect(again.candidates).toEqual(sampled.candidates);
  });

  it("counts members left out and sets outliers aside", () => {
    expect(result).toMatchObject({ members: 602, incomplete: 1, sampled: false, fitted: 600, outlierMembers: 1 });
    expect(result.outliers).toEqual([{ memberId: 901, features: ["active_days", "workflow_runs"] }]);
  });

  it("names clusters by profile and gives centroids in both spaces", () => {
    // z-scores in original units: the skewed runs put the middle group below their mean.
    expect(result.clusters.map((c) => c.name)).toEqual(["Low active days, low workflow runs", "Low workflow runs", "High workflow runs, high active days"]);
    const high = result.clusters.find((c) => c.name.startsWith("High"))!;
    expect(high.centroidOriginal[0]).toBeGreaterThan(55);
    expect(high.centroidOriginal[0]).toBeLessThan(70);
    expect(high.centroid[0]).toBeGreaterThan(0);
  });

  it("creates the clusters table with every member, sizes adding up", async () => {
    const rows = await db.all(`SELECT count(*) AS n, count(cluster_id) AS assigned FROM clusters`);
    expect(rows[0]).toEqual({ n: 602, assigned: 601 });
    expect(result.clusters.reduce((s, c) => s + c.size, 0)).toBe(601);
    const sizes = await db.all(`SELECT cluster_id, count(*) AS n FROM clusters WHERE cluster_id IS NOT NULL GROUP BY ALL ORDER BY cluster_id`);
    expect(sizes.map((r) => [r.cluster_id, r.n])).toEqual(result.clusters.map((c) => [c.id, c.size]));
  });

  it("fits a deterministic sample of a large population and still assigns everyone", async () => {
    const sampled = await runClustering(db, { ...clustering, sample: 150 });
    if (sampled.status !== "fitted") throw new Error(sampled.message);
    expect(sampled).toMatchObject({ sampled: true, k: 3, members: 602, incomplete: 1 });
    expect(sampled.fitted).toBeLessThanOrEqual(150);
    expect(sampled.clusters.reduce((s, c) => s + c.size, 0)).toBe(601);
    expect(JSON.stringify(await runClustering(db, { ...clustering, sample: 150 }))).toBe(JSON.stringify(sampled));
  });

  it("reports skewness and recommends log1p only where it is missing", async () => {
    expect(result.skewness.map((s) => s.recommendLog1p)).toEqual([false, false]);
    expect(result.recommendations).toEqual([]);
    const plain = await runClustering(db, { ...clustering, transform: ["standardize"] });
    if (plain.status !== "fitted") throw new Error(plain.message);
    const runs = plain.skewness[1]!;
    expect(runs.skewness).toBeGreaterThan(1);
    expect(plain.recommendations).toContain(`"workflow_runs" is skewed (${runs.skewness!.toFixed(2)}): list log1p first in clustering.transform.`);
  });

  it("is deterministic", async () => {
    const again = await runClustering(db, clustering, { featureLabels: { active_days: "active days" } });
    expect(JSON.stringify(again)).toBe(JSON.stringify(result));
  });

  it("keeps cluster ids from the previous lock", async () => {
    const previous = {
      features: ["workflow_runs", "active_days"],
      clusters: result.clusters.map((c, i) => ({ id: `cluster-${[7, 3, 9][i]}`, name: c.name, centroid: [c.centroidOriginal[1]!, c.centroidOriginal[0]!] })),
    };
    const again = await runClustering(db, clustering, { previous });
    if (again.status !== "fitted") throw new Error(again.message);
    expect(again.clusters.map((c) => c.id)).toEqual(["cluster-7", "cluster-3", "cluster-9"]);
    expect(again.stability).toMatchObject({ ari: 1, sameIdShare: 1, retired: [] });
    const fromLock = await runClustering(db, { ...clustering, k: { min: 2, max: 2 } }, { previous: toPreviousClusters(result) });
    if (fromLock.status !== "fitted") throw new Error(fromLock.message);
    expect(fromLock.stability!.retired.length).toBe(1);
    expect(fromLock.stability!.ari).toBeLessThan(1);
  });

  it("returns a problem for log1p over negative values and for too few members", async () => {
    const negative = await runClustering(db, { ...clustering, features: ["active_days", "balance"] });
    expect(negative).toMatchObject({ status: "problem", code: "log1p-domain", path: ["clustering", "transform", 0] });
    expect(negative.status === "problem" && negative.message).toBe('log1p needs values of 0 or more, but "balance" (minimum -4) has negative values.');
    await db.run(`CREATE OR REPLACE TABLE features AS SELECT * FROM (VALUES (1, 1.0), (2, 2.0), (3, NULL)) t(member_id, x)`);
    const few = await runClustering(db, { ...clustering, features: ["x"], k: { min: 2, max: 4 } });
    expect(few).toMatchObject({ status: "problem", code: "too-few-members" });
  });
});
