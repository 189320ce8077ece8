/**
 * Google BigQuery (GoogleSQL).
 *
 * - Names go in backticks and text in single quotes; inside both, backslash starts an escape
 *   sequence, so backslash, the quote character and control characters are escaped.
 * - Division by zero and `MOD` by zero are errors, hence NULLIF; `MOD` does not take FLOAT64,
 *   so the remainder goes through BIGNUMERIC.
 * - `GREATEST` and `LEAST` return NULL if any argument is NULL, so Seg's NULL-skipping
 *   versions take the MAX or MIN over an array of the arguments. The subquery's alias,
 *   `seg_arg`, would shadow a column of that name if the caller's column references are
 *   unqualified; qualify them with a table alias.
 * - `contains` becomes `STRPOS(…) > 0` (BigQuery's CONTAINS_SUBSTR ignores case).
 * - The `SAFE.` prefix turns the error of `SQRT`, `LN` or `LOG10` on an out-of-domain
 *   argument into NULL, without repeating the argument.
 * - A timestamp without time zone is a DATETIME.
 * - TRIM without a second argument removes all whitespace, so spaces are named.
 * - REGEXP_CONTAINS is RE2 like DuckDB's; `(?i)` makes it ignore case.
 * - Strings compare by code point by default, which orders UTF-8 text as its bytes.
 * - SUM and AVG take no ORDER BY, so sums of FLOAT64 add in BigQuery's own order, which
 *   BigQuery documents as nondeterministic: a sum can differ in its last bits between runs.
 */
import type { ColumnType, Dialect } from "./dialect.ts";
import { assertQuotable } from "./double-quote.ts";
import { sqlNumber } from "./sql-number.ts";
import { standardCall } from "./standard-call.ts";

const TYPES: Readonly<Record<ColumnType, string>> = { string: "STRING", integer: "INT64", number: "FLOAT64", boolean: "BOOL", date: "DATE", timestamp: "DATETIME" };

export const bigquery: Dialect = {
  name: "bigquery",
  doubleType: "FLOAT64",
  quoteIdent: (name) => {
    assertQuotable(name, "a name");
    return `\`${escapeBackslashed(name, "`")}\``;
  },
  stringLiteral: (value) => {
    assertQuotable(value, "text");
    return `'${escapeBackslashed(value, "'")}'`;
  },
  numberLiteral: (value) => sqlNumber(value, "FLOAT64"),
  call: (name, args) => {
    switch (name) {
      case "contains":
        return `(STRPOS(${args[0]}, ${args[1]}) > 0)`;
      case "sqrt":
        return `SAFE.SQRT(${args[0]})`;
      case "ln":
        return `SAFE.LN(${args[0]})`;
      case "log10":
        return `SAFE.LOG10(${args[0]})`;
      case "log1p":
        return `SAFE.LN(1.0 + ${args[0]})`;
      case "greatest":
        return `(SELECT MAX(seg_arg) FROM UNNEST([${args.join(", ")}]) AS seg_arg)`;
      case "least":
        return `(SELECT MIN(seg_arg) FROM UNNEST([${args.join(", ")}]) AS seg_arg)`;
      default:
        return standardCall(name, args);
    }
  },
  divide: (left, right) => `(CAST(${left} AS FLOAT64) / NULLIF(${right}, 0))`,
  modulo: (left, right) => `CAST(MOD(CAST(${left} AS BIGNUMERIC), NULLIF(CAST(${right} AS BIGNUMERIC), 0)) AS FLOAT64)`,
  type: (type) => TYPES[type],
  timestamp: (text) => `CAST(${bigquery.stringLiteral(text)} AS DATETIME)`,
  elapsedDays: (from, to) => `CAST(FLOOR(DATETIME_DIFF(${to}, ${from}, MICROSECOND) / 86400000000) AS INT64)`,
  plusOneDay: (timestamp) => `DATETIME_ADD(${timestamp}, INTERVAL 1 DAY)`,
  trim: (text) => `TRIM(${text}, ' ')`,
  matchesRegex: (text, pattern) => `REGEXP_CONTAINS(${text}, ${bigquery.stringLiteral(`(?i)${pattern}`)})`,
  byteOrder: (text) => text,
  orderedAggregate: (aggregate, value, filter) => `${aggregate}(${filter !== undefined ? `CASE WHEN ${filter} THEN ${value} END` : value})`,
  exactAggregate: (aggregate, value, _point, filter) => bigquery.orderedAggregate(aggregate, value, filter),
  aggregateFilter: false,
};

/** Escapes backslash, `quote` and control characters for a GoogleSQL quoted literal or name. */
function escapeBackslashed(value: string, quote: string): string {
  let out = "";
  for (const ch of value) {
    const code = ch.codePointAt(0) as number;
    if (ch === "\\" || ch === quote) out += `\\${ch}`;
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return out;
}
