import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../engine/duckdb.ts";
import { duckdb } from "../../expr/dialects/duckdb.ts";
import { parseExpression } from "../../expr/parser.ts";
import type { AggregatePlan } from "../plan.ts";
import { bigquery } from "../../expr/dialects/bigquery.ts";
import type { Dialect } from "../../expr/dialects/dialect.ts";
import { aggregateScanKey, aggregateSql, aggregatesSql } from "./aggregate-sql.ts";
import { aggregatePlan } from "../../../test/support/aggregate-plan.ts";

let db: Database;
beforeAll(async () => {
  db = await openDatabase({ threads: 1 });
  await db.run(`CREATE TABLE s AS SELECT * FROM (VALUES
    ('a', TIMESTAMP '2026-10-30 10:00:00', 10.5, 'paid'), ('a', TIMESTAMP '2026-10-30 12:00:00', NULL, 'paid'), ('a', TIMESTAMP '2026-05-01 09:00:00', 3.0, 'void'),
    ('b', TIMESTAMP '2026-09-01 00:00:00', 7.0, 'paid'), ('b', TIMESTAMP '2026-11-02 00:00:00', 99.0, 'paid'), (NULL, TIMESTAMP '2026-10-01 00:00:00', 1.0, 'paid'),
    ('c', TIMESTAMP '2026-10-31 23:59:59', NULL, 'void')) v(customer, ts, amount, status)`);
});
afterAll(() => db.close());

const feature = aggregatePlan;
const AS_OF = "2026-11-01";

function expression(text: string) {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.ast;
}

