import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aggregatePlan } from "../../../test/support/aggregate-plan.ts";
import { openDatabase, type Database } from "../../engine/duckdb.ts";
import { sumBounds } from "../../engine/sum-bounds.ts";
import { duckdb } from "../../expr/dialects/duckdb.ts";
import { fixedPointExponent } from "../../expr/dialects/fixed-point-sum.ts";
import { parseExpression } from "../../expr/parser.ts";
import type { FeaturesPlan, SourcePlan } from "../plan.ts";
import { aggregatesSql } from "./aggregate-sql.ts";
import { exactSums, sumKey, summedDoubles } from "./exact-sums.ts";

const parsed = (text: string) => {
  const result = parseExpression(text);
  if (!result.ok) throw new Error(`test expression ${text} does not parse`);
  return result.ast;
};
const source: SourcePlan = {
  name: "s",
  textual: false,
  columns: [
    { name: "customer", from: "customer", type: "string" },
    { name: "ts", from: "ts", type: "timestamp" },
    { name: "qty", from: "qty", type: "integer" },
  ],
  derived: [{ name: "amount", type: "number", expression: parsed("qty * 0.1") }],
  filter: undefined,
};
const features = [
  aggregatePlan("total", "sum", { column: "amount" }),
  aggregatePlan("mean", "avg", { column: "amount" }),
  aggregatePlan("big_total", "sum", { column: "amount", where: parsed("qty > 1") }),
  aggregatePlan("units", "sum", { column: "qty" }),
];
const plan = { sources: [source], features, rfm: { source: "s", customer: "customer", timestamp: "ts", amount: "amount", order: "qty", reference: "as-of", groups: [] } } as unknown as FeaturesPlan;

let db: Database;
beforeAll(async () => {
  db = await openDatabase({ threads: 2 });
  // 300,000 rows (three row groups): amounts qty × 0.1 as doubles, whose ascending-order sums are off in the last bits.
  await db.run(`CREATE TABLE s AS SELECT 'c' || (i % 7) AS customer, TIMESTAMP '2026-01-01 00:00:00' AS ts, CAST(i % 13 AS BIGINT) AS qty, CAST(i % 13 AS DOUBLE) * 0.1 AS amount FROM range(300000) r(i)`);
});
afterAll(() => db.close());

describe("exact sums of the features relation", () => {
  it("sums the double columns (sum, avg features and RFM's amount) exactly, and whole numbers as they are", () => {
    expect([...summedDoubles(plan)]).toEqual([["s", ["amount"]]]);
    const sums = exactSums(plan);
    expect([sums.holdsDoubles("s", "amount"), sums.holdsDoubles("s", "qty"), sums.holdsDoubles("t", "amount")]).toEqual([true, false, false]);
  });

  it("gives the double nearest the exact sum per member with the scanned fixed point, the sorted sum without one", async () => {
    const bounds = await sumBounds((sql) => db.all(sql), "s", new Map([["amount", "t.amount"]]));
    const point = fixedPointExponent(bounds.get("amount")!)!;
    const sql = (points: Map<string, typeof point>) => `${aggregatesSql(features.map((feature) => ({ feature, as: feature.name })), "s", "2027-01-01", duckdb, exactSums(plan, points))} ORDER BY 1`;
    const exactSql = sql(new Map([[sumKey("s", "amount"), point]]));
    expect(exactSql).toContain("HUGEINT");
    const exact = await db.all(exactSql);
    const sorted = await db.all(sql(new Map()));
    // Reference: every amount (a double) scaled to a whole BigInt, added, rounded once.
    const rows = await db.all(`SELECT customer, amount, qty FROM s`);
    const truth = new Map<string, { all: bigint; big: bigint; n: number }>();
    for (const r of rows) {
      const t = truth.get(String(r.customer)) ?? { all: 0n, big: 0n, n: 0 };
      const whole = BigInt(Number(r.amount) * 2 ** point.exponent);
      t.all += whole;
      if (Number(r.qty) > 1) t.big += whole;
      t.n += 1;
      truth.set(String(r.customer), t);
    }
    const value = (x: bigint) => Number(x) * 2 ** -point.exponent;
    expect(exact.map((r) => [r.member_id, r.total, r.mean, r.big_total])).toEqual(
      [...truth].sort(([a], [b]) => (a < b ? -1 : 1)).map(([c, t]) => [c, value(t.all), value(t.all) / t.n, value(t.big)]),
    );
    // The test can fail: adding in ascending order is off somewhere.
    expect(sorted.map((r) => r.total)).not.toEqual(exact.map((r) => r.total));
    // Whole numbers keep their exact integer sum (and type) either way.
    expect(exact.map((r) => r.units)).toEqual(sorted.map((r) => r.units));
    const types = Object.fromEntries((await db.all(`DESCRIBE ${exactSql}`)).map((r) => [r.column_name, r.column_type]));
    expect([types.total, types.mean, types.units]).toEqual(["DOUBLE", "DOUBLE", "HUGEINT"]);
  });
});
