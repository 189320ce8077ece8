import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "./duckdb.ts";
import { exactMedians } from "./exact-median.ts";

let db: Database;
beforeEach(async () => {
  db = await openDatabase({ threads: 2 });
});
afterEach(() => db.close());

/** DuckDB's own median of each column per group, as exactMedians returns them. */
async function duckdbMedians(from: string, condition: string, group: string, columns: Map<string, string>) {
  const rows = await db.all(`SELECT ${group} AS g, ${[...columns].map(([name, x]) => `median(${x}) AS "${name}"`).join(", ")} FROM ${from} WHERE ${condition} GROUP BY 1`);
  return new Map(rows.map((row) => [row.g === null ? null : String(row.g), Object.fromEntries([...columns.keys()].map((name) => [name, row[name] === null ? null : Number(row[name])]))]));
}

function expectSame(a: Map<string | null, Record<string, number | null>>, b: Map<string | null, Record<string, number | null>>) {
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  for (const [group, medians] of b) {
    for (const [column, value] of Object.entries(medians)) {
      // Bit for bit: Object.is tells -0 from 0.
      expect({ group, column, same: Object.is(a.get(group)![column], value), value: a.get(group)![column] }).toEqual({ group, column, same: true, value });
    }
  }
}

describe("exactMedians", () => {
  it("equals DuckDB's median bit for bit on large skewed, tied and sparse groups (ranks narrowed over several scans)", async () => {
    // 400,003 rows in four groups (one NULL): an odd and an even count, doubles spread over twenty orders of magnitude,
    // whole numbers with many ties, a column mostly NULL.
    await db.run(`CREATE TABLE t AS SELECT CASE i % 4 WHEN 0 THEN 'a' WHEN 1 THEN 'b' WHEN 2 THEN 'c' END AS g,
      exp((hash(i) % 1000003) / 1000003.0 * 46) * CASE WHEN hash(i + 7) % 2 = 0 THEN 1 ELSE -1 END AS skewed,
      CAST(hash(i + 1) % 37 AS DOUBLE) AS tied,
      CASE WHEN hash(i + 2) % 100 = 0 THEN (hash(i + 3) % 1000) / 8.0 END AS sparse
      FROM range(400003) r(i)`);
    const columns = new Map([["skewed", "CAST(t.skewed AS DOUBLE)"], ["tied", "t.tied"], ["sparse", "t.sparse"]]);
    for (const condition of ["TRUE", "t.g IN ('a', 'c') OR t.g IS NULL", "t.g = 'b' AND t.skewed > 3"]) {
      const statements: string[] = [];
      const all = db.all.bind(db);
      const medians = await exactMedians({ ...db, all: (sql) => (statements.push(sql), all(sql)) }, { from: "t", condition, group: "t.g", columns });
      expectSame(medians, await duckdbMedians("t", condition, "t.g", columns));
      // Found by counting, not by DuckDB's median.
      expect(statements.filter((sql) => sql.includes("median(")), condition).toEqual([]);
    }
  });

  it("equals DuckDB's median on small groups, one value, no value, NaN, infinities and zeros of either sign", async () => {
    await db.run(`CREATE TABLE t AS SELECT * FROM (VALUES ('one', 2.5), ('two', 1.0), ('two', 4.0), ('none', NULL), ('nan', 1.0), ('nan', 'NaN'::DOUBLE), ('nan', 3.0),
      ('inf', '-inf'::DOUBLE), ('inf', 5.0), ('zero', -0.0), ('zero', 0.0), ('zero', 1.0), ('negzero', -0.0), ('negzero', -0.0), ('mix', -1.0), ('mix', 1.0), ('mix', 7.0), ('mix', 7.5)) v(g, x)`);
    const columns = new Map([["x", "t.x"]]);
    const medians = await exactMedians(db, { from: "t", condition: "TRUE", group: "t.g", columns });
    expectSame(medians, await duckdbMedians("t", "TRUE", "t.g", columns));
    expect(medians.get("two")).toEqual({ x: 2.5 });
    expect(medians.get("none")).toEqual({ x: null });
  });

  it("equals DuckDB's interpolation of the two middle values on random pairs", async () => {
    await db.run(`CREATE TABLE t AS SELECT i // 2 AS g, (hash(i) % 1000000007) / 7.0 - 5e7 AS x FROM range(20000) r(i)`);
    const columns = new Map([["x", "t.x"]]);
    expectSame(await exactMedians(db, { from: "t", condition: "TRUE", group: "CAST(t.g AS VARCHAR)", columns }), await duckdbMedians("t", "TRUE", "CAST(t.g AS VARCHAR)", columns));
  });
});
