/**
 * Segment metrics' queries, kept between runs by what they read: the query's
 * text, the content of the features table (the cache keys of its columns and
 * of the clustering, feature-cache.ts and clustering-cache.ts) and, for a
 * query of one scheme's memberships, that scheme's plan (its segments'
 * conditions in evaluation order, which with the features determine its
 * memberships). The sums in those queries add in value order and take most of
 * the metrics step; after one segment's rule is edited only the queries of
 * its scheme run again.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { SchemePlan } from "../compile/plan.ts";
import { cacheEntries, type CacheEntries } from "./cache-entries.ts";
import { cacheKey } from "./cache-dir.ts";
import type { Database, Row } from "./duckdb.ts";

/**
 * Runs a metrics query, or answers it from the cache. `scheme`: the scheme whose memberships it reads, if any.
 * `prepare`: makes what the query reads besides the features and memberships (a table of this run, say), run only
 * when the query runs; the query's text must then say what that is made from, since the text is the key.
 */
export type MetricsQuery = (sql: string, scheme?: string, prepare?: () => Promise<void>) => Promise<Row[]>;

/** Query results kept: the metrics of a few workspaces' recent states (each a row per segment). */
const KEEP = 256;

export function metricsMemoEntries(cacheDir: string): CacheEntries {
  return cacheEntries(join(cacheDir, "metrics"), KEEP);
}

/** `features`: the key of the features table's content; `schemes`: the plan of every scheme. */
export function metricsMemo(db: Database, entries: CacheEntries, features: string, schemes: readonly SchemePlan[]): MetricsQuery {
  return async (sql, scheme, prepare) => {
    const plan = scheme === undefined ? null : schemes.find((s) => s.id === scheme);
    if (plan === undefined) {
      await prepare?.();
      return db.all(sql);
    }
    const key = cacheKey("metrics", sql, features, plan);
    if (entries.has(key, ["bin"])) {
      try {
        return deserialize(readFileSync(entries.path(key, "bin"))) as Row[];
      } catch {
        // Computed again below.
      }
    }
    await prepare?.();
    const rows = await db.all(sql);
    entries.put(key, [{ ext: "bin", write: (tmp) => writeFileSync(tmp, serialize(rows)) }]);
    return rows;
  };
}
