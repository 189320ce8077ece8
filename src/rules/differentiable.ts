import { z } from "zod";
import { MIN_EFFECT_SIZE } from "../engine/idsaa.ts";
import { defineRule } from "./define-rule.ts";
import { idsaaVerdicts } from "./facts/idsaa-verdicts.ts";

export const differentiable = defineRule({
  id: "differentiable",
  description: "IDSAA: a segment differs from the rest of its scheme on some metric its definition does not use",
  defaultSeverity: "warning",
  options: z.strictObject({}),
  messages: {
    weak: "{name} is not clearly different from the rest of the {scheme} scheme: its largest difference outside its definition is {feature} ({mean} vs {restMean}, d = {d}, p {p}), short of |d| ≥ {minEffect} at p < {alpha}.",
    noMetric: "{name} has no metric outside its definition to compare with the rest of the {scheme} scheme.",
  },
  hint: "Look for the behaviour or need that sets these customers apart (declare it as a metric in segmentation.yaml so it is measured), or merge the segment with the one it resembles.",
  docs: {
    rationale:
      "A segment deserves its own play only if its customers differ from everyone else in something that matters. Differences in the fields that define it prove nothing (heavy users are heavy by definition), so the test looks at the other measured features: Cohen's d of at least 0.5 and a Welch test significant at the configured alpha. The verdict is the engine's IDSAA scorecard, shown on every segment page.",
    bad: [],
    good: [],
    data: {
      bad: {
        schemes: {
          market: {
            population: 1000,
            segments: {
              startups: { count: 400, features: { tickets_90d: { mean: 1.0, sd: 1 } } },
              companies: { count: 300, features: { tickets_90d: { mean: 1.1, sd: 1 } } },
              free: { count: 300, features: { tickets_90d: { mean: 0.9, sd: 1 } } },
            },
          },
        },
      },
      good: {
        schemes: {
          market: {
            population: 1000,
            segments: {
              startups: { count: 400, features: { tickets_90d: { mean: 0.4, sd: 0.6 } } },
              companies: { count: 300, features: { tickets_90d: { mean: 2.2, sd: 1.2 } } },
              free: { count: 300, features: { tickets_90d: { mean: 0.1, sd: 0.3 } } },
            },
          },
        },
      },
    },
  },
  check(context) {
    const alpha = context.workspace.config?.value.thresholds.alpha ?? 0.05;
    for (const { segment, result, count } of idsaaVerdicts(context, "differentiable")) {
      // A segment without members is reported by identifiable.
      if (result.pass || !count) continue;
      const { feature, d, p, segmentMean, restMean } = result.data;
      const name = segment.value.name;
      if (typeof feature !== "string" || typeof d !== "number" || typeof p !== "number") {
        context.report({ messageId: "noMetric", document: segment, path: ["definition"], data: { name, scheme: segment.scheme } });
        continue;
      }
      context.report({
        messageId: "weak",
        document: segment,
        path: ["definition"],
        data: {
          name,
          scheme: segment.scheme,
          feature,
          mean: round(Number(segmentMean)),
          restMean: round(Number(restMean)),
          d: d.toFixed(2),
          p: p < 0.0001 ? "< 0.0001" : `= ${p.toFixed(4)}`,
          minEffect: MIN_EFFECT_SIZE,
          alpha,
        },
      });
    }
  },
});

function round(x: number): string {
  return String(Math.round(x * 100) / 100);
}
