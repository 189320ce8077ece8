import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mulberry32 } from "../stats/seeded-random.ts";
import { openDatabase, type Database } from "../duckdb.ts";
import { assignClustersSql, featuresWithClustersSql } from "./assign-sql.ts";
import { fitKMeans } from "./kmeans.ts";
import { toRows } from "../../../test/support/matrix-rows.ts";
import { tukeyFences } from "./outliers.ts";
import { readMatrix } from "./read-matrix.ts";
import { fitTransform } from "./transform.ts";

let db: Database;
beforeAll(async () => {
  db = await openDatabase();
  const random = mulberry32(5);
  const rows = Array.from({ length: 400 }, (_, i) => `(${i}, ${Math.round(random() * 1000 * (1 + (i % 3)))}, ${(i % 3) * 10 + random()})`);
  await db.run(`CREATE TABLE features AS SELECT * FROM (VALUES ${rows.join(", ")}, (400, NULL, 1.0), (401, 900000, 50000.0)) t(member_id, "it's spend", "x0")`);
});
afterAll(() => db.close());

describe("assignClustersSql", () => {
  it("assigns every member in SQL exactly as k-means labels the fitted rows", async () => {
    const features = ["it's spend", "x0"];
    const read = await readMatrix(db, features, { sample: 10_000, seed: 1 });
    const { transform, transformed } = fitTransform(read.matrix, features, ["log1p", "standardize"]);
    const fit = fitKMeans(transformed, 3, { seed: 1 });
    const centroids = toRows({ data: fit.centroids, n: 3, d: 2 });
    const fences = tukeyFences(transformed, features);
    await db.run(assignClustersSql({ transform, centroids, ids: ["cluster-1", "cluster-2", "cluster-3"], names: ["A", "B", "C's"], fences }));

    const rows = await db.all(`SELECT * FROM clusters ORDER BY member_id`);
    expect(rows.length).toBe(402);
    expect(Object.keys(rows[0]!)).toEqual(["member_id", "cluster_id", "cluster_name", "distance", "outlier"]);
    const byId = new Map(rows.map((r) => [r.member_id, r]));
    read.ids.forEach((id, i) => {
      const row = byId.get(id)!;
      expect(row.cluster_id).toBe(`cluster-${fit.labels[i]! + 1}`);
      const c = centroids[fit.labels[i]!]!;
      const x = [transformed.data[i * 2]!, transformed.data[i * 2 + 1]!];
      expect(row.distance as number).toBeCloseTo(Math.hypot(x[0]! - c[0]!, x[1]! - c[1]!), 9);
    });
    expect(byId.get(2)!.cluster_name).toBe(["A", "B", "C's"][fit.labels[2]!]);
    expect(byId.get(400)).toEqual({ member_id: 400, cluster_id: null, cluster_name: null, distance: null, outlier: null });
    // Far out on both features.
    expect(byId.get(401)!.outlier).toBe(true);
    expect(rows.filter((r) => r.outlier === true).length).toBe(1);
  });

  it("the features with their cluster columns, computed in a view, hold the clusters table's values and keep every column", async () => {
    const features = ["it's spend", "x0"];
    const read = await readMatrix(db, features, { sample: 10_000, seed: 1 });
    const { transform, transformed } = fitTransform(read.matrix, features, ["log1p", "standardize"]);
    const fit = fitKMeans(transformed, 3, { seed: 1 });
    const model = { transform, centroids: toRows({ data: fit.centroids, n: 3, d: 2 }), ids: ["cluster-1", "cluster-2", "cluster-3"], names: ["A", "B", "C's"], fences: tukeyFences(transformed, features) };
    await db.run(assignClustersSql(model));
    // Features named as the steps' own columns and the clusters table's would be: the view's steps are named apart.
    await db.run(`CREATE OR REPLACE TABLE wide AS SELECT *, 1 AS seg_v_1, 2 AS "SEG_best", 3 AS best, 4 AS outlier, 5 AS distance FROM features`);
    const columns = (await db.all(`SELECT column_name FROM (DESCRIBE wide)`)).map((r) => String(r.column_name));
    await db.run(`CREATE OR REPLACE VIEW wide_clustered AS ${featuresWithClustersSql(model, "wide", columns)}`);
    const rows = await db.all(`SELECT * FROM wide_clustered ORDER BY member_id`);
    expect(Object.keys(rows[0]!)).toEqual([...columns, "cluster_id", "cluster_name", "cluster_outlier", "cluster_status"]);
    const expected = await db.all(
      `SELECT w.*, c.cluster_id, c.cluster_name, c.outlier AS cluster_outlier, CASE WHEN c.cluster_id IS NULL THEN 'missing' WHEN c.outlier THEN 'outlier' ELSE 'fitted' END AS cluster_status FROM wide w JOIN clusters c USING (member_id) ORDER BY member_id`,
    );
    expect(rows).toEqual(expected);
    expect(rows.filter((r) => r.cluster_status === "outlier").length).toBe(1);
    expect(rows.find((r) => r.member_id === 400)).toMatchObject({ cluster_id: null, cluster_status: "missing" });
  });

  it("keeps the features table's row order, across row groups and threads, so the two pair by position", async () => {
    // 300,000 members in an order no sort would give (ids descending by a stride), over several row groups.
    const big = await openDatabase({ threads: 2 });
    try {
      await big.run(`CREATE TABLE features AS SELECT (i * 7919) % 300000 AS member_id, CAST(i % 97 AS DOUBLE) AS a, CAST(i % 13 AS DOUBLE) AS b FROM range(300000) r(i)`);
      const { transform } = fitTransform({ data: Float64Array.from([0, 0, 10, 10]), n: 2, d: 2 }, ["a", "b"], []);
      await big.run(assignClustersSql({ transform, centroids: [[0, 0], [50, 10]], ids: ["c1", "c2"], names: ["A", "B"], fences: [] }));
      const [row] = await big.all(`SELECT count(*) AS n, count(*) FILTER (WHERE f.member_id IS DISTINCT FROM c.member_id) AS apart FROM features f POSITIONAL JOIN clusters c`);
      expect(row).toEqual({ n: 300000, apart: 0 });
    } finally {
      big.close();
    }
  });

  it("takes the first centroid on a tie, as k-means does", async () => {
    const { transform } = fitTransform({ data: Float64Array.from([0, 0, 2, 2]), n: 2, d: 2 }, ["it's spend", "x0"], []);
    await db.run(assignClustersSql({ transform, centroids: [[1, 5], [1, 5]], ids: ["a", "b"], names: ["A", "B"], fences: [] }));
    const ids = (await db.columns(`SELECT DISTINCT cluster_id FROM clusters WHERE cluster_id IS NOT NULL`)).cluster_id;
    expect(ids).toEqual(["a"]);
  });

  it("refuses non-finite centroids and mismatched names", () => {
    const { transform } = fitTransform({ data: Float64Array.from([0, 0, 2, 2]), n: 2, d: 2 }, ["a", "b"], []);
    expect(() => assignClustersSql({ transform, centroids: [[Number.NaN, 1]], ids: ["a"], names: ["A"], fences: [] })).toThrow("cannot write NaN");
    expect(() => assignClustersSql({ transform, centroids: [[1, 1]], ids: [], names: ["A"], fences: [] })).toThrow("one id and one name per centroid");
  });
});
