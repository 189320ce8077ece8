/**
 * Segment metrics' queries, kept between runs by what they read: the query's
 * text, the content of the features table (the cache keys of its columns and
 * of the clustering, feature-cache.ts and clustering-cache.ts) and, for a
 * query of one scheme's memberships, that scheme's plan (its segments'
 * conditions in evaluation order, which with the features determine its
 * memberships).
 *
 * A query grouped by segment is kept segment by segment, each by the rules its
 * members depend on: in an exclusive scheme a segment's own rule and the rules
 * evaluated before it (the first match wins), in an overlapping scheme its own
 * rule alone; the members in no segment depend on every rule of the scheme.
 * After one segment's rule is edited only the segments whose members it can
 * move are measured again, the others read back.
 *
 * A table a query of this run makes from the features alone (the members'
 * value ranks, say) is kept too, as a Parquet file under the features' content
 * and its query's text, so a run after a rule's edit reads it back.
 */
import { join } from "node:path";
import type { SchemePlan } from "../compile/plan.ts";
import { cacheEntries, type CacheEntries } from "./cache-entries.ts";
import { cacheKey } from "./cache-dir.ts";
import { keepValue, readKept } from "./kept-values.ts";
import type { Database, Row } from "./duckdb.ts";
import { lit, q } from "./sql-names.ts";

/**
 * Runs a metrics query, or answers it from the cache. `scheme`: the scheme whose memberships it reads, if any.
 * `prepare`: makes what the query reads besides the features and memberships (a table of this run, say), run only
 * when the query runs; the query's text must then say what that is made from, since the text is the key.
 */
export type MetricsQuery = (sql: string, scheme?: string, prepare?: () => Promise<void>) => Promise<Row[]>;

/**
 * Runs a query grouped by segment over one scheme's memberships, aliased `m` (a row per segment with members, in a
 * column `segment`, NULL for the members in no segment), or answers it segment by segment from the cache.
 * `sql(where)`: the query over the members of the segments `where` selects, a condition on `m.segment` (it may read
 * nothing else). `unassigned`: whether the members in no segment are measured (default true). `prepare`: as for
 * MetricsQuery. The rows come ordered by segment (ids compared by bytes, as DuckDB compares them), NULL last.
 */
export type SegmentsQuery = (scheme: string, sql: (where: string) => string, options?: { unassigned?: boolean; prepare?: () => Promise<void> }) => Promise<Row[]>;

/**
 * Makes `name` a table (or view) of this run holding the rows of `sql`, a query over the features table alone; returns
 * what drops it. The queries that read it must say in their text what it is made from (their text is their key).
 */
export type MetricsTable = (name: string, sql: string) => Promise<() => Promise<void>>;

/** The ways metrics queries run: whole, grouped by segment, and the tables they read. */
export interface MetricsMemo {
  query: MetricsQuery;
  bySegment: SegmentsQuery;
  table: MetricsTable;
}

/**
 * Query results kept: the metrics of a few workspaces' recent states. A state takes an entry per segment and query
 * grouped by segment (some 5,000 for a workspace of 1,000 segments), so a smaller cache would miss on every run.
 */
const KEEP = 16_384;

/** Tables kept: a member's row each, so only the recent few. */
const KEEP_TABLES = 8;

/** Stands for the segments' condition in the text a segment's rows are keyed by. */
const SEGMENTS = "{segments}";

export function metricsMemoEntries(cacheDir: string): CacheEntries {
  return cacheEntries(join(cacheDir, "metrics"), KEEP);
}

/** The tables kept (Parquet files the database itself reads and writes, so its folder must be allowed to it). */
export function metricsTableCache(cacheDir: string): CacheEntries {
  return cacheEntries(join(cacheDir, "metrics-tables"), KEEP_TABLES);
}

/** Every query run on the database, none kept. */
export function uncachedMetrics(db: Database): MetricsMemo {
  return {
    query: async (sql, _scheme, prepare) => {
      await prepare?.();
      return db.all(sql);
    },
    bySegment: async (_scheme, sql, options = {}) => {
      await options.prepare?.();
      return db.all(sql(options.unassigned === false ? "m.segment IS NOT NULL" : "TRUE"));
    },
    table: async (name, sql) => {
      await db.run(`CREATE OR REPLACE TEMP TABLE ${q(name)} AS ${sql}`);
      return () => db.run(`DROP TABLE ${q(name)}`);
    },
  };
}

