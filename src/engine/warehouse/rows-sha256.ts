/**
 * What the lock records for a source that names a warehouse table: the
 * sha256 of its typed rows as kept (after the filter, with derived columns),
 * each row as JSON, sorted, one per line. Both engines compute it in DuckDB on
 * the same typed table, so `seg lock` writes the same bytes whether the rows
 * came from the local file or the warehouse, and the hash changes exactly when
 * the rows Seg computes from change (not when a file is re-exported with other
 * quoting or row order).
 */
import type { Database } from "../duckdb.ts";

export async function rowsSha256(db: Database, table: string): Promise<string> {
  const [row] = await db.all(`SELECT sha256(coalesce(string_agg(r, chr(10) ORDER BY r), '')) AS h FROM (SELECT CAST(to_json(t) AS VARCHAR) AS r FROM ${table} AS t)`);
  return String(row?.h ?? "");
}
