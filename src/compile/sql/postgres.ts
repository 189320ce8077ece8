/**
 * PostgreSQL 12 or later.
 *
 * - Timestamps are `timestamp` (without time zone); the difference of two is an
 *   interval of days and time, whose epoch is its length in seconds.
 * - Regular expressions are Postgres' advanced REs, which read `\b` as a
 *   backspace: word boundaries `\b` and `\B` become `\y` and `\Y`.
 * - Text sorts by the database's collation unless told otherwise; tie-breaks
 *   by member id use `COLLATE "C"` (byte order), as DuckDB sorts.
 */
import { postgres as dialect } from "../../expr/dialects/postgres.ts";
import type { ColumnType, SqlTarget } from "./sql-target.ts";

const TYPES: Readonly<Record<ColumnType, string>> = { string: "text", integer: "bigint", number: "double precision", boolean: "boolean", date: "date", timestamp: "timestamp" };

export const postgresTarget: SqlTarget = {
  name: "postgres",
  dialect,
  type: (type) => TYPES[type],
  timestamp: (text) => `CAST(${dialect.stringLiteral(text)} AS timestamp)`,
  elapsedDays: (from, to) => `CAST(floor(EXTRACT(EPOCH FROM (${to} - ${from})) / 86400) AS bigint)`,
  plusOneDay: (timestamp) => `(${timestamp} + INTERVAL '1 day')`,
  trim: (text) => `trim(${text})`,
  matchesRegex: (text, pattern) => `(${text} ~* ${dialect.stringLiteral(postgresRegex(pattern))})`,
  byteOrder: (text) => `${text} COLLATE "C"`,
};

/** RE2 word boundaries in Postgres' spelling; every other escape is left as written. */
export function postgresRegex(pattern: string): string {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch !== "\\" || i + 1 >= pattern.length) {
      out += ch;
      continue;
    }
    const next = pattern[++i]!;
    out += next === "b" ? "\\y" : next === "B" ? "\\Y" : `\\${next}`;
  }
  return out;
}
