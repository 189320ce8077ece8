/**
 * Aggregate features: the source's rows per member before the as-of moment,
 * within the window when there is one, filtered by `where`; a query with
 * columns member_id and value. Features of one source and customer share one
 * query (aggregatesSql): one scan and one GROUP BY, a column each. The rows
 * every feature reads are chosen in WHERE; the rows only some read (a window,
 * a `where`) are chosen per aggregate (FILTER, or a CASE in its argument), so
 * each value is the one its own query gives.
 */
import { emitSql } from "../../expr/emit-sql.ts";
import { asOfMoment, MEMBER_ID, type AggregatePlan } from "../plan.ts";
import type { Dialect } from "../../expr/dialects/dialect.ts";
import { ORDERED_SUMS, type ExactSums } from "./exact-sums.ts";

/**
 * What becomes of the rows without a customer: "dropped" by the query's WHERE, so its rows are members; or "grouped"
 * into one row whose member id is NULL, for a caller that joins the rows to the members by id, which drops that row
 * (the engine: there the test re-evaluates the typed customer column, trimmed text, at the scan, about a fifth of the
 * time of RFM's scan of 10,000,000 invoices).
 */
export type NoCustomer = "dropped" | "grouped";

/** `source` is the name of the source's step. */
export function aggregateSql(feature: AggregatePlan, source: string, asOf: string, dialect: Dialect, sums: ExactSums = ORDERED_SUMS): string {
  return aggregatesSql([{ feature, as: "value" }], source, asOf, dialect, sums);
}

/**
 * Aggregate features of one source and customer (aggregateScanKey) as one query, a column each (`as`). A member
 * is a row of it when it has a row any of them reads; a member none of a feature's rows belong to gets what its own
 * query gives, NULL (the fallback then applies): a count is NULL rather than 0 there unless its fallback is 0.
 * Sums and means of doubles are exact (`sums`, exact-sums.ts). Rows without a customer: `noCustomer`.
 */
export function aggregatesSql(features: readonly { feature: AggregatePlan; as: string }[], source: string, asOf: string, dialect: Dialect, sums: ExactSums = ORDERED_SUMS, noCustomer: NoCustomer = "dropped"): string {
  const q = dialect.quoteIdent;
  const first = features[0]!.feature;
  const end = dialect.timestamp(asOfMoment(asOf));
  const conditions = features.map(({ feature }) => rowConditions(feature, end, dialect));
  // Conditions every feature has are the query's; the rest choose each feature's rows.
  const common = conditions[0]!.filter((c) => conditions.every((list) => list.includes(c)));
  const values = features.map(({ feature: f, as }, i) => {
    const own = conditions[i]!.filter((c) => !common.includes(c));
    const filter = own.length > 0 ? own.join(" AND ") : undefined;
    const value = aggregateValue(f, f.column !== undefined ? `s.${q(f.column)}` : undefined, timestampSql(f, dialect), end, dialect, filter, sums);
    // A count over no rows is 0, where the feature's own query has no row for the member.
    const guarded = filter !== undefined && COUNTS.has(f.aggregate) && f.fallback !== 0 ? `CASE WHEN ${filtered("count", undefined, filter, dialect)} > 0 THEN ${value} END` : value;
    return `${guarded} AS ${q(as)}`;
  });
  const where = [...(noCustomer === "dropped" ? [`s.${q(first.customer)} IS NOT NULL`] : []), ...common];
  return `SELECT s.${q(first.customer)} AS ${q(MEMBER_ID)}, ${values.join(", ")}\nFROM ${source} s${where.length > 0 ? `\nWHERE ${where.join("\n  AND ")}` : ""}\nGROUP BY s.${q(first.customer)}`;
}

/** Features with the same key are read in one scan of their source, grouped by its customer column. */
export function aggregateScanKey(feature: Pick<AggregatePlan, "source" | "customer">): string {
  return JSON.stringify([feature.source, feature.customer]);
}

const COUNTS: ReadonlySet<AggregatePlan["aggregate"]> = new Set(["count", "count_distinct", "count_distinct_days"]);

function timestampSql(feature: AggregatePlan, dialect: Dialect): string | undefined {
  return feature.timestamp !== undefined ? `CAST(s.${dialect.quoteIdent(feature.timestamp)} AS ${dialect.type("timestamp")})` : undefined;
}

/** What chooses the feature's rows besides having a customer: before the as-of moment, within the window, its `where`. */
function rowConditions(feature: AggregatePlan, end: string, dialect: Dialect): string[] {
  const ts = timestampSql(feature, dialect);
  const conditions: string[] = [];
  if (ts && feature.windowStart !== undefined) conditions.push(`${ts} >= ${dialect.timestamp(feature.windowStart)}`);
  if (ts) conditions.push(`${ts} < ${end}`);
  if (feature.where) conditions.push(emitSql(feature.where, dialect, (name) => `s.${dialect.quoteIdent(name)}`));
  return conditions;
}

/** `fn(arg)` (`fn(*)` without one) over the rows where `filter` holds. */
function filtered(fn: string, arg: string | undefined, filter: string | undefined, dialect: Dialect, distinct = false): string {
  const d = distinct ? "DISTINCT " : "";
  if (filter === undefined) return `${fn}(${d}${arg ?? "*"})`;
  if (dialect.aggregateFilter) return `${fn}(${d}${arg ?? "*"}) FILTER (WHERE ${filter})`;
  return `${fn}(${d}CASE WHEN ${filter} THEN ${arg ?? "1"} END)`;
}

function aggregateValue(feature: AggregatePlan, column: string | undefined, ts: string | undefined, end: string, dialect: Dialect, filter: string | undefined, sums: ExactSums): string {
  const required = (sql: string | undefined) => {
    if (sql === undefined) throw new Error(`aggregate ${feature.aggregate} of feature ${feature.name} needs a column or timestamp; the check should have refused it`);
    return sql;
  };
  const agg = (fn: string, arg: string | undefined, distinct = false) => filtered(fn, arg, filter, dialect, distinct);
  const exact = feature.column !== undefined && sums.holdsDoubles(feature.source, feature.column);
  const point = feature.column !== undefined ? sums.point(feature.source, feature.column) : undefined;
  switch (feature.aggregate) {
    case "count":
      return agg("count", column);
    case "count_distinct":
      return agg("count", required(column), true);
    case "count_distinct_days":
      return agg("count", `CAST(${required(column ?? ts)} AS DATE)`, true);
    case "events_per_active_day":
      return `CAST(${agg("count", undefined)} AS ${dialect.doubleType}) / nullif(${agg("count", `CAST(${required(column ?? ts)} AS DATE)`, true)}, 0)`;
    case "sum":
      return exact ? dialect.exactAggregate("sum", required(column), point, filter) : dialect.orderedAggregate("sum", required(column), filter);
    case "avg": {
      const x = `CAST(${required(column)} AS ${dialect.doubleType})`;
      return exact ? dialect.exactAggregate("avg", x, point, filter) : dialect.orderedAggregate("avg", x, filter);
    }
    case "min":
      return agg("min", required(column));
    case "max":
      return agg("max", required(column));
    case "days_since_last":
      return dialect.elapsedDays(agg("max", required(ts)), end);
    case "days_since_first":
      return dialect.elapsedDays(agg("min", required(ts)), end);
  }
}
