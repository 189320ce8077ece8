import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../engine/duckdb.ts";
import { duckdb } from "../../expr/dialects/duckdb.ts";
import { parseExpression } from "../../expr/parser.ts";
import type { FeaturesPlan, RfmPlan } from "../plan.ts";
import { aggregatesSql } from "./aggregate-sql.ts";
import { membersSql, rfmValuesQuery } from "./features-query.ts";
import { renderQuery } from "./query.ts";
import { aggregatePlan } from "../../../test/support/aggregate-plan.ts";

let db: Database;
beforeAll(async () => {
  db = await openDatabase({ threads: 1 });
  await db.run(`CREATE TABLE s AS SELECT * FROM (VALUES
    ('a', 'o1', TIMESTAMP '2026-10-30 10:00:00', 10.5, 'paid'), ('a', 'o2', TIMESTAMP '2026-10-30 12:00:00', NULL, 'paid'), ('a', 'o2', TIMESTAMP '2026-05-01 09:00:00', 3.0, 'void'),
    ('b', 'o3', TIMESTAMP '2026-09-01 00:00:00', 7.0, 'paid'), ('b', 'o4', TIMESTAMP '2026-11-02 00:00:00', 99.0, 'paid'), (NULL, 'o5', TIMESTAMP '2026-10-01 00:00:00', 1.0, 'paid'),
    ('c', 'o6', TIMESTAMP '2026-10-31 23:59:59', 0.1, 'void'), ('c', 'o7', TIMESTAMP '2026-10-31 23:59:59', 0.2, 'void'), ('d', 'o8', TIMESTAMP '2026-11-05 00:00:00', 5.0, 'paid')) v(customer, order_id, ts, amount, status)`);
});
afterAll(() => db.close());

const AS_OF = "2026-11-01";
const paid = parseExpression("status = 'paid'");
const rfm = (reference: RfmPlan["reference"]): RfmPlan => ({ source: "s", customer: "customer", timestamp: "ts", amount: "amount", order: "order_id", reference, groups: [] });
const feature = aggregatePlan;
const features = [
  feature("recent_paid", "count", { windowStart: "2026-10-01 00:00:00", where: paid.ok ? paid.ast : undefined, fallback: 0 }),
  feature("avg_amount", "avg", { column: "amount" }),
  feature("elsewhere", "count", { source: "t" }),
];
// rfmValuesQuery reads only these fields of the plan.
const plan = (reference: RfmPlan["reference"]) => ({ asOf: AS_OF, sources: [], features, rfm: rfm(reference) }) as unknown as FeaturesPlan;
const RFM_COLUMNS = ["member_id", "recency_days", "frequency", "monetary", "tenure_days"];

describe("rfmValuesQuery", () => {
  it("computes the features of RFM's source in RFM's scan, each value the one their own scan gives, RFM's unchanged", async () => {
    const shared = renderQuery(rfmValuesQuery(plan("as-of"), duckdb, "s"));
    expect(shared.match(/\bFROM s s\b/g)).toHaveLength(1);
    const together = await db.all(`${shared} ORDER BY 1`);
    // RFM alone: the plan without features.
    const alone = await db.all(`${renderQuery(rfmValuesQuery({ ...plan("as-of"), features: [] }, duckdb, "s"))} ORDER BY 1`);
    expect(alone.map((r) => r.member_id)).toEqual(["a", "b", "c"]);
    expect(together.map((r) => Object.fromEntries(RFM_COLUMNS.map((c) => [c, r[c]])))).toEqual(alone);
    const own = await db.all(`${aggregatesSql([{ feature: features[0]!, as: "value" }, { feature: features[1]!, as: "value_2" }], "s", AS_OF, duckdb)} ORDER BY 1`);
    expect(together.map((r) => [r.member_id, r.value ?? 0, r.value_2])).toEqual(own.map((r) => [r.member_id, r.value ?? 0, r.value_2]));
    expect(together.map((r) => r.monetary)).toEqual([13.5, 7, 0.3]);
  });

  it("keeps RFM's own scan when its reference moment comes from the data", () => {
    const sql = renderQuery(rfmValuesQuery(plan("newest-plus-one-day"), duckdb, "s"));
    expect(sql).toContain("rfm_reference");
    expect(sql).not.toContain("value_2");
  });
});

describe("membersSql", () => {
  // membersSql reads only the population of the plan.
  const population = { population: { source: "accounts", column: "account_id", type: "string", accounts: true, accountColumns: [] } } as unknown as FeaturesPlan;

  it("groups repeated ids, missing ones left out", async () => {
    await db.run(`CREATE OR REPLACE TABLE accounts AS SELECT * FROM (VALUES ('a'), (NULL), ('a'), ('b')) v(account_id)`);
    expect((await db.columns(`${membersSql(population, duckdb, (name) => name)} ORDER BY 1`)).member_id).toEqual(["a", "b"]);
  });
});
