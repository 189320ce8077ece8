/**
 * What differs between SQL dialects when an expression becomes SQL. `emit-sql.ts` builds the
 * statement's shape (parentheses, operators, `IN`, `BETWEEN`, `IS NULL`) and asks the dialect
 * for everything else. Each dialect lives in its own file and is registered in `index.ts`.
 *
 * Every method returns SQL text that is self-contained: a literal, a quoted name, a
 * function call or a parenthesized expression, so it can be dropped into any operand position.
 * Arguments named `left`, `right` and `args` are SQL already emitted by `emitSql`, never
 * user text.
 */
import type { FunctionName } from "../functions.ts";

export type DialectName = "duckdb" | "postgres" | "bigquery" | "snowflake";

export interface Dialect {
  name: DialectName;
  /** The type name of an IEEE double, for casts: `DOUBLE`, `double precision`, `FLOAT64`, `FLOAT`. */
  doubleType: string;
  /** A quoted identifier that means exactly `name`, whatever characters it contains. */
  quoteIdent(name: string): string;
  /** A string literal that means exactly `value`, whatever characters it contains. */
  stringLiteral(value: string): string;
  /** A numeric literal for a finite number, read back by the database as the same double. */
  numberLiteral(value: number): string;
  /** A whitelisted function applied to emitted arguments, with Seg's semantics (`functions.ts`). */
  call(name: FunctionName, args: readonly string[]): string;
  /** Floating-point division that gives NULL when `right` is zero (never an error). */
  divide(left: string, right: string): string;
  /** The remainder of `left / right` with the sign of `left`, NULL when `right` is zero. */
  modulo(left: string, right: string): string;
}
