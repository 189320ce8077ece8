/**
 * One aggregate feature (features/aggregate): the source's rows per member
 * before the as-of moment, within the window when there is one, filtered by
 * `where`; a query with columns member_id and value.
 */
import { emitSql } from "../../expr/emit-sql.ts";
import { asOfMoment, MEMBER_ID, type AggregatePlan } from "../plan.ts";
import type { SqlTarget } from "../sql/sql-target.ts";

/** `source` is the name of the source's step. */
export function aggregateSql(feature: AggregatePlan, source: string, asOf: string, target: SqlTarget): string {
  const q = target.dialect.quoteIdent;
  const end = target.timestamp(asOfMoment(asOf));
  const ts = feature.timestamp !== undefined ? `CAST(s.${q(feature.timestamp)} AS ${target.type("timestamp")})` : undefined;
  const conditions = [`s.${q(feature.customer)} IS NOT NULL`];
  if (ts) conditions.push(feature.windowStart !== undefined ? `${ts} >= ${target.timestamp(feature.windowStart)} AND ${ts} < ${end}` : `${ts} < ${end}`);
  if (feature.where) conditions.push(emitSql(feature.where, target.dialect, (name) => `s.${q(name)}`));
  const value = aggregateValue(feature, feature.column !== undefined ? `s.${q(feature.column)}` : undefined, ts, end, target);
  return `SELECT s.${q(feature.customer)} AS ${q(MEMBER_ID)}, ${value} AS ${q("value")}\nFROM ${source} s\nWHERE ${conditions.join("\n  AND ")}\nGROUP BY s.${q(feature.customer)}`;
}

function aggregateValue(feature: AggregatePlan, column: string | undefined, ts: string | undefined, end: string, target: SqlTarget): string {
  const required = (sql: string | undefined) => {
    if (sql === undefined) throw new Error(`aggregate ${feature.aggregate} of feature ${feature.name} needs a column or timestamp; the check should have refused it`);
    return sql;
  };
  switch (feature.aggregate) {
    case "count":
      return column ? `count(${column})` : "count(*)";
    case "count_distinct":
      return `count(DISTINCT ${required(column)})`;
    case "count_distinct_days":
      return `count(DISTINCT CAST(${required(column ?? ts)} AS DATE))`;
    case "events_per_active_day":
      return `CAST(count(*) AS ${target.dialect.doubleType}) / nullif(count(DISTINCT CAST(${required(column ?? ts)} AS DATE)), 0)`;
    case "sum":
      return `sum(${required(column)})`;
    case "avg":
      return `avg(CAST(${required(column)} AS ${target.dialect.doubleType}))`;
    case "min":
      return `min(${required(column)})`;
    case "max":
      return `max(${required(column)})`;
    case "days_since_last":
      return target.elapsedDays(`max(${required(ts)})`, end);
    case "days_since_first":
      return target.elapsedDays(`min(${required(ts)})`, end);
  }
}
