/**
 * What differs between warehouses beyond expressions: column types, timestamp
 * literals and arithmetic, trimming, regular expressions, byte-order sorting of
 * text, and how a view is created. Each target wraps the expression dialect of
 * the same name (`src/expr/dialects/`), which quotes names and writes literals;
 * every method here takes SQL already built from those, never user text, except
 * where a parameter says it is user text and the method writes it as a literal.
 */
import type { Dialect, DialectName } from "../../expr/dialects/dialect.ts";

export type ColumnType = "string" | "integer" | "number" | "boolean" | "date" | "timestamp";

export interface SqlTarget {
  name: DialectName;
  dialect: Dialect;
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
}

/** The SQL for a finite double given as an expression of any numeric type. */
export function asDouble(target: SqlTarget, sql: string): string {
  return `CAST(${sql} AS ${target.dialect.doubleType})`;
}
