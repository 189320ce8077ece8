/**
 * Snowflake.
 *
 * - A timestamp without time zone is TIMESTAMP_NTZ.
 * - REGEXP_LIKE anchors the pattern at both ends, so a match anywhere is
 *   REGEXP_INSTR(…) > 0; the `i` parameter ignores case. Snowflake's POSIX
 *   EREs accept `\b`, `\d`, `\w` and `\s` as RE2 does.
 * - Text compares by bytes unless the account sets a default collation.
 */
import { snowflake as dialect } from "../../expr/dialects/snowflake.ts";
import type { ColumnType, SqlTarget } from "./sql-target.ts";

const TYPES: Readonly<Record<ColumnType, string>> = { string: "VARCHAR", integer: "BIGINT", number: "FLOAT", boolean: "BOOLEAN", date: "DATE", timestamp: "TIMESTAMP_NTZ" };

export const snowflakeTarget: SqlTarget = {
  name: "snowflake",
  dialect,
  type: (type) => TYPES[type],
  timestamp: (text) => `CAST(${dialect.stringLiteral(text)} AS TIMESTAMP_NTZ)`,
  elapsedDays: (from, to) => `CAST(FLOOR(TIMESTAMPDIFF(microsecond, ${from}, ${to}) / 86400000000) AS BIGINT)`,
  plusOneDay: (timestamp) => `DATEADD(day, 1, ${timestamp})`,
  trim: (text) => `TRIM(${text})`,
  matchesRegex: (text, pattern) => `(REGEXP_INSTR(${text}, ${dialect.stringLiteral(pattern)}, 1, 1, 0, 'i') > 0)`,
  byteOrder: (text) => text,
};
