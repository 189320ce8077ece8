/**
 * PostgreSQL 12 or later.
 *
 * - Text containing a backslash is written as an escape string (`E'a\\b'`), whose meaning does
 *   not depend on the `standard_conforming_strings` setting; other text uses plain quotes.
 * - `/` on integers truncates and division by zero is an error, hence the cast and NULLIF.
 * - There is no `%` for double precision, so the remainder goes through numeric.
 * - `round(double precision)` rounds half to even, so rounding goes through numeric, which
 *   rounds half away from zero.
 * - `GREATEST` and `LEAST` already skip NULLs; `contains` becomes `STRPOS(…) > 0`.
 *
 * - Timestamps are `timestamp` (without time zone); the difference of two is an
 *   interval of days and time, whose epoch is its length in seconds.
 * - Regular expressions are Postgres' advanced REs, which read `\b` as a
 *   backspace: word boundaries `\b` and `\B` become `\y` and `\Y`.
 * - Text sorts by the database's collation unless told otherwise; tie-breaks
 *   by member id use `COLLATE "C"` (byte order), as DuckDB sorts.
 * - Sums and means add in ascending order of the values (`sum(x ORDER BY x)`, which is never
 *   parallel), the order DuckDB adds them in: the same doubles give the same bits.
 *
 * Postgres truncates identifiers longer than 63 bytes; callers naming columns must keep
 * names distinct within that length.
 */
import type { ColumnType, Dialect } from "./dialect.ts";
import { assertQuotable, doubleQuoteIdent, singleQuoteText } from "./double-quote.ts";
import { postgresExactSum } from "./postgres-exact-sum.ts";
import { sqlNumber } from "./sql-number.ts";
import { standardCall } from "./standard-call.ts";

const TYPES: Readonly<Record<ColumnType, string>> = { string: "text", integer: "bigint", number: "double precision", boolean: "boolean", date: "date", timestamp: "timestamp" };

export const postgres: Dialect = {
  name: "postgres",
  doubleType: "double precision",
  quoteIdent: doubleQuoteIdent,
  stringLiteral: (value) => {
    if (!value.includes("\\")) return singleQuoteText(value);
    assertQuotable(value, "text");
    return `E'${value.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
  },
  numberLiteral: (value) => sqlNumber(value, "double precision"),
  call: (name, args) => {
    const [x, y] = args;
    switch (name) {
      case "contains":
        return `(STRPOS(${x}, ${y}) > 0)`;
      case "round": {
        const digits = y === undefined ? "" : `, ${y}`;
        return `CAST(ROUND(CAST(${x} AS numeric)${digits}) AS double precision)`;
      }
      default:
        return standardCall(name, args);
    }
  },
  divide: (left, right) => `(CAST(${left} AS double precision) / NULLIF(${right}, 0))`,
  modulo: (left, right) =>
    `CAST(MOD(CAST(${left} AS numeric), NULLIF(CAST(${right} AS numeric), 0)) AS double precision)`,
  type: (type) => TYPES[type],
  timestamp: (text) => `CAST(${singleQuoteText(text)} AS timestamp)`,
  elapsedDays: (from, to) => `CAST(floor(EXTRACT(EPOCH FROM (${to} - ${from})) / 86400) AS bigint)`,
  plusOneDay: (timestamp) => `(${timestamp} + INTERVAL '1 day')`,
  trim: (text) => `trim(${text})`,
  matchesRegex: (text, pattern) => `(${text} ~* ${postgres.stringLiteral(postgresRegex(pattern))})`,
  byteOrder: (text) => `${text} COLLATE "C"`,
  orderedAggregate: (aggregate, value, filter) => `${aggregate}(${value} ORDER BY ${value})${filter !== undefined ? ` FILTER (WHERE ${filter})` : ""}`,
  exactAggregate: (aggregate, value, _point, filter) => {
    const sum = postgresExactSum(value, filter);
    return aggregate === "sum" ? sum : `(${sum} / count(${value})${filter !== undefined ? ` FILTER (WHERE ${filter})` : ""})`;
  },
  aggregateFilter: true,
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
