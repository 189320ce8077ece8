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
 * The row positions are the file's. Without a row_number column every row
 * read is stored, in the file's order (DuckDB keeps insertion order), so a
 * row's rowid is its position and the table's rows are the rows read; the rows
 * the filter drops are deleted afterwards, which leaves the others' rowids as
 * they were. Nothing in that read depends on the rows before, so DuckDB reads
 * the file on all its threads: numbering rows in the query (a streaming window)
 * ran the whole read on one thread while the calling thread waited in a busy
 * loop, a second core spent on nothing (Online Retail: 1.1 s of CPU each).
 * A source with a row_number column needs the position as a value: its rows
 * are numbered by that window, only the rows the filter keeps (and flagged
 * ones) are stored with it, and the file's last row is kept whatever the
 * filter says, so its position counts the rows read; it is deleted afterwards
 * when the filter drops it.
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

/** How a typed table built by readTypedCsv names a row's position in the file: a column of its own, or its rowid. */
export type RowPosition = typeof ROW_POSITION | "rowid";

/**
 * Whether rows are numbered as they are read: the source needs each row's position as a value (a row_number
 * column), or names a column rowid, which would hide the table's rowid.
 */
function numbersRows(source: Source): boolean {
  return Object.entries(source.columns).some(([column, spec]) => spec.row_number || column.toLowerCase() === "rowid");
}

/**
 * The SQL that creates the typed table with the helper columns. Numbered (a row_number column): the row position,
 * and only the rows the filter keeps, flagged rows and the file's last row. Otherwise every row read, in the file's order.
 */
export function typedCsvSql({ name, source, file, header, table }: TypedCsvInput): string {
  const numbered = numbersRows(source);
  const read = Object.entries(source.columns).filter(([, spec]) => spec.expression === undefined);
  // Each file column a declared column reads, trimmed once: the typed values and the checks all read the trimmed text.
  const froms = [...new Set(read.flatMap(([column, spec]) => (spec.row_number ? [] : [spec.from ?? column])))];
  const text = (from: string) => q(`${TEXT}${froms.indexOf(from)}`);
  const texts = froms.map(text).join(", ");
  const position = numbered ? [q(POSITION), q(MORE)] : [];
  const rows = numbered
    ? `SELECT row_number() OVER () - 1 AS ${q(POSITION)}, lead(true, 1, false) OVER () AS ${q(MORE)}, ${froms.map(q).join(", ")} FROM ${readCsvSql(file, header)}`
    : `SELECT ${froms.map(q).join(", ")} FROM ${readCsvSql(file, header)}`;
  const trimmed = `SELECT ${[...position, ...froms.map((from) => `${trimmedSql(q(from))} AS ${text(from)}`)].join(", ")} FROM (${rows})`;
  // The columns as typedSourceSql types them (typedColumnSql), from the trimmed texts.
  const values = read.map(([column, spec]) => `${spec.row_number ? `CAST(${q(POSITION)} + 1 AS BIGINT)` : typedTextSql(text(spec.from ?? column), spec.type)} AS ${q(column)}`);
  const typed = `SELECT ${[...(numbered ? [`${q(POSITION)} AS ${q(ROW_POSITION)}`] : []), ...values, ...(numbered ? [q(MORE)] : []), texts].join(", ")} FROM (${trimmed})`;
  const problems = typeProblemsSql({ name, source }, { typed: q, trimmed: text });
  const flagged = `SELECT * EXCLUDE (${texts}), ${problems.read} AS ${q(FLAGGED)} FROM (${typed})`;
  // Derived columns are checked on the typed inputs alone, as checkColumnTypes does, not on each other.
  const checked = `SELECT *, ${problems.derived} AS ${q(FLAGGED_DERIVED)} FROM (${flagged})`;
  const { withDerived, filter } = derivedSql(checked, source);
  const kept = `SELECT *, ${filter !== undefined ? `(${filter}) IS TRUE` : "true"} AS ${q(KEEP)} FROM (${withDerived})`;
  const stored = numbered ? ` WHERE ${q(KEEP)} OR ${q(FLAGGED)} OR ${q(FLAGGED_DERIVED)} OR NOT ${q(MORE)}` : "";
  return `CREATE OR REPLACE TABLE ${table} AS SELECT * FROM (${kept})${stored}`;
}

/**
 * Creates `table` as typedSourceSql would from the file read as text (the row position in `position`: the
 * ROW_POSITION column, or the rowid when the table has no such column), and returns the rows read; or
 * undefined, with no table left, when a declared column is missing, the read fails, the file has no rows or
 * any value fails a type check: the text path says what is wrong.
 */
export async function readTypedCsv(db: Database, input: TypedCsvInput): Promise<{ rowsRead: number; position: RowPosition } | undefined> {
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
  const numbered = numbersRows(source);
  // Numbered, the last row read is stored whatever the filter says: its position counts the rows read.
  const [row] = await db.all(
    `SELECT count(*) FILTER (WHERE ${q(FLAGGED)} OR ${q(FLAGGED_DERIVED)}) AS flagged, count(*) FILTER (WHERE NOT ${q(KEEP)}) AS dropped, ${numbered ? `max(${q(ROW_POSITION)}) + 1` : "count(*)"} AS rows FROM ${table}`,
  );
  const rowsRead = Number(row?.rows ?? 0);
  if (Number(row?.flagged ?? 0) > 0 || rowsRead === 0) {
    await drop();
    return undefined;
  }
  if (Number(row!.dropped) > 0) await db.run(`DELETE FROM ${table} WHERE NOT ${q(KEEP)}`);
  for (const column of [...(numbered ? [MORE] : []), FLAGGED, FLAGGED_DERIVED, KEEP]) await db.run(`ALTER TABLE ${table} DROP COLUMN ${q(column)}`);
  return { rowsRead, position: numbered ? ROW_POSITION : "rowid" };
}
