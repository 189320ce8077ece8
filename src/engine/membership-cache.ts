/**
 * The memberships table kept between runs, one scheme at a time: each scheme's
 * rows (member_id, segment) as a Parquet file in the cache
 * folder, filed under the content key of the features table (its columns' cache
 * keys and the clustering's, feature-cache.ts and clustering-cache.ts) and the
 * scheme's plan (its segments' conditions in evaluation order). Those are all a
 * scheme's memberships are computed from, so after one segment's rule is edited
 * only its scheme is assigned again; the other schemes are read back.
 *
 * With `view` the table is a view over the kept files and the schemes just
 * computed (feature-cache.ts makes the features views alike); otherwise a table
 * in the same order as membership.ts writes it.
 */
import { join } from "node:path";
import { MEMBER_ID, schemesPlan } from "../compile/plan.ts";
import type { Config } from "../schema/config.ts";
import type { LoadedSegment } from "../workspace/workspace.ts";
import { cacheEntries, type CacheEntries } from "./cache-entries.ts";
import { cacheKey } from "./cache-dir.ts";
import type { Database } from "./duckdb.ts";
import { assignMemberships, MEMBERSHIPS, membershipsSql } from "./membership.ts";
import { FEATURES, lit, q } from "./sql-names.ts";

/** Schemes kept: every scheme of a few workspaces and their recent states. */
const KEEP = 64;

/** Kept in a folder of the cache that the database itself reads and writes (run-engine.ts lets it in). */
export function membershipFileCache(cacheDir: string): CacheEntries {
  return cacheEntries(join(cacheDir, "memberships"), KEEP);
}

/** The `memberships` table (membership.ts), each scheme read from the cache or assigned and kept. `features`: the key of the features table's content. */
export async function cachedMemberships(db: Database, config: Config, segments: readonly LoadedSegment[], features: string, entries: CacheEntries, view: boolean): Promise<void> {
  // Schemes in the order the table is sorted by (scheme ids compared as DuckDB compares them: by bytes).
  const plans = schemesPlan(config, segments).sort((a, b) => Buffer.compare(Buffer.from(a.id), Buffer.from(b.id)));
  if (plans.length === 0) return assignMemberships(db, config, segments);
  const memberType = String((await db.all(`SELECT column_type FROM (DESCRIBE SELECT ${q(MEMBER_ID)} FROM ${FEATURES})`))[0]?.column_type);
  const parts: string[] = [];
  const kept = (key: string, scheme: string) =>
    `SELECT CAST(${lit(scheme)} AS VARCHAR) AS scheme, CAST(${q(MEMBER_ID)} AS ${memberType}) AS ${q(MEMBER_ID)}, CAST(segment AS VARCHAR) AS segment FROM read_parquet(${lit(entries.path(key, "parquet"))})`;
  for (const [i, plan] of plans.entries()) {
    const key = cacheKey("memberships", features, plan);
    if (entries.has(key, ["parquet"])) {
      parts.push(kept(key, plan.id));
      continue;
    }
    // Assigned straight into the cache's file and read from there; into a table when the cache cannot be written.
    // Unsorted: a view's readers do not depend on the order, and the table is sorted below.
    const sql = membershipsSql([plan]);
    await entries.putAsync(key, [{ ext: "parquet", write: (tmp) => db.run(`COPY (SELECT ${q(MEMBER_ID)}, segment FROM (${sql})) TO ${lit(tmp)} (FORMAT parquet)`) }]);
    if (entries.has(key, ["parquet"])) {
      parts.push(kept(key, plan.id));
      continue;
    }
    const table = q(`memberships_${i + 1}`);
    await db.run(`CREATE OR REPLACE TABLE ${table} AS ${sql}`);
    parts.push(`SELECT CAST(scheme AS VARCHAR) AS scheme, ${q(MEMBER_ID)}, CAST(segment AS VARCHAR) AS segment FROM ${table}`);
  }
  const union = parts.map((part) => `(${part})`).join("\nUNION ALL\n");
  if (view) await db.run(`CREATE OR REPLACE VIEW ${MEMBERSHIPS} AS ${union}`);
  else await db.run(`CREATE OR REPLACE TABLE ${MEMBERSHIPS} AS ${union}\nORDER BY scheme, ${q(MEMBER_ID)}, segment`);
}