describe("aggregatesSql", () => {
  it("gives every feature that reads the same rows the value its own query gives, from one scan", async () => {
    const features = [
      feature("n", "count"),
      feature("amounts", "count", { column: "amount" }),
      feature("avg", "avg", { column: "amount" }),
      feature("total", "sum", { column: "amount" }),
      feature("days", "count_distinct_days"),
      feature("per_day", "events_per_active_day"),
      feature("last", "days_since_last"),
      feature("first", "days_since_first"),
      feature("most", "max", { column: "amount" }),
    ];
    const together = await db.all(`${aggregatesSql(features.map((f, i) => ({ feature: f, as: `v${i}` })), "s", AS_OF, duckdb)} ORDER BY 1`);
    expect(together.map((r) => r.member_id)).toEqual(["a", "b", "c"]);
    for (const [i, f] of features.entries()) {
      const alone = await db.all(`${aggregateSql(f, "s", AS_OF, duckdb)} ORDER BY 1`);
      expect(together.map((r) => [r.member_id, r[`v${i}`]])).toEqual(alone.map((r) => [r.member_id, r.value]));
    }
  });

  it("gives features over different windows and filters of one source, read in one scan, the values their own queries give", async () => {
    const paid = expression("status = 'paid'");
    const recent = { windowStart: "2026-10-01 00:00:00" };
    const features = [
      feature("n", "count"),
      feature("recent_paid", "count", { ...recent, where: paid, fallback: 0 }),
      feature("recent_paid_or_null", "count", { ...recent, where: paid }),
      feature("recent_days", "count_distinct_days", recent),
      feature("recent_per_day", "events_per_active_day", recent),
      feature("paid_total", "sum", { column: "amount", where: paid, fallback: 0 }),
      feature("paid_avg", "avg", { column: "amount", where: paid }),
      feature("void_avg", "avg", { column: "amount", where: expression("status = 'void'") }),
      feature("recent_last", "days_since_last", recent),
      feature("paid_first", "days_since_first", { where: paid }),
      feature("recent_most", "max", { ...recent, column: "amount" }),
      feature("no_timestamp", "count", { timestamp: undefined }),
    ];
    // Some member has no row a feature reads (c has no paid row, b none in the window before as_of), so the
    // feature's own query has no row for it: the shared query must then give NULL too, not 0.
    const shared = aggregatesSql(features.map((f, i) => ({ feature: f, as: `v${i}` })), "s", AS_OF, duckdb);
    expect(shared.match(/\bFROM s s\b/g)).toHaveLength(1);
    const together = await db.all(`${shared} ORDER BY 1`);
    for (const [i, f] of features.entries()) {
      const alone = new Map((await db.all(aggregateSql(f, "s", AS_OF, duckdb))).map((r) => [r.member_id, r.value]));
      // What the features relation keeps: the value, or the fallback where there is none (coalesce).
      const kept = (value: unknown) => value ?? f.fallback;
      const expected = together.map((r) => [r.member_id, kept(alone.get(r.member_id))]);
      expect(together.map((r) => [r.member_id, kept(r[`v${i}`])]), f.name).toEqual(expected);
    }
    // NULL-fallback counts differ from 0 somewhere, so the guard is exercised.
    expect(together.find((r) => r.member_id === "c")?.v2).toBeNull();
    expect(together.find((r) => r.member_id === "c")?.v1).toBe(0);
  });

  it("chooses a feature's own rows with a CASE where the warehouse has no FILTER clause, with the same values", async () => {
    // BigQuery's SQL is plain enough for DuckDB to run here, apart from its backquoted names and type names.
    const asDuckdb = (sql: string) => sql.replaceAll("`", '"').replaceAll(" FLOAT64", " DOUBLE");
    const features = [feature("n", "count"), feature("recent", "count", { windowStart: "2026-10-01 00:00:00" }), feature("paid_total", "sum", { column: "amount", where: expression("status = 'paid'") })];
    const sql = (dialect: Dialect) => `${aggregatesSql(features.map((f, i) => ({ feature: f, as: `v${i}` })), "s", AS_OF, dialect)} ORDER BY 1`;
    expect(sql(bigquery)).not.toContain("FILTER");
    expect(sql(bigquery)).toContain("CASE WHEN");
    expect(await db.all(asDuckdb(sql(bigquery)))).toEqual(await db.all(sql(duckdb)));
  });

  it("groups the rows without a customer into one row of a NULL member when asked, the members' rows unchanged", async () => {
    const features = [feature("n", "count"), feature("total", "sum", { column: "amount" }), feature("last", "days_since_last")].map((f, i) => ({ feature: f, as: `v${i}` }));
    const dropped = aggregatesSql(features, "s", AS_OF, duckdb);
    const grouped = aggregatesSql(features, "s", AS_OF, duckdb, undefined, "grouped");
    expect(grouped).not.toMatch(/IS NOT NULL/);
    const members = await db.all(`${dropped} ORDER BY 1`);
    const all = await db.all(`${grouped} ORDER BY 1 NULLS LAST`);
    // The one row of s without a customer (1.0 on 2026-10-01) is its own group; joined to the members by id it matches none.
    expect(all.slice(0, -1)).toEqual(members);
    expect(all.at(-1)).toEqual({ member_id: null, v0: 1, v1: 1, v2: 31 });
    const joined = await db.all(`SELECT m.member_id, g.v0 FROM (VALUES ('a'), ('b'), ('c'), ('d')) m(member_id) LEFT JOIN (${grouped}) g ON g.member_id = m.member_id ORDER BY 1`);
    expect(joined.map((r) => r.v0)).toEqual([...members.map((r) => r.v0), null]);
  });

  it("keys features by the source and customer they read: the aggregate, column, window and filter do not matter", () => {
    const key = (f: AggregatePlan) => aggregateScanKey(f);
    expect(key(feature("n", "count"))).toBe(key(feature("avg", "avg", { column: "amount" })));
    expect(key(feature("n", "count"))).toBe(key(feature("n", "count", { windowStart: "2026-10-01 00:00:00" })));
    expect(key(feature("n", "count"))).toBe(key(feature("n", "count", { where: expression("status = 'paid'") })));
    expect(key(feature("n", "count"))).not.toBe(key(feature("n", "count", { source: "t" })));
    expect(key(feature("n", "count"))).not.toBe(key(feature("n", "count", { customer: "other" })));
  });
});
