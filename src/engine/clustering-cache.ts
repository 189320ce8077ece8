/**
 * The clustering of every member, kept between runs: the result (k, clusters,
 * fences, stability…) and the `clusters` table the assignment wrote, filed
 * under the clustering's settings, the cache keys of the feature columns it
 * reads (feature-cache.ts, which cover the members and the sources), the
 * previous lock's clusters and the feature labels the names are made from. A
 * warm check after a segment's rule was edited then neither reads the sample,
 * nor fits, nor assigns 10,000,000 members again. Only fitted results are kept.
 * With `view` a kept `clusters` table is a view over the kept file rather than a
 * copy of it (the features are views too: feature-cache.ts).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { cacheEntries, type CacheEntries } from "./cache-entries.ts";
import { cacheKey } from "./cache-dir.ts";
import { CLUSTERS } from "./cluster/assign-sql.ts";
import type { ClusteringProblem, ClusteringResult } from "./cluster/run-clustering.ts";
import type { Database } from "./duckdb.ts";
import { lit } from "./sql-names.ts";

/** Clusterings kept (each a member's id, cluster and outlier flag per member). */
const KEEP = 16;

/** Kept in a folder of the cache that the database itself reads and writes (run-engine.ts lets it in). */
export function clusteringFileCache(cacheDir: string): CacheEntries {
  return cacheEntries(join(cacheDir, "clusterings"), KEEP);
}

/** The key of a clustering: everything it is computed from, or undefined when a feature it reads has no key. */
export function clusteringKey(settings: unknown, features: readonly string[], columnKeys: ReadonlyMap<string, string>): string | undefined {
  const keys = features.map((f) => columnKeys.get(f));
  if (keys.some((k) => k === undefined)) return undefined;
  return cacheKey("clustering", settings, features, keys, columnKeys.get("member_id") ?? null);
}

/** The clustering from the cache (the `clusters` table restored), else `run`'s, kept when it fitted. */
export async function cachedClustering(
  db: Database,
  entries: CacheEntries,
  key: string,
  run: () => Promise<ClusteringResult | ClusteringProblem>,
  onHit: () => void = () => undefined,
  view = false,
): Promise<ClusteringResult | ClusteringProblem> {
  if (entries.has(key, ["bin", "parquet"])) {
    try {
      onHit();
      const kept = deserialize(readFileSync(entries.path(key, "bin"))) as { result: ClusteringResult; types: { name: string; type: string }[] };
      const select = kept.types.map((c) => `CAST(${JSON.stringify(c.name)} AS ${c.type}) AS ${JSON.stringify(c.name)}`).join(", ");
      await db.run(`CREATE OR REPLACE ${view ? "VIEW" : "TABLE"} ${CLUSTERS} AS SELECT ${select} FROM read_parquet(${lit(entries.path(key, "parquet"))})`);
      return kept.result;
    } catch {
      await db.run(`DROP ${view ? "VIEW" : "TABLE"} IF EXISTS ${CLUSTERS}`).catch(() => undefined);
    }
  }
  const result = await run();
  if (result.status !== "fitted") return result;
  const types = (await db.all(`SELECT column_name, column_type FROM (DESCRIBE ${CLUSTERS})`)).map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
  await entries.putAsync(key, [
    { ext: "parquet", write: (tmp) => db.run(`COPY ${CLUSTERS} TO ${lit(tmp)} (FORMAT parquet)`) },
    { ext: "bin", write: async (tmp) => writeFileSync(tmp, serialize({ result, types })) },
  ]);
  return result;
}
