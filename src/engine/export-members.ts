/**
 * Write every member with its segment in each scheme and its features to CSV,
 * Parquet or JSON, from DuckDB straight to disk (no rows through JavaScript).
 * Text cells that a spreadsheet would run as a formula (starting with = + - @,
 * tab or carriage return) are prefixed with a quote in CSV.
 */
import type { Config } from "../schema/config.ts";
import type { CatalogEntry } from "../workspace/feature-catalog.ts";
import type { Database } from "./duckdb.ts";
import { MEMBERSHIPS } from "./membership.ts";
import { FEATURES, lit, MEMBER_ID, q } from "./sql-names.ts";

export type ExportFormat = "csv" | "parquet" | "json";

/** The value of cluster_status: fitted, outlier (set aside from fitting, assigned to the nearest cluster) or missing (no cluster). */
export const CLUSTER_STATUS = "cluster_status";

/**
 * Every column an export may hold besides member_id and the segments: the
 * catalog's, and cluster_status with clustering. rfm_group only when rfm.groups
 * names a group: without one it is empty for every member, so it is not a column.
 */
export function exportableColumns(config: Pick<Config, "clustering" | "rfm">, catalog: ReadonlyMap<string, CatalogEntry>): string[] {
  const noGroups = Object.keys(config.rfm?.groups ?? {}).length === 0;
  return [...[...catalog.keys()].filter((name) => !(noGroups && name === "rfm_group")), ...(config.clustering ? [CLUSTER_STATUS] : [])];
}

export function exportQuery(config: Config, catalog: ReadonlyMap<string, CatalogEntry>, format: ExportFormat, columns: readonly string[] | undefined): string {
  const safe = (expression: string, type: string) =>
    format === "csv" && type === "string" ? `CASE WHEN regexp_matches(CAST(${expression} AS VARCHAR), '^[=+\\-@\\t\\r]') THEN '''' || CAST(${expression} AS VARCHAR) ELSE CAST(${expression} AS VARCHAR) END` : expression;
  const schemes = Object.entries(config.schemes).map(([scheme, s]) => {
    const agg = s.exclusive ? "max(m.segment)" : "string_agg(m.segment, ';' ORDER BY m.segment)";
    return `(SELECT ${agg} FROM ${MEMBERSHIPS} m WHERE m.scheme = ${lit(scheme)} AND m.${q(MEMBER_ID)} = f.${q(MEMBER_ID)}) AS ${q(`segment_${scheme}`)}`;
  });
  const exportable = new Set(exportableColumns(config, catalog));
  const wanted = (columns ?? [...exportable]).filter((name) => exportable.has(name));
  const features = wanted.map((name) => `${safe(`f.${q(name)}`, catalog.get(name)?.type ?? "string")} AS ${q(name)}`);
  return `SELECT ${safe(`CAST(f.${q(MEMBER_ID)} AS VARCHAR)`, "string")} AS ${q(MEMBER_ID)}, ${[...schemes, ...features].join(", ")} FROM ${FEATURES} f ORDER BY f.${q(MEMBER_ID)}`;
}

export async function exportMembers(db: Database, query: string, file: string, format: ExportFormat): Promise<number> {
  const options = format === "csv" ? "FORMAT csv, HEADER true" : format === "parquet" ? "FORMAT parquet, COMPRESSION zstd" : "FORMAT json, ARRAY true";
  await db.run(`COPY (${query}) TO ${lit(file)} (${options})`);
  const [row] = await db.all(`SELECT count(*) AS n FROM ${FEATURES}`);
  return Number(row?.n ?? 0);
}
