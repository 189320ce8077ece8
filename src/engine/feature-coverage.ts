/**
 * How many members have a value for each declared feature: a blank column, an
 * average over no rows or a computed feature over a missing input leaves the
 * member out of every average, tier and test on that feature, so the share is
 * recorded (lock) and reported (rule feature-coverage).
 */
import type { Config } from "../schema/config.ts";
import type { CatalogEntry } from "../workspace/feature-catalog.ts";
import type { Database } from "./duckdb.ts";
import type { MetricsQuery } from "./metrics-memo.ts";
import { FEATURES, q } from "./sql-names.ts";

export interface FeatureCoverage {
  feature: string;
  members: number;
  /** Members with a value (numbers: finite). */
  values: number;
  missing: number;
  /** values / members (1 when there are no members). */
  share: number;
  /** Where the value comes from: a column, an aggregate over a source's rows, or an expression. */
  origin: { kind: "column"; source: string; column: string } | { kind: "aggregate"; source: string; column: string | undefined } | { kind: "expression" };
}

/** `query`: runs the count over the features table (metrics-memo.ts answers it from the cache); default: the database. */
export async function featureCoverage(db: Database, config: Config, catalog: ReadonlyMap<string, CatalogEntry>, query: MetricsQuery = (sql) => db.all(sql)): Promise<FeatureCoverage[]> {
  const names = Object.keys(config.features);
  if (names.length === 0) return [];
  const present = (name: string) => (catalog.get(name)?.type === "number" ? `coalesce(isfinite(CAST(${q(name)} AS DOUBLE)), FALSE)` : `${q(name)} IS NOT NULL`);
  const [row] = await query(`SELECT count(*) AS members, ${names.map((name, i) => `count(*) FILTER (WHERE ${present(name)}) AS ${q(`v${i}`)}`).join(", ")} FROM ${FEATURES}`);
  return coverageFromCounts(config, Number(row?.members ?? 0), names.map((_, i) => Number(row?.[`v${i}`] ?? 0)));
}

/** Each declared feature's coverage from the members and, in the features' order, the members with a value (also a warehouse's counts). */
export function coverageFromCounts(config: Config, members: number, counts: readonly number[]): FeatureCoverage[] {
  return Object.keys(config.features).map((feature, i) => {
    const values = counts[i] ?? 0;
    const spec = config.features[feature]!;
    const origin: FeatureCoverage["origin"] =
      "aggregate" in spec ? { kind: "aggregate", source: spec.source, column: spec.column } : "column" in spec ? { kind: "column", source: spec.source, column: spec.column } : { kind: "expression" };
    return { feature, members, values, missing: members - values, share: members > 0 ? values / members : 1, origin };
  });
}
