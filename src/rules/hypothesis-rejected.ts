import { z } from "zod";
import { defineRule } from "./define-rule.ts";
import { testedHypotheses } from "./facts/tested-hypotheses.ts";

/** A rejected hypothesis as the engine reports it, for the docs and tests. */
const REJECTED = {
  id: "heavy-more-tickets",
  verdict: "rejected" as const,
  kind: "difference-of-means" as const,
  alternative: "greater" as const,
  alpha: 0.05,
  groups: [
    { label: "Heavy users", n: 150, value: 0.4 },
    { label: "rest of usage", n: 850, value: 1.6 },
  ] as [{ label: string; n: number; value: number }, { label: string; n: number; value: number }],
  test: { statistic: -17.9, df: 372.4, pValue: 1, effectSize: -1.07, difference: -1.2 },
  summary: "active_days_90d: Heavy users 0.40 (n=150) vs rest of usage 1.60 (n=850); t = -17.90, p = 1.0000, d = -1.07 → rejected at α = 0.05.",
};

const HYPOTHESIS = `id: heavy-more-tickets
statement: Heavy users open more support tickets than the other accounts.
metric: active_days_90d
segments: [heavy]
test:
  kind: difference-of-means
  alternative: greater
  alpha: 0.05
`;

export const hypothesisRejected = defineRule({
  id: "hypothesis-rejected",
  description: "No hypothesis is contradicted by the data",
  defaultSeverity: "warning",
  options: z.strictObject({}),
  messages: {
    rejected: "The data reject the hypothesis {id} (\"{statement}\"): {summary}.",
  },
  hint: "Act on what the data say: revise the plans that rest on the statement, then rewrite or retire the hypothesis.",
  docs: {
    rationale:
      "A hypothesis is written so the data can prove it wrong. When the test is significant in the opposite direction, a plan built on the statement rests on something the customers contradict; that is worth a warning in CI, not a line on a page nobody opens. Supported and inconclusive verdicts are reported by hypothesis-result.",
    bad: [{ file: "hypotheses/heavy-more-tickets.yaml", text: HYPOTHESIS }],
    good: [{ file: "hypotheses/heavy-more-tickets.yaml", text: HYPOTHESIS }],
    data: { bad: { hypotheses: [REJECTED] }, good: { hypotheses: [{ ...REJECTED, verdict: "supported" }] } },
  },
  check(context) {
    for (const { document, data } of testedHypotheses(context, (verdict) => verdict === "rejected")) {
      context.report({ messageId: "rejected", document, path: ["statement"], data });
    }
  },
});
