/**
 * One aggregate feature: the source's rows per member before the as-of moment,
 * within the window when there is one, filtered by `where`; a query with
 * columns member_id and value. Features that read the same rows share one
 * query (aggregatesSql), a column each.
 */
import { emitSql } from "../../expr/emit-sql.ts";
import { asOfMoment, MEMBER_ID, type AggregatePlan } from "../plan.ts";
import type { Dialect } from "../../expr/dialects/dialect.ts";

/** `source` is the name of the source's step. */
export function aggregateSql(feature: AggregatePlan, source: string, asOf: string, dialect: Dialect): string {
  return aggregatesSql([{ feature, as: "value" }], source, asOf, dialect);
}

/**
 * Aggregate features that read the same rows (aggregateRowsKey: same source, window and filter) as one
 * query: one scan and one GROUP BY, a column each (`as`), every value the one its own query gives.
 */
export function aggregatesSql(features: readonly { feature: AggregatePlan; as: string }[], source: string, asOf: string, dialect: Dialect): string {
  const q = dialect.quoteIdent;
  const feature = features[0]!.feature;
  const end = dialect.timestamp(asOfMoment(asOf));
  const ts = feature.timestamp !== undefined ? `CAST(s.${q(feature.timestamp)} AS ${dialect.type("timestamp")})` : undefined;
  const conditions = [`s.${q(feature.customer)} IS NOT NULL`];
  if (ts) conditions.push(feature.windowStart !== undefined ? `${ts} >= ${dialect.timestamp(feature.windowStart)} AND ${ts} < ${end}` : `${ts} < ${end}`);
  if (feature.where) conditions.push(emitSql(feature.where, dialect, (name) => `s.${q(name)}`));
  const values = features.map(({ feature: f, as }) => `${aggregateValue(f, f.column !== undefined ? `s.${q(f.column)}` : undefined, ts, end, dialect)} AS ${q(as)}`);
  return `SELECT s.${q(feature.customer)} AS ${q(MEMBER_ID)}, ${values.join(", ")}\nFROM ${source} s\nWHERE ${conditions.join("\n  AND ")}\nGROUP BY s.${q(feature.customer)}`;
}

/** Features with the same key read the same rows per member (the key is the WHERE clause aggregatesSql writes). */
export function aggregateRowsKey(feature: AggregatePlan, asOf: string, dialect: Dialect): string {
  return aggregatesSql([{ feature: { ...feature, aggregate: "count", column: undefined }, as: "value" }], feature.source, asOf, dialect);
}

function aggregateValue(feature: AggregatePlan, column: string | undefined, ts: string | undefined, end: string, dialect: Dialect): string {
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
      return `CAST(count(*) AS ${dialect.doubleType}) / nullif(count(DISTINCT CAST(${required(column ?? ts)} AS DATE)), 0)`;
    case "sum":
      return dialect.orderedAggregate("sum", required(column));
    case "avg":
      return dialect.orderedAggregate("avg", `CAST(${required(column)} AS ${dialect.doubleType})`);
    case "min":
      return `min(${required(column)})`;
    case "max":
      return `max(${required(column)})`;
    case "days_since_last":
      return dialect.elapsedDays(`max(${required(ts)})`, end);
    case "days_since_first":
      return dialect.elapsedDays(`min(${required(ts)})`, end);
  }
}