/**
 * `features`: the key of the features table's content; `schemes`: the plan of every scheme; `tables`: where tables
 * are kept (without it they are made anew each run).
 */
export function metricsMemo(db: Database, entries: CacheEntries, features: string, schemes: readonly SchemePlan[], tables?: CacheEntries): MetricsMemo {
  const kept = keptRows(entries);
  const query: MetricsQuery = async (sql, scheme, prepare) => {
    const plan = scheme === undefined ? null : schemes.find((s) => s.id === scheme);
    if (plan === undefined) return uncachedMetrics(db).query(sql, scheme, prepare);
    const key = cacheKey("metrics", sql, features, plan);
    const rows = kept.read(key);
    if (rows) return rows;
    await prepare?.();
    const fresh = await db.all(sql);
    kept.keep(key, fresh);
    return fresh;
  };
  const table: MetricsTable = async (name, sql) => {
    if (!tables) return uncachedMetrics(db).table(name, sql);
    const key = cacheKey("metrics-table", sql, features);
    // Computed straight into the cache's file and read from there; into a table of this run when it cannot be written.
    if (!tables.has(key, ["parquet"])) await tables.putAsync(key, [{ ext: "parquet", write: (tmp) => db.run(`COPY (${sql}) TO ${lit(tmp)} (FORMAT parquet)`) }]);
    if (!tables.has(key, ["parquet"])) return uncachedMetrics(db).table(name, sql);
    await db.run(`CREATE OR REPLACE TEMP VIEW ${q(name)} AS SELECT * FROM read_parquet(${lit(tables.path(key, "parquet"))})`);
    return () => db.run(`DROP VIEW ${q(name)}`);
  };
  return { query, bySegment: segmentsMemo(db, kept, features, schemes), table };
}

interface KeptRows {
  read(key: string): Row[] | undefined;
  keep(key: string, rows: Row[]): void;
}

function keptRows(entries: CacheEntries): KeptRows {
  return {
    read: (key) => readKept(entries, key) as Row[] | undefined,
    keep: (key, rows) => keepValue(entries, key, rows),
  };
}

/** Queries grouped by segment, each segment's rows kept by the rules its members depend on. */
function segmentsMemo(db: Database, kept: KeptRows, features: string, schemes: readonly SchemePlan[]): SegmentsQuery {
  return async (scheme, sql, options = {}) => {
    const plan = schemes.find((s) => s.id === scheme);
    if (plan === undefined) return uncachedMetrics(db).bySegment(scheme, sql, options);
    const text = sql(SEGMENTS);
    // In an exclusive scheme a segment's rules are its own and every earlier one's: hashed as a chain (each link the
    // previous link's hash and one segment), so keying n segments costs n hashes, not n²/2 segments serialized.
    let rules = "";
    const groups = plan.segments.map((segment) => {
      rules = plan.exclusive ? cacheKey("segment-rules", rules, segment) : cacheKey("segment-rules", segment);
      return { segment: segment.id as string | null, key: cacheKey("segment-metrics", text, features, scheme, plan.exclusive, rules) };
    });
    if (options.unassigned !== false) groups.push({ segment: null, key: cacheKey("segment-metrics", text, features, scheme, plan) });
    const rows = new Map<string | null, Row[]>();
    for (const group of groups) {
      const found = kept.read(group.key);
      if (found) rows.set(group.segment, found);
    }
    const missing = groups.filter((group) => !rows.has(group.segment));
    if (missing.length > 0) {
      await options.prepare?.();
      const ids = missing.flatMap((group) => (group.segment === null ? [] : [lit(group.segment)]));
      const conditions = [...(ids.length > 0 ? [`m.segment IN (${ids.join(", ")})`] : []), ...(missing.some((group) => group.segment === null) ? ["m.segment IS NULL"] : [])];
      const fresh = await db.all(sql(`(${conditions.join(" OR ")})`));
      const bySegment = new Map<string | null, Row[]>();
      for (const row of fresh) {
        const segment = (row.segment ?? null) as string | null;
        const rows = bySegment.get(segment);
        if (rows) rows.push(row);
        else bySegment.set(segment, [row]);
      }
      for (const group of missing) {
        const own = bySegment.get(group.segment) ?? [];
        kept.keep(group.key, own);
        rows.set(group.segment, own);
      }
    }
    return groups
      .sort((a, b) => (a.segment === null ? 1 : b.segment === null ? -1 : Buffer.compare(Buffer.from(a.segment), Buffer.from(b.segment))))
      .flatMap((group) => rows.get(group.segment)!);
  };
}
