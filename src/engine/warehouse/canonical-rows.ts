/**
 * What becomes of a source that names a warehouse table, whichever engine
 * read it (the local file through DuckDB, or the table): its typed rows (after
 * the filter, with derived columns) are put in one canonical order, every
 * column ascending, since a table has no row order of its own and sums of
 * doubles depend on the order they add up in; and the lock records the digest
 * of those rows (warehouse/row-digest.ts) instead of a file's bytes, the same
 * digest PostgreSQL computes when the rows stay there. So `seg lock` writes the
 * same bytes on both engines, and the digest changes exactly when the rows Seg
 * computes from change (not when a file is re-exported with other quoting or
 * row order).
 */
import { duckdb } from "../../expr/dialects/duckdb.ts";
import type { Source } from "../../schema/source.ts";
import type { Database } from "../duckdb.ts";
import { rowDigestSql } from "./row-digest.ts";

/** Reorders `table` (a quoted name) in place and returns the digest of its rows, when `digest` (else undefined). */
export async function canonicalRows(db: Database, table: string, source: Source, digest: boolean): Promise<string | undefined> {
  await db.run(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM ${table} ORDER BY ALL`);
  if (!digest) return undefined;
  const [row] = await db.all(rowDigestSql("duckdb", table, source, duckdb.quoteIdent));
  return String(row?.digest ?? "");
}
