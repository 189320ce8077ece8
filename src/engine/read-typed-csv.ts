/**
 * A CSV source read straight into its typed table, in one pass over the file:
 * every row's fields are read as text (read-csv.ts), typed, checked and
 * filtered as they stream past, and only the rows the filter keeps are stored.
 * Reading the whole file into a table of text first, then checking it, then
 * typing it, took three passes and twice the memory; the file as text was most
 * of the time of loading Online Retail.
 *
 * The checks are check-column-types' own tests, asked only whether any row
 * fails one: a flagged row is kept, and when there is one the typed table is
 * dropped and the caller reads the file as text and lets checkColumnTypes
 * report it, by line, with its examples, as it always did. Clean data, the
 * usual case, is read once.
 *
 * The row positions are the file's: DuckDB numbers rows with a streaming
 * window that keeps the file's order (as the text table's rowid did), and the
 * file's last row is kept whatever the filter says, so its position counts the
 * rows read; it is deleted afterwards when the filter drops it.
 */
import type { Source } from "../schema/source.ts";
import { typeProblemsSql } from "./check-column-types.ts";
import type { Database } from "./duckdb.ts";
import { readCsvSql } from "./read-csv.ts";
import { q } from "./sql-names.ts";
import { derivedSql, ROW_POSITION, trimmedSql, typedTextSql } from "./typed-source.ts";

/** Columns that live only while the table is read (the row position stays until the key checks are done). */
const POSITION = "__seg_position";
const MORE = "__seg_more";
const FLAGGED = "__seg_flagged";
const FLAGGED_DERIVED = "__seg_flagged_derived";
const KEEP = "__seg_keep";
/** Prefix of the trimmed texts of the file's columns, numbered. */
const TEXT = "__seg_text_";

export interface TypedCsvInput {
  name: string;
  source: Source;
  /** The file's path as DuckDB spells it. */
  file: string;
  /** The header row's names (read-csv: every column text). */
  header: readonly string[];
  /** The typed table to create. */
  table: string;
}

/** The SQL that creates the typed table with the helper columns: rows the filter keeps, flagged rows and the file's last row. */
export function typedCsvSql({ name, source, file, header, table }: TypedCsvInput): string {
  const read = Object.entries(source.columns).filter(([, spec]) => spec.expression === undefined);
  // Each file column a declared column reads, trimmed once: the typed values and the checks all read the trimmed text.
  const froms = [...new Set(read.flatMap(([column, spec]) => (spec.row_number ? [] : [spec.from ?? column])))];
  const text = (from: string) => q(`${TEXT}${froms.indexOf(from)}`);
  const texts = froms.map(text).join(", ");
  const numbered = `SELECT row_number() OVER () - 1 AS ${q(POSITION)}, lead(true, 1, false) OVER () AS ${q(MORE)}, ${froms.map(q).join(", ")} FROM ${readCsvSql(file, header)}`;
  const trimmed = `SELECT ${q(POSITION)}, ${q(MORE)}, ${froms.map((from) => `${trimmedSql(q(from))} AS ${text(from)}`).join(", ")} FROM (${numbered})`;
  // The columns as typedSourceSql types them (typedColumnSql), from the trimmed texts.
  const values = read.map(([column, spec]) => `${spec.row_number ? `CAST(${q(POSITION)} + 1 AS BIGINT)` : typedTextSql(text(spec.from ?? column), spec.type)} AS ${q(column)}`);
  const typed = `SELECT ${q(POSITION)} AS ${q(ROW_POSITION)}, ${values.join(", ")}, ${q(MORE)}, ${texts} FROM (${trimmed})`;
  const problems = typeProblemsSql({ name, source }, { typed: q, trimmed: text });
  const flagged = `SELECT * EXCLUDE (${texts}), ${problems.read} AS ${q(FLAGGED)} FROM (${typed})`;
  // Derived columns are checked on the typed inputs alone, as checkColumnTypes does, not on each other.
  const checked = `SELECT *, ${problems.derived} AS ${q(FLAGGED_DERIVED)} FROM (${flagged})`;
  const { withDerived, filter } = derivedSql(checked, source);
  const kept = `SELECT *, ${filter !== undefined ? `(${filter}) IS TRUE` : "true"} AS ${q(KEEP)} FROM (${withDerived})`;
  return `CREATE OR REPLACE TABLE ${table} AS SELECT * FROM (${kept}) WHERE ${q(KEEP)} OR ${q(FLAGGED)} OR ${q(FLAGGED_DERIVED)} OR NOT ${q(MORE)}`;
}

/**
 * Creates `table` as typedSourceSql would from the file read as text, with the row position column, and
 * returns the rows read; or undefined, with no table left, when a declared column is missing, the read
 * fails, the file has no rows or any value fails a type check: the text path says what is wrong.
 */
export async function readTypedCsv(db: Database, input: TypedCsvInput): Promise<{ rowsRead: number } | undefined> {
  const { source, header, table } = input;
  const declared = Object.entries(source.columns).filter(([, spec]) => spec.expression === undefined && !spec.row_number);
  if (declared.some(([column, spec]) => !header.includes(spec.from ?? column))) return undefined;
  const drop = () => db.run(`DROP TABLE IF EXISTS ${table}`);
  try {
    await db.run(typedCsvSql(input));
  } catch {
    await drop();
    return undefined;
  }
  const [row] = await db.all(
    `SELECT count(*) FILTER (WHERE ${q(FLAGGED)} OR ${q(FLAGGED_DERIVED)}) AS flagged, count(*) FILTER (WHERE NOT ${q(KEEP)}) AS dropped, max(${q(ROW_POSITION)}) AS last FROM ${table}`,
  );
  if (Number(row?.flagged ?? 0) > 0 || row?.last === null || row?.last === undefined) {
    await drop();
    return undefined;
  }
  if (Number(row.dropped) > 0) await db.run(`DELETE FROM ${table} WHERE NOT ${q(KEEP)}`);
  for (const column of [MORE, FLAGGED, FLAGGED_DERIVED, KEEP]) await db.run(`ALTER TABLE ${table} DROP COLUMN ${q(column)}`);
  return { rowsRead: Number(row.last) + 1 };
}
