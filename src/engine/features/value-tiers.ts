/**
 * Value tiers by percentile of the value measure: high at or above the `high`
 * percentile, low below the `low` percentile, mid between. Ties share a tier
 * (percent_rank gives equal values the same percentile).
 */
import type { Config } from "../../schema/config.ts";
import { num, q } from "../sql-names.ts";

export function valueTierSql(tiers: NonNullable<Config["value_tiers"]>): string {
  const measure = q(tiers.measure);
  const pr = `percent_rank() OVER (PARTITION BY ${measure} IS NULL ORDER BY ${measure})`;
  return `CASE WHEN ${measure} IS NULL THEN NULL WHEN ${pr} >= ${num(tiers.high)} THEN 'high' WHEN ${pr} < ${num(tiers.low)} THEN 'low' ELSE 'mid' END`;
}
