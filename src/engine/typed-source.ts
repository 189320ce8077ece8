/**
 * The SQL that turns a source's raw table (the file as read) into its typed
 * table: declared columns cast to their types, row-number keys filled from the
 * row's position in the file, derived columns computed, the filter applied.
 * The raw table keeps the file's order, so `rowid` is the data row's position
 * (0-based) and `rowid + 2` its line in a CSV with a header and no quoted line
 * breaks. The casts are safe only after check-column-types found nothing.
 */
import type { Source } from "../schema/source.ts";
import { derivedColumnSql } from "../compile/emit/source-ctes.ts";
import { derivedAndFilter } from "../compile/plan.ts";
import { duckdb } from "../expr/dialects/duckdb.ts";
import { emitSql } from "../expr/emit-sql.ts";
import { q } from "./sql-names.ts";

/** The raw row's position (0-based), kept while checks need to name lines. */
export const ROW_POSITION = "__seg_row";

/**
 * `trim(column)`, the same text for every value, without trim's cost where it changes nothing:
 * DuckDB's trim removes the space separators (Unicode Zs) at both ends, walking every character
 * of every value through the Unicode tables (a third of the time of typing Online Retail). Only
 * one of them is ASCII, the space, so an all-ASCII value (as many bytes as characters) that
 * neither starts nor ends with a space is its own trim.
 */
export function trimmedSql(column: string): string {
  return `CASE WHEN strlen(${column}) = length(${column}) AND NOT starts_with(${column}, ' ') AND NOT ends_with(${column}, ' ') THEN ${column} ELSE trim(${column}) END`;
}

/** The typed value of one declared (non-derived) column; `position`: the SQL of the raw row's position (0-based). */
export function typedColumnSql(column: string, source: Source, textColumns: ReadonlySet<string>, position = "rowid"): string {
  const spec = source.columns[column]!;
  if (spec.row_number) return `CAST(${position} + 1 AS BIGINT)`;
  const from = spec.from ?? column;
  return textColumns.has(from) ? typedTextSql(trimmedSql(q(from)), spec.type) : `TRY_CAST(${q(from)} AS ${duckdb.type(spec.type)})`;
}

/** The typed value of a text column's trimmed value (`trimmed`: its SQL): an empty value is missing. */
export function typedTextSql(trimmed: string, type: Source["columns"][string]["type"]): string {
  return `TRY_CAST(nullif(${trimmed}, '') AS ${duckdb.type(type)})`;
}

/**
 * Declared columns typed, plus the row position: what derived columns and the filter read.
 * `position`: the SQL of the raw row's position (0-based); `carried`: more of the raw
 * relation's columns or expressions, kept after the typed ones.
 */
export function readColumnsSql(raw: string, source: Source, textColumns: ReadonlySet<string>, position = "rowid", carried: readonly string[] = []): string {
  const read = Object.entries(source.columns).filter(([, spec]) => spec.expression === undefined);
  const typed = read.map(([column]) => `${typedColumnSql(column, source, textColumns, position)} AS ${q(column)}`);
  return `SELECT ${[`${position} AS ${q(ROW_POSITION)}`, ...typed, ...carried].join(", ")} FROM ${raw}`;
}

/** The whole typed source, with the row position column (drop it when done). */
export function typedSourceSql(raw: string, source: Source, textColumns: ReadonlySet<string>): string {
  const { withDerived, filter } = derivedSql(readColumnsSql(raw, source, textColumns), source);
  return filter !== undefined ? `SELECT * FROM (${withDerived}) WHERE ${filter}` : withDerived;
}

/** The typed columns with the derived ones after them, and the filter's SQL: the plan's (as seg compile computes them in the warehouse). */
export function derivedSql(typed: string, source: Source): { withDerived: string; filter?: string } {
  const { derived, filter } = derivedAndFilter(source);
  const withDerived = derived.length === 0 ? typed : `SELECT *, ${derived.map((d) => derivedColumnSql(d, duckdb, q)).join(", ")} FROM (${typed})`;
  return { withDerived, ...(filter !== undefined ? { filter: emitSql(filter, duckdb, q) } : {}) };
}
