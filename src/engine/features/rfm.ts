/**
 * RFM per customer from a transactions source: recency (whole days from the
 * last purchase to the reference moment), frequency (distinct orders), monetary
 * (sum of amounts), tenure (days since the first purchase) and 1–5 quintile
 * scores. Scores rank members by value with ties broken by member id and cut
 * the ranks at the quintiles the way pandas' qcut on rank(method="first") does:
 * bin = max(1, ceil((rank − 1) × 5 / (n − 1))). Recency scores run the other way
 * (5 = most recent).
 */
import type { Config } from "../../schema/config.ts";
import { lit, MEMBER_ID, q, sourceTable } from "../sql-names.ts";
import { compileExpression } from "./compile-expression.ts";
import { asOfTimestamp, elapsedDays } from "./time-window.ts";

export type Rfm = NonNullable<Config["rfm"]>;

/** SQL for the reference moment recency is measured from. */
export function rfmReference(rfm: Rfm, config: Config, asOf: string): string {
  const source = config.sources[rfm.source]!;
  if (rfm.reference === "newest-plus-one-day") {
    return `(SELECT max(CAST(${q(source.timestamp!)} AS TIMESTAMP)) + INTERVAL 1 DAY FROM ${sourceTable(rfm.source)})`;
  }
  return asOfTimestamp(asOf);
}

/** A subquery: member_id, recency_days, frequency, monetary, tenure_days. */
export function rfmValuesSql(rfm: Rfm, config: Config, asOf: string): string {
  const source = config.sources[rfm.source]!;
  const ts = `CAST(${q(source.timestamp!)} AS TIMESTAMP)`;
  const reference = rfmReference(rfm, config, asOf);
  const order = q(rfm.order ?? source.key);
  return `SELECT ${q(source.customer!)} AS ${q(MEMBER_ID)},
    ${elapsedDays(`max(${ts})`, reference)} AS recency_days,
    count(DISTINCT ${order}) AS frequency,
    sum(${q(source.amount!)}) AS monetary,
    ${elapsedDays(`min(${ts})`, reference)} AS tenure_days
  FROM ${sourceTable(rfm.source)}
  WHERE ${q(source.customer!)} IS NOT NULL AND ${ts} < ${reference}
  GROUP BY 1`;
}

/** The quintile score of `column` among members where it is not null. */
export function quintileScore(column: string, descending: boolean): string {
  const rank = `row_number() OVER (PARTITION BY ${column} IS NULL ORDER BY ${column} ASC, ${q(MEMBER_ID)} ASC)`;
  const n = `count(*) OVER (PARTITION BY ${column} IS NULL)`;
  const bin = `greatest(1, CAST(ceil((${rank} - 1) * 5.0 / greatest(${n} - 1, 1)) AS INTEGER))`;
  return `CASE WHEN ${column} IS NULL THEN NULL ELSE ${descending ? `6 - ${bin}` : bin} END`;
}

/** rfm_group: the first named group whose expression holds, in the order written. */
export function rfmGroupSql(rfm: Rfm): string {
  const groups = Object.entries(rfm.groups ?? {});
  if (groups.length === 0) return "CAST(NULL AS VARCHAR)";
  const whens = groups.map(([name, expression]) => `WHEN ${compileExpression(expression)} THEN ${lit(name)}`);
  return `CASE ${whens.join(" ")} END`;
}
