/**
 * The value tier over the row `t`: high at or above the `high` percentile of
 * the measure, low below the `low` percentile, mid between; equal values share
 * a percentile.
 */
import type { CompilePlan } from "../plan.ts";
import type { Dialect } from "../../expr/dialects/dialect.ts";
import { caseSql } from "./case-sql.ts";

export function valueTierSql(tier: NonNullable<CompilePlan["valueTier"]>, dialect: Dialect): string {
  const measure = `t.${dialect.quoteIdent(tier.measure)}`;
  const rank = `percent_rank() OVER (PARTITION BY (${measure} IS NULL) ORDER BY ${measure})`;
  return caseSql([`WHEN ${measure} IS NULL THEN NULL`, `WHEN ${rank} >= ${dialect.numberLiteral(tier.high)} THEN 'high'`, `WHEN ${rank} < ${dialect.numberLiteral(tier.low)} THEN 'low'`], "'mid'");
}
