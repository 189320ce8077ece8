/**
 * Snowflake.
 *
 * - Inside single-quoted text Snowflake reads backslash escapes (`'\n'`, `'\''`), so
 *   backslashes are doubled as well as quotes; double-quoted names take no escapes.
 * - A plain decimal literal is an exact NUMBER, hence the casts to FLOAT.
 * - `GREATEST` and `LEAST` return NULL if any argument is NULL; `GREATEST_IGNORE_NULLS` and
 *   `LEAST_IGNORE_NULLS` match Seg's semantics.
 * - `starts_with` is `STARTSWITH`, `log10(x)` is `LOG(10, x)`.
 * - A timestamp without time zone is TIMESTAMP_NTZ.
 * - REGEXP_LIKE anchors the pattern at both ends, so a match anywhere is
 *   REGEXP_INSTR(…) > 0; the `i` parameter ignores case. Snowflake's POSIX
 *   EREs accept `\b`, `\d`, `\w` and `\s` as RE2 does.
 * - Text compares by bytes unless the account sets a default collation.
 * - SUM and AVG take no ORDER BY, so sums of FLOAT add in Snowflake's own order: a sum can
 *   differ in its last bits between runs.
 */
import type { ColumnType, Dialect } from "./dialect.ts";
import { assertQuotable, doubleQuoteIdent } from "./double-quote.ts";
import { sqlNumber } from "./sql-number.ts";
import { positiveOnly, standardCall } from "./standard-call.ts";

const TYPES: Readonly<Record<ColumnType, string>> = { string: "VARCHAR", integer: "BIGINT", number: "FLOAT", boolean: "BOOLEAN", date: "DATE", timestamp: "TIMESTAMP_NTZ" };

export const snowflake: Dialect = {
  name: "snowflake",
  doubleType: "FLOAT",
  quoteIdent: doubleQuoteIdent,
  stringLiteral: (value) => {
    assertQuotable(value, "text");
    return `'${value.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
  },
  numberLiteral: (value) => sqlNumber(value, "FLOAT"),
  call: (name, args) => {
    switch (name) {
      case "starts_with":
        return `STARTSWITH(${args.join(", ")})`;
      case "greatest":
        return `GREATEST_IGNORE_NULLS(${args.join(", ")})`;
      case "least":
        return `LEAST_IGNORE_NULLS(${args.join(", ")})`;
      case "log10":
        return `LOG(10, ${positiveOnly(args[0] ?? "NULL")})`;
      default:
        return standardCall(name, args);
    }
  },
  divide: (left, right) => `(CAST(${left} AS FLOAT) / NULLIF(${right}, 0))`,
  modulo: (left, right) => `MOD(${left}, NULLIF(${right}, 0))`,
  type: (type) => TYPES[type],
  timestamp: (text) => `CAST(${snowflake.stringLiteral(text)} AS TIMESTAMP_NTZ)`,
  elapsedDays: (from, to) => `CAST(FLOOR(TIMESTAMPDIFF(microsecond, ${from}, ${to}) / 86400000000) AS BIGINT)`,
  plusOneDay: (timestamp) => `DATEADD(day, 1, ${timestamp})`,
  trim: (text) => `TRIM(${text})`,
  matchesRegex: (text, pattern) => `(REGEXP_INSTR(${text}, ${snowflake.stringLiteral(pattern)}, 1, 1, 0, 'i') > 0)`,
  byteOrder: (text) => text,
  orderedAggregate: (aggregate, value, filter) => `${aggregate}(${filter !== undefined ? `CASE WHEN ${filter} THEN ${value} END` : value})`,
  exactAggregate: (aggregate, value, _point, filter) => snowflake.orderedAggregate(aggregate, value, filter),
  aggregateFilter: false,
};
