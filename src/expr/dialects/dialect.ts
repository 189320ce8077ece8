/**
 * Everything that differs between the warehouses Seg writes SQL for, in one interface per
 * warehouse (one file each, registered in `index.ts`): how names and literals are quoted,
 * whitelisted functions and arithmetic (what `emit-sql.ts` asks for when an expression becomes
 * SQL), column types, timestamp literals and arithmetic, trimming, regular expressions and
 * byte-order sorting (what the plan's SQL in `src/compile/emit/` asks for). The engine renders
 * the plan with `duckdb`; `seg compile` with any of them.
 *
 * Every method returns SQL text that is self-contained: a literal, a quoted name, a
 * function call or a parenthesized expression, so it can be dropped into any operand position.
 * Arguments named `left`, `right`, `args`, `text`, `timestamp`, `from` and `to` are SQL already
 * built by Seg, never user text; where a parameter is user text (a literal's value, a regular
 * expression) the method writes it as a literal.
 */
import type { FunctionName } from "../functions.ts";
import type { FixedPoint } from "./fixed-point-sum.ts";

export type DialectName = "duckdb" | "postgres" | "bigquery" | "snowflake";

/** The types a source column can be declared with. */
export type ColumnType = "string" | "integer" | "number" | "boolean" | "date" | "timestamp";

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
  /** The warehouse type of a declared column type; `timestamp` is a timestamp without time zone. */
  type(type: ColumnType): string;
  /** A timestamp literal; `text` is written by Seg as `YYYY-MM-DD HH:MM:SS`. */
  timestamp(text: string): string;
  /** Whole days from `from` to `to` (timestamps), rounded down, as an integer. */
  elapsedDays(from: string, to: string): string;
  /** The timestamp one day after `timestamp`. */
  plusOneDay(timestamp: string): string;
  /** `text` without leading and trailing spaces (spaces only, as DuckDB's trim). */
  trim(text: string): string;
  /** Whether `text` matches the regular expression `pattern` (user text, RE2 syntax), ignoring case. */
  matchesRegex(text: string, pattern: string): string;
  /** An ORDER BY key that sorts text by its bytes, whatever the database's collation. */
  byteOrder(text: string): string;
  /**
   * The sum or mean of `value` over the group, adding in ascending order of the values where
   * the warehouse lets an aggregate take an ORDER BY. Floating-point addition is not
   * associative: a plain parallel SUM adds in whichever order the threads finish, so the same
   * rows can give sums that differ in the last bits from one run to the next. Sorted, the
   * order depends only on the values (equal values are interchangeable), so the same rows
   * give the same bits on every run, with any number of threads and in any row order.
   * With `filter` (SQL, a condition on the row), only the rows where it holds are aggregated.
   */
  orderedAggregate(aggregate: "sum" | "avg", value: string, filter?: string): string;
  /**
   * The sum or mean (the sum over the count) of the doubles `value` over the group, exact: the
   * double nearest their true sum, the same bits in any order, with any number of threads and in
   * every dialect that has it, so a lock made in PostgreSQL is the lock made in DuckDB. DuckDB's
   * is fixed-point (fixed-point-sum.ts) and needs `point`, from a bounds scan of the column;
   * without one (`seg compile`, no data to scan, or values that do not fit) it adds in ascending
   * order. PostgreSQL's needs no bounds (postgres-exact-sum.ts). BigQuery and Snowflake keep
   * their plain aggregate (orderedAggregate). With `filter`, only the rows where it holds.
   */
  exactAggregate(aggregate: "sum" | "avg", value: string, point: FixedPoint | undefined, filter?: string): string;
  /**
   * Whether an aggregate takes `FILTER (WHERE …)`; where it does not, the rows are chosen by a
   * CASE in its argument (every aggregate Seg writes skips NULLs, so both give the same value).
   */
  aggregateFilter: boolean;
}

/** The SQL for a double given as an expression of any numeric type. */
export function asDouble(dialect: Dialect, sql: string): string {
  return `CAST(${sql} AS ${dialect.doubleType})`;
}
