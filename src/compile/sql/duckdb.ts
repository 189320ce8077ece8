/** DuckDB: the engine's own dialect, so compiled SQL reads like the engine's. */
import { duckdb as dialect } from "../../expr/dialects/duckdb.ts";
import type { ColumnType, SqlTarget } from "./sql-target.ts";

const TYPES: Readonly<Record<ColumnType, string>> = { string: "VARCHAR", integer: "BIGINT", number: "DOUBLE", boolean: "BOOLEAN", date: "DATE", timestamp: "TIMESTAMP" };

export const duckdbTarget: SqlTarget = {
  name: "duckdb",
  dialect,
  type: (type) => TYPES[type],
  timestamp: (text) => `CAST(${dialect.stringLiteral(text)} AS TIMESTAMP)`,
  elapsedDays: (from, to) => `CAST(floor(epoch(${to} - ${from}) / 86400) AS BIGINT)`,
  plusOneDay: (timestamp) => `(${timestamp} + INTERVAL 1 DAY)`,
  trim: (text) => `trim(${text})`,
  matchesRegex: (text, pattern) => `regexp_matches(${text}, ${dialect.stringLiteral(pattern)}, 'i')`,
  byteOrder: (text) => text,
};
