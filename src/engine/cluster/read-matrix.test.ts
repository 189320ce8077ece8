import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../duckdb.ts";
import { summarizeFeatures } from "./feature-summary.ts";
import { toRows } from "../../../test/support/matrix-rows.ts";
import { readMatrix } from "./read-matrix.ts";

let db: Database;
beforeAll(async () => {
  db = await openDatabase();
  await db.run(`CREATE TABLE features AS SELECT * FROM (VALUES
    ('c', 3, 30.5, 'x'), ('a', 1, 10.0, 'y'), ('b', NULL, 20.0, 'z'), ('d', 4, 'nan'::DOUBLE, 'w'), ('e', 5, 50.0, 'v')
  ) t(member_id, "visit count", spend, label)`);
  await db.run(`CREATE TABLE big AS SELECT 'm' || lpad(CAST(range AS VARCHAR), 5, '0') AS member_id, range AS x, range % 7 AS y FROM range(1000)`);
});
afterAll(() => db.close());

describe("readMatrix", () => {
  it("reads complete members in member order and counts the rest", async () => {
    const read = await readMatrix(db, ["visit count", "spend"], { sample: 100, seed: 1 });
    expect(read.ids).toEqual(["a", "c", "e"]);
    expect(toRows(read.matrix)).toEqual([
      [1, 10],
      [3, 30.5],
      [5, 50],
    ]);
    expect(read).toMatchObject({ members: 5, incomplete: 2, sampled: false });
  });

  it("reads a deterministic sample beyond the sample size", async () => {
    const a = await readMatrix(db, ["x", "y"], { sample: 100, seed: 7, table: "big" });
    expect(a.matrix.n).toBe(100);
    expect(a).toMatchObject({ members: 1000, incomplete: 0, sampled: true });
    expect(a.ids).toEqual([...a.ids].sort());
    expect((await readMatrix(db, ["x", "y"], { sample: 100, seed: 7, table: "big" })).ids).toEqual(a.ids);
    expect((await readMatrix(db, ["x", "y"], { sample: 100, seed: 8, table: "big" })).ids).not.toEqual(a.ids);
    // The members whose md5(id/seed) sorts first: a key any warehouse computes alike (sample-key.ts).
    const md5 = (text: string) => createHash("md5").update(text).digest("hex");
    const expected = Array.from({ length: 1000 }, (_, i) => `m${String(i).padStart(5, "0")}`).sort((x, y) => (md5(`${x}/7`) < md5(`${y}/7`) ? -1 : 1));
    expect(a.ids).toEqual(expected.slice(0, 100).sort());
    // Spread over the whole range, not the first hundred.
    expect(Math.max(...a.matrix.data.filter((_, i) => i % 2 === 0))).toBeGreaterThan(500);
  });
});

describe("summarizeFeatures", () => {
  it("gives the range over complete members in original units", async () => {
    expect(await summarizeFeatures(db, ["visit count", "spend"])).toEqual([
      { feature: "visit count", min: 1, max: 5 },
      { feature: "spend", min: 10, max: 50 },
    ]);
  });
});
