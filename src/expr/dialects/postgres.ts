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
 * Postgres truncates identifiers longer than 63 bytes; callers naming columns must keep
 * names distinct within that length.
 */
import type { Dialect } from "./dialect.ts";
import { assertQuotable, doubleQuoteIdent, singleQuoteText } from "./double-quote.ts";
import { sqlNumber } from "./sql-number.ts";
import { standardCall } from "./standard-call.ts";

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
};
