import { z } from "zod";
import { definingNamesBySegment } from "../engine/segment-defining-names.ts";
import { welchTest } from "../engine/stats/two-sample.ts";
import type { LoadedSegment } from "../workspace/workspace.ts";
import { defineRule, type Facts } from "./define-rule.ts";
import { measuredSegment } from "./facts/measured-segment.ts";
import { isServed } from "./facts/served.ts";

export const undifferentiated = defineRule({
  id: "undifferentiated",
  description: "Every two segments of a scheme differ significantly on some metric outside their definitions",
  defaultSeverity: "warning",
  options: z.strictObject({
    alpha: z.number().gt(0).lt(1).optional().describe("Significance level of the Welch tests (default: thresholds.alpha, 0.05)."),
    minEffect: z.number().min(0).default(0.2).describe("Smallest |Cohen's d| that counts as a difference (0.2 is a small effect)."),
    features: z.array(z.string()).optional().describe("Compare only these features (default: every compared feature)."),
  }),
  messages: {
    same: "{name} and {other} do not differ on any metric outside their definitions ({tested} compared); the largest gap is {feature} ({mean} vs {otherMean}, d = {d}, p = {p}).",
  },
  hint: "Merge the two segments, or find the behaviour or need that sets them apart and add it to a definition.",
  docs: {
    rationale:
      "Two segments earn their separate plays only if their customers behave or need differently. When every measured metric (outside the fields that define them) is about the same in both, the split is cosmetic: the same message and product would serve both. The rule runs a Welch t-test for each pair of segments on each compared feature, from the summary statistics the engine computes, and asks for a difference that is both significant and at least a small effect.",
    bad: [],
    good: [],
    data: {
      bad: {
        schemes: {
          market: {
            population: 1000,
            segments: {
              startups: { count: 400, features: { active_days_90d: { mean: 21, sd: 12 } } },
              companies: { count: 300, features: { active_days_90d: { mean: 21.4, sd: 12 } } },
              free: { count: 300, features: { active_days_90d: { mean: 6, sd: 5 } } },
            },
          },
        },
      },
      good: {
        schemes: {
          market: {
            population: 1000,
            segments: {
              startups: { count: 400, features: { active_days_90d: { mean: 28, sd: 12 } } },
              companies: { count: 300, features: { active_days_90d: { mean: 19, sd: 12 } } },
              free: { count: 300, features: { active_days_90d: { mean: 6, sd: 5 } } },
            },
          },
        },
      },
    },
  },
  check(context) {
    const config = context.workspace.config?.value;
    const data = context.facts.data;
    if (!config || !data) return;
    const alpha = context.options.alpha ?? config.thresholds.alpha;
    const defining = definingNamesBySegment(context.workspace.segments, config, context.facts.expressions);
    for (const scheme of Object.keys(config.schemes)) {
      const segments = context.segmentsOf(scheme).filter(isServed);
      segments.forEach((b, j) => {
        for (const a of segments.slice(0, j)) {
          const result = comparePair(a, b, defining, context.facts, alpha, context.options.minEffect, context.options.features);
          if (!result || result.differs) continue;
          const { closest } = result;
          context.report({
            messageId: "same",
            document: b,
            path: ["definition"],
            data: {
              name: b.value.name,
              other: a.value.name,
              tested: result.tested,
              feature: closest.feature,
              mean: round(closest.bMean),
              otherMean: round(closest.aMean),
              d: closest.d.toFixed(2),
              p: closest.p < 0.0001 ? "< 0.0001" : closest.p.toFixed(4),
            },
          });
        }
      });
    }
  },
});

interface PairResult {
  differs: boolean;
  tested: number;
  closest: { feature: string; d: number; p: number; aMean: number; bMean: number };
}

/** Welch tests of b against a on every feature both were measured on and neither definition uses (directly, through a computed feature, or in an exclusive scheme through an earlier segment's definition). */
function comparePair(a: LoadedSegment, b: LoadedSegment, definingOf: ReadonlyMap<LoadedSegment, readonly string[]>, facts: Facts, alpha: number, minEffect: number, only: readonly string[] | undefined): PairResult | undefined {
  const ma = measuredSegment(facts.data, a.scheme, a.value.id);
  const mb = measuredSegment(facts.data, b.scheme, b.value.id);
  if (!ma || !mb) return undefined;
  const defining = new Set([a, b].flatMap((s) => definingOf.get(s) ?? []));
  let tested = 0;
  let closest: PairResult["closest"] | undefined;
  for (const cb of mb.comparisons) {
    if (defining.has(cb.feature) || (only && !only.includes(cb.feature))) continue;
    const ca = ma.comparisons.find((c) => c.feature === cb.feature);
    const test = ca && welchTest(cb.segment, ca.segment);
    if (!ca || !test || !Number.isFinite(test.pValue)) continue;
    tested++;
    if (test.pValue < alpha && Math.abs(test.effectSize) >= minEffect) return { differs: true, tested, closest: { feature: cb.feature, d: test.effectSize, p: test.pValue, aMean: ca.segment.mean, bMean: cb.segment.mean } };
    if (!closest || Math.abs(test.effectSize) > Math.abs(closest.d)) closest = { feature: cb.feature, d: test.effectSize, p: test.pValue, aMean: ca.segment.mean, bMean: cb.segment.mean };
  }
  return closest ? { differs: false, tested, closest } : undefined;
}

function round(x: number): string {
  return String(Math.round(x * 100) / 100);
}
