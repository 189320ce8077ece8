/**
 * The lock's record of a source that names a warehouse table: a digest of its
 * typed rows (after the filter, with derived columns) that DuckDB and
 * PostgreSQL compute alike, so the rows never need to leave the warehouse to
 * be recorded. Each row is one line of text, its columns in declaration order
 * joined by `|`, each written the same way by both databases:
 *
 * - missing: `N`; otherwise `V` and the value;
 * - string: its length in UTF-8 bytes, `:`, the text (so no text can pass for
 *   two columns);
 * - integer: digits; boolean: `t` or `f`;
 * - number: a whole number as integer digits, any other as the shortest text
 *   that reads back as the same double (e.g. `2.55`, `1.5e-07`): both
 *   databases write those alike below 10^15 (a test compares thousands), and
 *   the warehouse computes the digest only for sources whose numbers are
 *   smaller (warehouse/postgres-features.ts);
 * - date: `YYYY-MM-DD`; timestamp: `YYYY-MM-DD HH:MM:SS.ffffff`.
 *
 * The lines are sorted by their bytes and cut into chunks of 100,000; the
 * digest is the sha256 of the chunks' sha256 (hex), one per line, in order: a
 * tree of two levels, so no database builds one string of every row.
 */
import type { Dialect } from "../../expr/dialects/dialect.ts";
import type { Source } from "../../schema/source.ts";

export const DIGEST_CHUNK_ROWS = 100_000;

type Engine = "duckdb" | "postgres";

/** The text of one typed value, as both engines write it (see above). */
function valueText(engine: Engine, column: string, type: Source["columns"][string]["type"]): string {
  const pg = engine === "postgres";
  switch (type) {
    case "string":
      return `CAST(${pg ? `octet_length(${column})` : `strlen(${column})`} AS ${pg ? "text" : "VARCHAR"}) || ':' || ${column}`;
    case "integer":
      return `CAST(${column} AS ${pg ? "text" : "VARCHAR"})`;
    case "number":
      return pg
        ? `CASE WHEN ${column} = trunc(${column}) AND abs(${column}) < 1e15 THEN CAST(CAST(${column} AS bigint) AS text) ELSE CAST(${column} AS text) END`
        : `CASE WHEN ${column} = trunc(${column}) AND abs(${column}) < 1e15 THEN CAST(CAST(${column} AS BIGINT) AS VARCHAR) ELSE CAST(${column} AS VARCHAR) END`;
    case "boolean":
      return `CASE WHEN ${column} THEN 't' ELSE 'f' END`;
    case "date":
      return pg ? `to_char(${column}, 'YYYY-MM-DD')` : `strftime(${column}, '%Y-%m-%d')`;
    case "timestamp":
      return pg ? `to_char(${column}, 'YYYY-MM-DD HH24:MI:SS.US')` : `strftime(${column}, '%Y-%m-%d %H:%M:%S.%f')`;
  }
}

/** One row's line: every column of the source's typed table, in declaration order. */
function rowLine(engine: Engine, source: Source, quote: Dialect["quoteIdent"]): string {
  const fields = Object.entries(source.columns).map(([name, spec]) => {
    const column = `t.${quote(name)}`;
    return `CASE WHEN ${column} IS NULL THEN 'N' ELSE 'V' || ${valueText(engine, column, spec.type)} END`;
  });
  return fields.join(" || '|' || ");
}

/** A query returning one row, column `digest`: the digest of the typed rows in `from` (a table, or a parenthesized query aliased by the caller's text). */
export function rowDigestSql(engine: Engine, from: string, source: Source, quote: Dialect["quoteIdent"]): string {
  const pg = engine === "postgres";
  const hex = (text: string) => (pg ? `encode(sha256(convert_to(${text}, 'UTF8')), 'hex')` : `sha256(${text})`);
  const line = rowLine(engine, source, quote);
  const lines = `SELECT ${line} AS r FROM ${from} t`;
  const ordered = pg ? `r COLLATE "C"` : "r";
  const numbered = `SELECT r, (row_number() OVER (ORDER BY ${ordered}) - 1) ${pg ? "/" : "//"} ${DIGEST_CHUNK_ROWS} AS chunk FROM (${lines}) l`;
  const chunks = `SELECT chunk, ${hex(`string_agg(r, chr(10) ORDER BY ${ordered})`)} AS h FROM (${numbered}) n GROUP BY chunk`;
  return `SELECT ${hex(`coalesce(string_agg(h, chr(10) ORDER BY chunk), '')`)} AS digest FROM (${chunks}) c`;
}
