import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../engine/duckdb.ts";
import { duckdb } from "../../expr/dialects/duckdb.ts";
import { parseExpression } from "../../expr/parser.ts";
import type { AggregatePlan } from "../plan.ts";
import { aggregateRowsKey, aggregateSql, aggregatesSql } from "./aggregate-sql.ts";

let db: Database;
beforeAll(async () => {
  db = await openDatabase({ threads: 1 });
  await db.run(`CREATE TABLE s AS SELECT * FROM (VALUES
    ('a', TIMESTAMP '2026-10-30 10:00:00', 10.5, 'paid'), ('a', TIMESTAMP '2026-10-30 12:00:00', NULL, 'paid'), ('a', TIMESTAMP '2026-05-01 09:00:00', 3.0, 'void'),
    ('b', TIMESTAMP '2026-09-01 00:00:00', 7.0, 'paid'), ('b', TIMESTAMP '2026-11-02 00:00:00', 99.0, 'paid'), (NULL, TIMESTAMP '2026-10-01 00:00:00', 1.0, 'paid'),
    ('c', TIMESTAMP '2026-10-31 23:59:59', NULL, 'void')) v(customer, ts, amount, status)`);
});
afterAll(() => db.close());

const feature = (name: string, aggregate: AggregatePlan["aggregate"], extra: Partial<AggregatePlan> = {}): AggregatePlan => ({
  kind: "aggregate",
  name,
  source: "s",
  customer: "customer",
  aggregate,
  column: undefined,
  timestamp: "ts",
  where: undefined,
  windowStart: undefined,
  fallback: null,
  ...extra,
});
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

  it("keys features by the rows they read: the aggregate and column do not matter, the window and filter do", () => {
    const key = (f: AggregatePlan) => aggregateRowsKey(f, AS_OF, duckdb);
    expect(key(feature("n", "count"))).toBe(key(feature("avg", "avg", { column: "amount" })));
    expect(key(feature("n", "count"))).not.toBe(key(feature("n", "count", { windowStart: "2026-10-01 00:00:00" })));
    expect(key(feature("n", "count"))).not.toBe(key(feature("n", "count", { where: expression("status = 'paid'") })));
    expect(key(feature("n", "count"))).not.toBe(key(feature("n", "count", { source: "t" })));
    expect(key(feature("n", "count"))).not.toBe(key(feature("n", "count", { timestamp: undefined })));
  });
});
