/**
 * How well free text was normalized: for each feature with `normalize`, the
 * share of non-empty values that matched a category, and the most common values
 * that did not, so the mapping can be extended.
 */
import type { Config } from "../schema/config.ts";
import type { Database } from "./duckdb.ts";
import { carriedAccountColumns } from "../workspace/feature-catalog.ts";
import { FEATURES, lit, MEMBER_ID, q, sourceTable } from "./sql-names.ts";

export interface NormalizationCoverage {
  feature: string;
  column: string;
  /** Members with a non-empty value. */
  total: number;
  mapped: number;
  share: number;
  /** Most frequent values that fell through to `otherwise`. */
  unmapped: { value: string; count: number }[];
}

export async function normalizationCoverage(db: Database, config: Config): Promise<NormalizationCoverage[]> {
  const out: NormalizationCoverage[] = [];
  for (const [name, feature] of Object.entries(config.features)) {
    if (!("column" in feature) || !("normalize" in feature) || !feature.normalize) continue;
    // A feature named like its column replaces it in the features table; the raw text is then read from the source.
    const carried = carriedAccountColumns(config, feature.source).includes(feature.column);
    const from = carried ? `${FEATURES} f` : `${FEATURES} f JOIN ${sourceTable(feature.source)} a ON a.${q(config.sources[feature.source]!.key)} = f.${q(MEMBER_ID)}`;
    const raw = `${carried ? "f" : "a"}.${q(feature.column)}`;
    const value = `f.${q(name)}`;
    const otherwise = lit(feature.normalize.otherwise);
    const [totals] = await db.all(`SELECT count(${value}) AS total, count(*) FILTER (WHERE ${value} IS NOT NULL AND ${value} <> ${otherwise}) AS mapped FROM ${FEATURES} f`);
    const unmapped = await db.all(`SELECT trim(CAST(${raw} AS VARCHAR)) AS value, count(*) AS n FROM ${from} WHERE ${value} = ${otherwise} GROUP BY 1 ORDER BY n DESC, value LIMIT 5`);
    out.push(coverageOf(name, feature.column, totals ?? {}, unmapped));
  }
  return out;
}

/** A feature's normalization coverage from its counts (total, mapped) and its most frequent unmapped values (value, n): also a warehouse's. */
export function coverageOf(feature: string, column: string, totals: Record<string, unknown>, unmapped: readonly Record<string, unknown>[]): NormalizationCoverage {
  const total = Number(totals.total ?? 0);
  const mapped = Number(totals.mapped ?? 0);
  return { feature, column, total, mapped, share: total > 0 ? mapped / total : 1, unmapped: unmapped.map((u) => ({ value: String(u.value), count: Number(u.n) })) };
}
