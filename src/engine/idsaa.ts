/**
 * IDSAA validation of each segment with the numbers behind each verdict:
 * Identifiable (a rule reproduces it and finds members), Substantial (share
 * above the threshold), Accessible (channels and an owner named), Differentiable
 * (some metric not used in its definition differs from the rest: |Cohen's d| ≥
 * 0.5 and Welch p < alpha), Actionable (value proposition, tactics and KPIs).
 */
import type { Config } from "../schema/config.ts";
import type { Segment } from "../schema/segment.ts";
import type { SegmentMetrics } from "./segment-metrics.ts";
import { welchTest } from "./stats/two-sample.ts";

export type Criterion = "identifiable" | "substantial" | "accessible" | "differentiable" | "actionable";
export const CRITERIA: readonly Criterion[] = ["identifiable", "substantial", "accessible", "differentiable", "actionable"];

export interface CriterionResult {
  pass: boolean;
  /** The numbers or facts behind the verdict, in one sentence. */
  detail: string;
  data: Record<string, number | string | null>;
}

export type IdsaaResult = Record<Criterion, CriterionResult>;

export const MIN_EFFECT_SIZE = 0.5;

export function evaluateIdsaa(segment: Segment, metrics: SegmentMetrics | undefined, definitionFeatures: readonly string[], config: Config): IdsaaResult {
  const count = metrics?.count ?? 0;
  const share = metrics?.share ?? 0;
  const threshold = config.thresholds.substantial_share;
  const channels = segment.gtm?.channels ?? [];
  const owner = segment.gtm?.owner ?? segment.owner;
  const best = bestDifference(metrics, definitionFeatures, config.thresholds.alpha);
  const missingActions = [
    segment.value_proposition ? undefined : "a value proposition",
    segment.gtm?.tactics?.length ? undefined : "GTM tactics",
    segment.gtm?.kpis?.length ? undefined : "KPIs",
  ].filter((x): x is string => x !== undefined);
  return {
    identifiable: {
      pass: count > 0,
      detail: count > 0 ? `Its definition selects ${count} members.` : "Its definition selects no members.",
      data: { count },
    },
    substantial: {
      pass: share >= threshold,
      detail: `${pct(share)} of the population${metrics?.valueShare !== null && metrics?.valueShare !== undefined ? ` and ${pct(metrics.valueShare)} of value` : ""}; the threshold is ${pct(threshold)}.`,
      data: { share, valueShare: metrics?.valueShare ?? null, threshold },
    },
    accessible: {
      pass: channels.length > 0 && owner !== undefined,
      detail: channels.length > 0 && owner !== undefined ? `Reached through ${channels.join(", ")}; owned by ${owner}.` : `Missing ${[channels.length ? undefined : "channels", owner ? undefined : "an owner"].filter(Boolean).join(" and ")}.`,
      data: { channels: channels.length, owner: owner ?? null },
    },
    differentiable: best
      ? {
          pass: Math.abs(best.d) >= MIN_EFFECT_SIZE && best.p < config.thresholds.alpha,
          detail: `Largest difference outside its definition: ${best.feature} ${best.segmentMean.toFixed(2)} vs ${best.restMean.toFixed(2)} for the rest (d = ${best.d.toFixed(2)}, p ${best.p < 0.0001 ? "< 0.0001" : `= ${best.p.toFixed(4)}`}).`,
          data: { feature: best.feature, d: best.d, p: best.p, segmentMean: best.segmentMean, restMean: best.restMean },
        }
      : { pass: false, detail: "No metric outside its definition to compare with the rest.", data: {} },
    actionable: {
      pass: missingActions.length === 0,
      detail: missingActions.length === 0 ? `Value proposition, ${segment.gtm!.tactics!.length} tactics and ${segment.gtm!.kpis!.length} KPIs.` : `Missing ${missingActions.join(", ")}.`,
      data: { missing: missingActions.join(", ") || null },
    },
  };
}

interface Difference {
  feature: string;
  d: number;
  p: number;
  segmentMean: number;
  restMean: number;
}

/** The comparison with the largest effect among features the definition does not use. */
export function bestDifference(metrics: SegmentMetrics | undefined, exclude: readonly string[], alpha: number): Difference | undefined {
  let best: Difference | undefined;
  for (const c of metrics?.comparisons ?? []) {
    if (exclude.includes(c.feature)) continue;
    const test = welchTest(c.segment, c.rest);
    if (!test || !Number.isFinite(test.effectSize)) continue;
    const candidate = { feature: c.feature, d: test.effectSize, p: test.pValue, segmentMean: c.segment.mean, restMean: c.rest.mean };
    const better = !best || Number(candidate.p < alpha) > Number(best.p < alpha) || (Number(candidate.p < alpha) === Number(best.p < alpha) && Math.abs(candidate.d) > Math.abs(best.d));
    if (better) best = candidate;
  }
  return best;
}

function pct(x: number): string {
  return `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
}
