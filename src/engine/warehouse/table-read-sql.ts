/**
 * The one query a warehouse receives per source that names a `table:`: the
 * source's declared columns (those read, not derived or numbered) cast to
 * text, in a deterministic order (every column), so Seg types
 * and checks the values exactly as it does a CSV file's. The table name is
 * validated by the schema (identifier parts only) and each part is quoted by
 * the target's dialect; column names are quoted too. Nothing is spliced.
 */
import type { Dialect } from "../../expr/dialects/dialect.ts";
import type { Source } from "../../schema/source.ts";

/** The columns a source reads from its table, as named there (`from:` or the column's own name), in declaration order. */
export function tableColumns(source: Source): string[] {
  const names = Object.values(source.columns).flatMap((spec, i) => (spec.expression !== undefined || spec.row_number ? [] : [spec.from ?? Object.keys(source.columns)[i]!]));
  return [...new Set(names)];
}

/** The table's quoted name, e.g. "analytics"."orders". */
export function quotedTable(dialect: Dialect, table: string): string {
  return table
    .split(".")
    .map((part) => dialect.quoteIdent(part))
    .join(".");
}

/** A query that returns no rows but names the table's columns (to find the declared ones it lacks). */
export function tableShapeSql(dialect: Dialect, table: string): string {
  return `SELECT * FROM ${quotedTable(dialect, table)} WHERE 1 = 0`;
}

/**
 * The rows of `columns` as text, ordered by every column (by position), so messages that name a row name the same
 * one each run. Results do not depend on this order: the typed rows are put in canonical order in DuckDB.
 */
export function tableReadSql(dialect: Dialect, table: string, columns: readonly string[]): string {
  const text = dialect.type("string");
  const select = columns.map((c) => `CAST(${dialect.quoteIdent(c)} AS ${text}) AS ${dialect.quoteIdent(c)}`).join(", ");
  return `SELECT ${select} FROM ${quotedTable(dialect, table)} ORDER BY ${columns.map((_, i) => i + 1).join(", ")}`;
}
