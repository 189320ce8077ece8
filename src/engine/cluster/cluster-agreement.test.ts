import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../duckdb.ts";
import { clusterAgreement } from "./cluster-agreement.ts";

let db: Database;
beforeAll(async () => {
  db = await openDatabase();
  // Members 1–8 in clusters; member 9 could not be clustered.
  await db.run(`CREATE TABLE clusters AS SELECT * FROM (VALUES
    (1, 'cluster-1'), (2, 'cluster-1'), (3, 'cluster-1'), (4, 'cluster-2'), (5, 'cluster-2'), (6, 'cluster-2'), (7, 'cluster-3'), (8, 'cluster-3'), (9, NULL)
  ) t(member_id, cluster_id)`);
  await db.run(`CREATE TABLE memberships AS SELECT * FROM (VALUES
    ('usage', 1, 'light'), ('usage', 2, 'light'), ('usage', 3, 'light'), ('usage', 4, 'power'), ('usage', 5, 'power'), ('usage', 6, 'power'), ('usage', 7, NULL), ('usage', 8, NULL), ('usage', 9, 'light'),
    ('mixed', 1, 'a'), ('mixed', 2, 'a'), ('mixed', 3, 'b'), ('mixed', 4, 'b'), ('mixed', 4, 'a'), ('mixed', 5, 'b'), ('mixed', 6, 'b'), ('mixed', 7, 'a'), ('mixed', 8, 'b')
  ) t(scheme, member_id, segment)`);
});
afterAll(() => db.close());

describe("clusterAgreement", () => {
  it("cross-tabulates segments with clusters, the unassigned as their own row", async () => {
    const usage = await clusterAgreement(db, "usage");
    expect(usage.table).toEqual({
      rows: ["(unassigned)", "light", "power"],
      columns: ["cluster-1", "cluster-2", "cluster-3"],
      counts: [
        [0, 0, 2],
        [3, 0, 0],
        [0, 3, 0],
      ],
    });
    // Identical partitions of the 8 clustered members.
    expect(usage).toMatchObject({ scheme: "usage", ari: 1, members: 8, overlapping: 0 });
  });

  it("an exclusive scheme (a row per member) gives the same agreement without counting segments per member", async () => {
    expect(await clusterAgreement(db, "usage", undefined, "exclusive")).toEqual(await clusterAgreement(db, "usage"));
  });

  it("pairs the memberships of a scheme in the clusters' order by position, and stops when a pair's members differ", async () => {
    // Both tables in member order, as the engine writes them: the same agreement as through the join.
    expect(await clusterAgreement(db, "usage", undefined, "positional")).toEqual(await clusterAgreement(db, "usage"));
    await db.run(`CREATE OR REPLACE TABLE shuffled AS SELECT * FROM memberships ORDER BY scheme, member_id DESC`);
    await db.run(`ALTER TABLE memberships RENAME TO memberships_sorted; ALTER TABLE shuffled RENAME TO memberships`);
    try {
      await expect(clusterAgreement(db, "usage", undefined, "positional")).rejects.toThrow(/memberships and clusters out of step/);
    } finally {
      await db.run(`DROP TABLE memberships; ALTER TABLE memberships_sorted RENAME TO memberships`);
    }
  });

  it("counts members of several segments in the table but not in the index", async () => {
    const mixed = await clusterAgreement(db, "mixed");
    expect(mixed.table.counts.flat().reduce((s, v) => s + v, 0)).toBe(9);
    expect(mixed).toMatchObject({ members: 7, overlapping: 1 });
    // sklearn: adjusted_rand_score(['a','a','b','b','b','a','b'], [1,1,1,2,2,3,3]) == -0.029411764705882353
    expect(mixed.ari).toBeCloseTo(-0.029411764705882353, 15);
  });

  it("has an empty table for an unknown scheme", async () => {
    expect(await clusterAgreement(db, "nope")).toMatchObject({ ari: null, members: 0, table: { rows: [], columns: [], counts: [] } });
  });
});
