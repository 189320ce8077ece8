import { z } from "zod";
import { defineRule } from "./define-rule.ts";

export const weightsSum = defineRule({
  id: "weights-sum",
  description: "Prioritization weights sum to 100 (or to 1)",
  defaultSeverity: "error",
  options: z.strictObject({}),
  messages: {
    badSum: "The prioritization weights sum to {sum}, not 100 ({weights}).",
  },
  hint: "Adjust the weights so they sum to 100 (percent) or 1 (fractions); every total and rank depends on it.",
  docs: {
    rationale:
      "A weighted total only means something when the weights share one scale. Weights that sum to 105 inflate every total and make totals incomparable with last quarter's.",
    bad: [
      {
        file: "segmentation.yaml",
        text: `prioritization:
  schemes: [market]
  factors:
    size: { label: Size, weight: 60, lens: demand }
    fit: { label: Fit, weight: 50, lens: capacity }
`,
      },
    ],
    good: [
      {
        file: "segmentation.yaml",
        text: `prioritization:
  schemes: [market]
  factors:
    size: { label: Size, weight: 60, lens: demand }
    fit: { label: Fit, weight: 40, lens: capacity }
`,
      },
    ],
  },
  check(context) {
    const config = context.workspace.config;
    const factors = config?.value.prioritization?.factors;
    const weights = context.facts.weights;
    if (!config || !factors || !weights || weights.scale !== "invalid") return;
    context.report({
      messageId: "badSum",
      document: config,
      path: ["prioritization", "factors"],
      data: { sum: weights.sum, weights: Object.entries(factors).map(([name, f]) => `${name} ${f.weight}`).join(" + ") },
    });
  },
});
