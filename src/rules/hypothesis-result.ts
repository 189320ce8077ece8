import { z } from "zod";
import { defineRule } from "./define-rule.ts";
import { testedHypotheses } from "./facts/tested-hypotheses.ts";

const HYPOTHESIS = `id: heavy-fewer-tickets
statement: Heavy users open fewer support tickets than the other accounts.
metric: active_days_90d
segments: [heavy]
test:
  kind: difference-of-means
  alternative: less
  alpha: 0.05
`;

const SUPPORTED = {
  id: "heavy-fewer-tickets",
  verdict: "supported" as const,
  kind: "difference-of-means" as const,
  alternative: "less" as const,
  alpha: 0.05,
  groups: [
    { label: "Heavy users", n: 150, value: 0.4 },
    { label: "rest of usage", n: 850, value: 1.6 },
  ] as [{ label: string; n: number; value: number }, { label: string; n: number; value: number }],
  test: { statistic: -17.9, df: 372.4, pValue: 0.00001, effectSize: -1.07, difference: -1.2 },
  summary: "active_days_90d: Heavy users 0.40 (n=150) vs rest of usage 1.60 (n=850); t = -17.90, p < 0.0001, d = -1.07 → supported at α = 0.05.",
};

export const hypothesisResult = defineRule({
  id: "hypothesis-result",
  description: "Each hypothesis the data support or leave open is reported with its numbers",
  defaultSeverity: "info",
  options: z.strictObject({}),
  messages: {
    supported: "The data support the hypothesis {id} (\"{statement}\"): {summary}.",
    inconclusive: "The data neither support nor reject the hypothesis {id} (\"{statement}\"): {summary}.",
  },
  hint: "Supported: the plans resting on it stand. Inconclusive: collect more data or sharpen the statement before relying on it.",
  docs: {
    rationale:
      "A hypothesis file states what the team believes; seg check tests it on every run. Showing each verdict with its statistics where people look (the check output, annotations, the PR comment) keeps beliefs and data side by side. Rejections are warnings of their own, from hypothesis-rejected.",
    bad: [{ file: "hypotheses/heavy-fewer-tickets.yaml", text: HYPOTHESIS }],
    good: [{ file: "hypotheses/heavy-fewer-tickets.yaml", text: HYPOTHESIS }],
    data: { bad: { hypotheses: [SUPPORTED] }, good: { hypotheses: [{ ...SUPPORTED, verdict: "rejected" }] } },
  },
  check(context) {
    for (const { result, document, data } of testedHypotheses(context, (verdict) => verdict !== "rejected")) {
      context.report({ messageId: result.verdict === "supported" ? "supported" : "inconclusive", document, path: ["statement"], data });
    }
  },
});
