/**
 * Typed copies of loaded sources, kept as Parquet in the user's cache folder
 * (see cache-dir.ts). Reading a 400,000-row gzipped CSV as text, checking every
 * value and casting it takes most of a second; reading back the typed table it
 * became takes a twentieth of that. An entry is keyed by the file's bytes, the
 * source's declaration, Seg's version and DuckDB's, so any change to what the
 * table would hold misses. Only sources that loaded without a problem are kept.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Source } from "../schema/source.ts";
import { cacheEntries } from "./cache-entries.ts";
import { cacheKey } from "./cache-dir.ts";
import type { Database } from "./duckdb.ts";
import { duckdbFilePath } from "./duckdb-file-path.ts";
import { lit } from "./sql-names.ts";

/** What the load reports about a source besides its table. */
export interface CachedSourceStats {
  rowsRead: number;
  rows: number;
  newest: string | null;
  oldest: string | null;
}

export interface SourceCache {
  /**
   * Makes `table` a view of the kept file and returns the source's stats, or undefined on a miss. The view reads the
   * file whenever a query reads the table, so its path is added to `readable` (the files the database may read once
   * locked down, duckdb.ts).
   */
  restore(db: Database, key: string, table: string, readable: string[]): Promise<CachedSourceStats | undefined>;
  save(db: Database, key: string, table: string, stats: CachedSourceStats): Promise<void>;
}

/** Sources kept: every source of a few workspaces. */
const KEEP = 48;

export function sourceKey(fileSha256: string, source: Source, format: string, duckdbVersion: string): string {
  // "strict": CSV read with the header's names and no sniffing, values checked before casting.
  return cacheKey("source", "strict", fileSha256, format, duckdbVersion, source);
}

export function sourceFileCache(cacheDir: string): SourceCache {
  const entries = cacheEntries(join(cacheDir, "sources"), KEEP);
  return {
    async restore(db, key, table, readable) {
      if (!entries.has(key, ["json", "parquet"])) return undefined;
      try {
        const stats = JSON.parse(readFileSync(entries.path(key, "json"), "utf8")) as CachedSourceStats;
        if (!isStats(stats)) return undefined;
        // A view, not a copy: a warm run whose features, memberships and findings all come from their caches reads
        // no row of the source (copying the example's 4.5 MB of events took 0.28 s of a 1.8 s seg check).
        const file = entries.path(key, "parquet");
        await db.run(`CREATE OR REPLACE VIEW ${table} AS SELECT * FROM read_parquet(${lit(duckdbFilePath(file))})`);
        // DuckDB checks both the spelling it was given and the file it opens, which differ when the path has [, * or ?.
        readable.push(...new Set([duckdbFilePath(file), file]));
        return stats;
      } catch {
        await db.run(`DROP VIEW IF EXISTS ${table}`).catch(() => undefined);
        return undefined;
      }
    },
    async save(db, key, table, stats) {
      await entries.putAsync(key, [
        { ext: "parquet", write: (tmp) => db.run(`COPY ${table} TO ${lit(tmp)} (FORMAT parquet)`) },
        { ext: "json", write: async (tmp) => writeFileSync(tmp, JSON.stringify(stats)) },
      ]);
    },
  };
}

function isStats(value: CachedSourceStats): boolean {
  const text = (v: unknown) => v === null || typeof v === "string";
  return !!value && Number.isInteger(value.rowsRead) && Number.isInteger(value.rows) && text(value.newest) && text(value.oldest);
}
