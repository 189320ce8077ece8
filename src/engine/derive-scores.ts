/**
 * Scores derived from data: a factor with `derive: { metric, from, to }` maps
 * the segment's measured metric linearly onto 1–10 (from → 1, to → 10,
 * clamped), rounded to one decimal. Metrics: share, value_share, count, or a
 * declared metric by name.
 */
import type { Factor } from "../schema/prioritization.ts";
import type { SegmentMetrics } from "./segment-metrics.ts";

export function metricValue(metrics: SegmentMetrics | undefined, metric: string): number | null {
  if (!metrics) return null;
  if (metric === "share") return metrics.share;
  if (metric === "value_share") return metrics.valueShare;
  if (metric === "count") return metrics.count;
  if (metric === "value") return metrics.value;
  return metrics.metrics[metric] ?? null;
}

export function deriveScore(derive: NonNullable<Factor["derive"]>, value: number | null): number | undefined {
  if (value === null || !Number.isFinite(value) || derive.to === derive.from) return undefined;
  const t = (value - derive.from) / (derive.to - derive.from);
  const score = 1 + 9 * Math.min(1, Math.max(0, t));
  return Math.round(score * 10) / 10;
}

/** The segment's scores with derived factors filled from its metrics (stated scores win). */
export function scoresWithDerived(stated: Readonly<Record<string, number>>, factors: Readonly<Record<string, Factor>>, metrics: SegmentMetrics | undefined): Record<string, number> {
  const out: Record<string, number> = { ...stated };
  for (const [name, factor] of Object.entries(factors)) {
    if (out[name] !== undefined || !factor.derive) continue;
    const score = deriveScore(factor.derive, metricValue(metrics, factor.derive.metric));
    if (score !== undefined) out[name] = score;
  }
  return out;
}
