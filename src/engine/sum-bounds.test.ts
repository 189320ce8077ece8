import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "./duckdb.ts";
import { squaredBounds, sumBounds } from "./sum-bounds.ts";

let db: Database;
beforeAll(async () => {
  db = await openDatabase({ threads: 2 });
  // Columns of 5,000 rows: spread doubles with ties and -0.0, whole numbers, squares that overflow, squares that
  // underflow, all zeros, none, and a NaN.
  await db.run(`CREATE TABLE t AS SELECT
    CASE WHEN i % 97 = 0 THEN -0.0 WHEN i % 13 = 0 THEN NULL ELSE (hash(i) % 2000003) / 977.0 - 1000 END AS spread,
    CAST(hash(i) % 100000 AS BIGINT) AS whole,
    CASE WHEN i = 7 THEN 1e200 ELSE i / 3.0 END AS huge,
    CASE WHEN i = 7 THEN 1e-170 ELSE i / 3.0 END AS tiny,
    0.0 AS zeros,
    CAST(NULL AS DOUBLE) AS nothing,
    CASE WHEN i = 11 THEN 'NaN'::DOUBLE ELSE i END AS nan
    FROM range(5000) r(i)`);
});
afterAll(() => db.close());

const query = (sql: string) => db.all(sql);

describe("squaredBounds", () => {
  it("gives the bounds a scan of the squares finds, from the column's own", async () => {
    const names = ["spread", "whole", "huge", "zeros", "nothing", "nan"];
    const plain = await sumBounds(query, "t", new Map(names.map((n) => [n, `t.${n}`])));
    const squares = await sumBounds(query, "t", new Map(names.map((n) => [n, `CAST(t.${n} AS DOUBLE) * CAST(t.${n} AS DOUBLE)`])));
    for (const name of names) expect(squaredBounds(plain.get(name)!), name).toEqual(squares.get(name));
    // The overflowing square makes the squares not finite, as the scan finds.
    expect(squares.get("huge")?.finite).toBe(false);
  });

  it("leaves squares below the normal doubles to a scan", async () => {
    const plain = await sumBounds(query, "t", new Map([["tiny", "t.tiny"]]));
    expect(squaredBounds(plain.get("tiny")!)).toBeUndefined();
  });
});
