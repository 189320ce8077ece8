/**
 * Google BigQuery (GoogleSQL).
 *
 * - A timestamp without time zone is a DATETIME.
 * - TRIM without a second argument removes all whitespace, so spaces are named.
 * - REGEXP_CONTAINS is RE2 like DuckDB's; `(?i)` makes it ignore case.
 * - Strings compare by code point by default, which orders UTF-8 text as its bytes.
 */
import { bigquery as dialect } from "../../expr/dialects/bigquery.ts";
import type { ColumnType, SqlTarget } from "./sql-target.ts";

const TYPES: Readonly<Record<ColumnType, string>> = { string: "STRING", integer: "INT64", number: "FLOAT64", boolean: "BOOL", date: "DATE", timestamp: "DATETIME" };

export const bigqueryTarget: SqlTarget = {
  name: "bigquery",
  dialect,
  type: (type) => TYPES[type],
  timestamp: (text) => `CAST(${dialect.stringLiteral(text)} AS DATETIME)`,
  elapsedDays: (from, to) => `CAST(FLOOR(DATETIME_DIFF(${to}, ${from}, MICROSECOND) / 86400000000) AS INT64)`,
  plusOneDay: (timestamp) => `DATETIME_ADD(${timestamp}, INTERVAL 1 DAY)`,
  trim: (text) => `TRIM(${text}, ' ')`,
  matchesRegex: (text, pattern) => `REGEXP_CONTAINS(${text}, ${dialect.stringLiteral(`(?i)${pattern}`)})`,
  byteOrder: (text) => text,
};
