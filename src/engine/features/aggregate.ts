/** One aggregate feature: related rows per member, optionally windowed and filtered. */
import type { AggregateFeature } from "../../schema/feature.ts";
import type { Source } from "../../schema/source.ts";
import { MEMBER_ID, q, sourceTable } from "../sql-names.ts";
import { compileExpression } from "./compile-expression.ts";
import { asOfTimestamp, elapsedDays, windowCondition } from "./time-window.ts";

/** A subquery with columns member_id and value. */
export function aggregateFeatureSql(feature: AggregateFeature, source: Source, asOf: string): string {
  const end = asOfTimestamp(asOf);
  const ts = source.timestamp !== undefined ? q(source.timestamp) : undefined;
  const column = feature.column !== undefined ? q(feature.column) : undefined;
  const conditions: string[] = [`${q(source.customer!)} IS NOT NULL`];
  if (ts) conditions.push(windowCondition(ts, end, feature.window_days));
  if (feature.where !== undefined) conditions.push(`(${compileExpression(feature.where)})`);
  const value = aggregateExpression(feature.aggregate, column, ts, end);
  return `SELECT ${q(source.customer!)} AS ${q(MEMBER_ID)}, ${value} AS value FROM ${sourceTable(feature.source)} WHERE ${conditions.join(" AND ")} GROUP BY 1`;
}

function aggregateExpression(aggregate: AggregateFeature["aggregate"], column: string | undefined, ts: string | undefined, end: string): string {
  switch (aggregate) {
    case "count":
      return column ? `count(${column})` : "count(*)";
    case "count_distinct":
      return `count(DISTINCT ${column})`;
    case "count_distinct_days":
      return `count(DISTINCT CAST(${column ?? ts} AS DATE))`;
    case "events_per_active_day":
      return `count(*) * 1.0 / nullif(count(DISTINCT CAST(${column ?? ts} AS DATE)), 0)`;
    case "sum":
      return `sum(${column})`;
    case "avg":
      return `avg(${column})`;
    case "min":
      return `min(${column})`;
    case "max":
      return `max(${column})`;
    case "days_since_last":
      return elapsedDays(`max(${ts})`, end);
    case "days_since_first":
      return elapsedDays(`min(${ts})`, end);
  }
}

/** The value for members without rows: 0 for counts and sums unless declared. */
export function aggregateDefault(feature: AggregateFeature): number | null {
  if (feature.default !== undefined) return feature.default;
  return ["count", "count_distinct", "count_distinct_days", "events_per_active_day", "sum"].includes(feature.aggregate) ? 0 : null;
}
