/**
 * How well free text was normalized: for each feature with `normalize`, the
 * share of non-empty values that matched a category, and the most common values
 * that did not, so the mapping can be extended.
 */
import type { Config } from "../schema/config.ts";
import type { Database } from "./duckdb.ts";
import { FEATURES, lit, q } from "./sql-names.ts";

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
    const raw = q(feature.column);
    const otherwise = lit(feature.normalize.otherwise);
    const [totals] = await db.all(`SELECT count(${q(name)}) AS total, count(*) FILTER (WHERE ${q(name)} IS NOT NULL AND ${q(name)} <> ${otherwise}) AS mapped FROM ${FEATURES}`);
    const unmapped = await db.all(
      `SELECT trim(CAST(${raw} AS VARCHAR)) AS value, count(*) AS n FROM ${FEATURES} WHERE ${q(name)} = ${otherwise} GROUP BY 1 ORDER BY n DESC, value LIMIT 5`,
    );
    const total = Number(totals?.total ?? 0);
    const mapped = Number(totals?.mapped ?? 0);
    out.push({ feature: name, column: feature.column, total, mapped, share: total > 0 ? mapped / total : 1, unmapped: unmapped.map((u) => ({ value: String(u.value), count: Number(u.n) })) });
  }
  return out;
}
