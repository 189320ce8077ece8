/**
 * Snowflake.
 *
 * - Inside single-quoted text Snowflake reads backslash escapes (`'\n'`, `'\''`), so
 *   backslashes are doubled as well as quotes; double-quoted names take no escapes.
 * - A plain decimal literal is an exact NUMBER, hence the casts to FLOAT.
 * - `GREATEST` and `LEAST` return NULL if any argument is NULL; `GREATEST_IGNORE_NULLS` and
 *   `LEAST_IGNORE_NULLS` match Seg's semantics.
 * - `starts_with` is `STARTSWITH`, `log10(x)` is `LOG(10, x)`.
 */
import type { Dialect } from "./dialect.ts";
import { assertQuotable, doubleQuoteIdent } from "./double-quote.ts";
import { sqlNumber } from "./sql-number.ts";
import { positiveOnly, standardCall } from "./standard-call.ts";

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
};
