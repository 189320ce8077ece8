/**
 * Every query a warehouse engine sends for a workspace, step by step, in
 * order: what `--dry-run` prints and what the golden files hold. The live
 * engines send these same strings.
 *
 * PostgreSQL, when every source names a table: per source the shape query
 * (which columns the table has), its checks (one row of counts) and, for a
 * command that writes or compares a lock (the "digest" output: not seg explain
 * or seg export), the lock's digest of its rows; then the features relation, one row per member (seg
 * explain adds a filter on the member id, bound as a parameter), and with
 * clustering the query seg explain sends instead: the asked members' rows and
 * the clustering sample, with the counts over every member. Then, per source,
 * the read of its
 * declared columns as text: sent only when a step needs the rows (impact, the
 * support_cost value label, normalization coverage) or a check finds a problem.
 *
 * BigQuery and Snowflake read the rows (shape, then read, per source) and
 * build everything else in DuckDB; the features relation and the clustering
 * queries they would run are printed after them, compiled for their dialect,
 * marked as not sent.
 */
import { dialects } from "../../expr/dialects/index.ts";
import type { Config } from "../../schema/config.ts";
import type { EngineOutput } from "../engine-outputs.ts";
import { tableColumns, tableReadSql, tableShapeSql } from "./table-read-sql.ts";
import { askedFeaturesSql, askedMembersSql, earlyFilterBlocker, sampledFeaturesSql, sourceChecksSql, sourceDigestSql, warehouseFeaturesSql } from "./warehouse-step-sql.ts";
import type { WarehouseEngineName } from "./warehouse-request.ts";

export interface WarehouseQuery {
  /** The source and its table, for the steps run per source. */
  source?: string;
  table?: string;
  /** What the query is for. */
  purpose: "shape" | "checks" | "digest" | "features" | "features-sampled" | "features-asked" | "read";
  /** When the query is sent, if not on every run. */
  when?: string;
  sql: string;
}

/** The dates the features and checks are computed as of: `today` bounds the future-date check when earlier. */
/** When the sampled features query is sent. */
const SAMPLE_WHEN = "instead of the features when a command reads some members (seg explain) and clustering fits on every member: their rows, the clustering sample's and the counts over every member; the live query lists each column cast to text";

/** When every member's features are sent for a command that reads metrics or findings. */
const EVERY_ROW_WHEN =
  "only when a step needs every member's row: seg diff, hypotheses, a clustering scheme that overlaps, or when the aggregates query fails; else one query computes the clusters, memberships, metrics and findings' measures and brings back a row of aggregates, written from the fitted model, so it cannot be shown before the fit";

/** When the sampled features query is sent for a command that reads metrics or findings. */
const AGGREGATES_SAMPLE_WHEN =
  "with clustering, first, with no id asked ($1 empty): the clustering sample and the counts over every member, for the fit; the live query lists member_id and the clustering features cast to text";

/** When the asked members' features query is sent. */
const ASKED_WHEN = "instead of the features when a command reads some members (seg explain) and no feature ranks every member: their rows alone, the ids filtered at each source's scan; the live query lists each column cast to text";

export interface QueryDates {
  asOf: string;
  today?: string;
}

/** `outputs`: what the command reads of the recompute (engine-outputs.ts); the digest queries only with "digest". */
export function warehouseQueries(config: Config, engine: WarehouseEngineName, dates: QueryDates, outputs: ReadonlySet<EngineOutput>): WarehouseQuery[] {
  const dialect = dialects[engine];
  const tables = Object.entries(config.sources).flatMap(([source, spec]) => (spec.table === undefined ? [] : [{ source, table: spec.table, spec }]));
  const inWarehouse = engine === "postgres" && tables.length === Object.keys(config.sources).length;
  const queries: WarehouseQuery[] = [];
  for (const { source, table } of tables) {
    queries.push({ source, table, purpose: "shape", sql: tableShapeSql(dialect, table) });
    if (inWarehouse) {
      queries.push({ source, table, purpose: "checks", sql: sourceChecksSql(source, config, dates.asOf, dates.today) });
      if (outputs.has("digest")) queries.push({ source, table, purpose: "digest", sql: sourceDigestSql(source, config) });
    }
    else queries.push(read(source, table, tables.find((t) => t.source === source)!.spec));
  }
  if (tables.length === 0) return queries;
  if (inWarehouse && (outputs.has("metrics") || outputs.has("findings"))) {
    // lock, check and build: the aggregates are computed there, after the fit on the sample (warehouse-aggregates.ts).
    queries.push({ purpose: "features", when: EVERY_ROW_WHEN, sql: warehouseFeaturesSql(config, dates.asOf, dialect) }, ...clusteringQueries(AGGREGATES_SAMPLE_WHEN));
    for (const { source, table, spec } of tables) queries.push({ ...read(source, table, spec), when: "only when a step needs the rows or a check finds a problem" });
  } else if (inWarehouse) {
    queries.push({ purpose: "features", sql: warehouseFeaturesSql(config, dates.asOf, dialect) }, ...clusteringQueries(SAMPLE_WHEN));
    for (const { source, table, spec } of tables) queries.push({ ...read(source, table, spec), when: "only when a step needs the rows or a check finds a problem" });
  } else if (engine !== "postgres" && tables.length === Object.keys(config.sources).length) {
    const notSent = `not sent yet: ${engine} reads the rows above and the features are built in DuckDB`;
    queries.push({ purpose: "features", when: notSent, sql: warehouseFeaturesSql(config, dates.asOf, dialect) }, ...clusteringQueries(notSent));
  }
  return queries;

  /** The query a command reading some members sends instead of the features: with clustering, the sample's; else, when no feature ranks every member, their rows alone. */
  function clusteringQueries(when: string): WarehouseQuery[] {
    if (config.clustering) return [{ purpose: "features-sampled", when, sql: sampledFeaturesSql(config, dates.asOf, dialect, undefined, (id) => askedMembersSql(dialect, id)) }];
    if (earlyFilterBlocker(config, dates.asOf) !== undefined) return [];
    return [{ purpose: "features-asked", when: when === SAMPLE_WHEN ? ASKED_WHEN : when, sql: askedFeaturesSql(config, dates.asOf, dialect, undefined, true) }];
  }

  function read(source: string, table: string, spec: Config["sources"][string]): WarehouseQuery {
    return { source, table, purpose: "read", sql: tableReadSql(dialect, table, tableColumns(spec)) };
  }
}
