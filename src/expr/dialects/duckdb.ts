/**
 * DuckDB, Seg's embedded engine. Every whitelisted function exists under its own name;
 * `GREATEST` and `LEAST` already skip NULLs; `%` on doubles is `fmod`. `/` already divides
 * as doubles, but the explicit cast keeps the SQL's meaning obvious and independent of
 * DuckDB's `integer_division` setting.
 */
import type { Dialect } from "./dialect.ts";
import { doubleQuoteIdent, singleQuoteText } from "./double-quote.ts";
import { sqlNumber } from "./sql-number.ts";
import { standardCall } from "./standard-call.ts";

export const duckdb: Dialect = {
  name: "duckdb",
  quoteIdent: doubleQuoteIdent,
  stringLiteral: singleQuoteText,
  numberLiteral: (value) => sqlNumber(value, "DOUBLE"),
  call: standardCall,
  divide: (left, right) => `(CAST(${left} AS DOUBLE) / NULLIF(${right}, 0))`,
  modulo: (left, right) => `(${left} % NULLIF(${right}, 0))`,
};
