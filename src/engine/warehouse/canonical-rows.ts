/**
 * What becomes of a source that names a warehouse table, whichever engine
 * read it (the local file through DuckDB, or the table): its typed rows (after
 * the filter, with derived columns) are put in one canonical order, every
 * column ascending, since a table has no row order of its own and sums of
 * doubles depend on the order they add up in; and the lock records the sha256
 * of those rows, each as JSON, one per line, instead of a file's bytes. So
 * `seg lock` writes the same bytes on both engines, and the hash changes
 * exactly when the rows Seg computes from change (not when a file is
 * re-exported with other quoting or row order).
 */
import type { Database } from "../duckdb.ts";

/** Reorders `table` (a quoted name) in place and returns the sha256 of its rows. */
export async function canonicalRows(db: Database, table: string): Promise<string> {
  await db.run(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM ${table} ORDER BY ALL`);
  const [row] = await db.all(`SELECT sha256(coalesce(string_agg(r, chr(10) ORDER BY r), '')) AS h FROM (SELECT CAST(to_json(t) AS VARCHAR) AS r FROM ${table} AS t)`);
  return String(row?.h ?? "");
}
