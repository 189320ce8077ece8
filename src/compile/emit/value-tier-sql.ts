/**
 * The value tier over the row `t`: high at or above the `high` percentile of
 * the measure, low below the `low` percentile, mid between; equal values share
 * a percentile. The engine finds the measure's cut points first and writes
 * the tier as comparisons with them (tierCutsSql).
 */
import type { CompilePlan } from "../plan.ts";
import type { Dialect } from "../../expr/dialects/dialect.ts";
import { caseSql } from "./case-sql.ts";

export function valueTierSql(tier: NonNullable<CompilePlan["valueTier"]>, dialect: Dialect): string {
  const measure = `t.${dialect.quoteIdent(tier.measure)}`;
  const rank = `percent_rank() OVER (PARTITION BY (${measure} IS NULL) ORDER BY ${measure})`;
  return caseSql([`WHEN ${measure} IS NULL THEN NULL`, `WHEN ${rank} >= ${dialect.numberLiteral(tier.high)} THEN 'high'`, `WHEN ${rank} < ${dialect.numberLiteral(tier.low)} THEN 'low'`], "'mid'");
}

/**
 * The value tier over the row `t` with the percentile tests written beforehand over `t.<measure>` (the engine's cut
 * points, aligned-features.ts): `high` holds where the percentile is at or above `high`, `low` where it is below `low`.
 */
export function tierCutsSql(tier: NonNullable<CompilePlan["valueTier"]>, tests: { high: string; low: string }, dialect: Dialect): string {
  return caseSql([`WHEN t.${dialect.quoteIdent(tier.measure)} IS NULL THEN NULL`, `WHEN ${tests.high} THEN 'high'`, `WHEN ${tests.low} THEN 'low'`], "'mid'");
}
