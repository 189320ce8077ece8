/** SQL for "as of" moments and day windows. */
import { lit } from "../sql-names.ts";

/** The start of the as-of day as a TIMESTAMP literal. */
export function asOfTimestamp(asOf: string): string {
  return `CAST(${lit(`${asOf} 00:00:00`)} AS TIMESTAMP)`;
}

/** Rows before `end` and, with a window, no older than `days` days before it. */
export function windowCondition(column: string, end: string, days: number | undefined): string {
  const col = `CAST(${column} AS TIMESTAMP)`;
  return days === undefined ? `${col} < ${end}` : `${col} >= ${end} - INTERVAL ${Math.trunc(days)} DAY AND ${col} < ${end}`;
}

/** Whole days elapsed from `from` to `to` (floor), as pandas' Timedelta.days gives. */
export function elapsedDays(from: string, to: string): string {
  return `CAST(floor(epoch(${to} - CAST(${from} AS TIMESTAMP)) / 86400) AS BIGINT)`;
}
