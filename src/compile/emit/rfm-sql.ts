/**
 * RFM: per customer, whole days since the last and the first purchase before
 * the reference moment (as pandas' Timedelta.days), distinct orders and the sum
 * of amounts (exact when they are doubles, exact-sums.ts, so the same rows give the same bits);
 * 1–5 quintile scores by rank (ties broken by member id), cut the way pandas'
 * qcut on rank(method="first") does:
 * bin = max(1, ceil((rank − 1) × 5 / (n − 1))), recency reversed; and the
 * named group: the first whose expression holds, in the order written.
 */
import { emitSql } from "../../expr/emit-sql.ts";
import { asOfMoment, MEMBER_ID, type PopulationPlan, type RfmPlan } from "../plan.ts";
import type { Dialect } from "../../expr/dialects/dialect.ts";
import { caseSql } from "./case-sql.ts";
import type { NoCustomer } from "./aggregate-sql.ts";
import type { ExactSums } from "./exact-sums.ts";

/** The reference moment's step, when it comes from the data: one row, column `moment`. */
export function rfmReferenceSql(rfm: RfmPlan, source: string, dialect: Dialect): string {
  const q = dialect.quoteIdent;
  return `SELECT ${dialect.plusOneDay(`max(CAST(s.${q(rfm.timestamp)} AS ${dialect.type("timestamp")}))`)} AS moment\nFROM ${source} s`;
}

/** member_id, recency_days, frequency, monetary, tenure_days. `reference` names the reference step, if any; rows without a customer: `noCustomer` (aggregate-sql.ts). */
export function rfmValuesSql(rfm: RfmPlan, source: string, reference: string | undefined, asOf: string, dialect: Dialect, sums: ExactSums, noCustomer: NoCustomer = "dropped"): string {
  const q = dialect.quoteIdent;
  const moment = reference !== undefined ? `(SELECT moment FROM ${reference})` : dialect.timestamp(asOfMoment(asOf));
  const ts = `CAST(s.${q(rfm.timestamp)} AS ${dialect.type("timestamp")})`;
  const customer = `s.${q(rfm.customer)}`;
  // Unique ids counted are distinct ids counted, without the hash table per member that DISTINCT needs.
  const amount = `s.${q(rfm.amount)}`;
  const monetary = sums.holdsDoubles(rfm.source, rfm.amount) ? dialect.exactAggregate("sum", amount, sums.point(rfm.source, rfm.amount)) : dialect.orderedAggregate("sum", amount);
  const orders = rfm.ordersUnique ? (rfm.ordersComplete ? "count(*)" : `count(s.${q(rfm.order)})`) : `count(DISTINCT s.${q(rfm.order)})`;
  return `SELECT
  ${customer} AS ${q(MEMBER_ID)},
  ${dialect.elapsedDays(`max(${ts})`, moment)} AS ${q("recency_days")},
  ${orders} AS ${q("frequency")},
  ${monetary} AS ${q("monetary")},
  ${dialect.elapsedDays(`min(${ts})`, moment)} AS ${q("tenure_days")}
FROM ${source} s
WHERE ${noCustomer === "dropped" ? `${customer} IS NOT NULL AND ` : ""}${ts} < ${moment}
GROUP BY ${customer}`;
}

/** The value an RFM score ranks, over the row `t` of RFM's values (frequency 0 where the member bought nothing): null unless the member bought. */
export function boughtSql(column: string, dialect: Dialect): string {
  return `CASE WHEN t.${dialect.quoteIdent("frequency")} > 0 THEN t.${dialect.quoteIdent(column)} END`;
}

/** The 1–5 score of `column` (SQL over the row `t`) among the rows where it is not null. */
export function quintileScoreSql(column: string, descending: boolean, population: PopulationPlan, dialect: Dialect): string {
  const member = dialect.quoteIdent(MEMBER_ID);
  const memberOrder = population.type === "string" ? dialect.byteOrder(`t.${member}`) : `t.${member}`;
  const partition = `PARTITION BY (${column} IS NULL)`;
  const rank = `row_number() OVER (${partition} ORDER BY ${column} ASC, ${memberOrder} ASC)`;
  return quintileBinSql(column, `${rank} - 1`, `count(*) OVER (${partition})`, descending, dialect);
}

/**
 * The 1–5 score of a value (`column`, null: no score) from its 0-based rank among the `n` values that are not null,
 * ties broken by member id (quintileScoreSql's window, or the engine's sort, aligned-features.ts).
 */
export function quintileBinSql(column: string, rank0: string, n: string, descending: boolean, dialect: Dialect): string {
  const integer = dialect.name === "bigquery" ? "INT64" : "INTEGER";
  const bin = `greatest(1, CAST(ceil(CAST(${rank0} AS ${dialect.doubleType}) * 5 / greatest(${n} - 1, 1)) AS ${integer}))`;
  return `CASE WHEN ${column} IS NULL THEN NULL ELSE ${descending ? `6 - ${bin}` : bin} END`;
}

/** rfm_group over the row `t`. */
export function rfmGroupSql(rfm: RfmPlan, dialect: Dialect): string {
  if (rfm.groups.length === 0) return `CAST(NULL AS ${dialect.type("string")})`;
  const whens = rfm.groups.map((g) => `WHEN ${emitSql(g.expression, dialect, (name) => `t.${dialect.quoteIdent(name)}`)} THEN ${dialect.stringLiteral(g.name)}`);
  return caseSql(whens);
}
