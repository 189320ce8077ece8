import type { HypothesisResult } from "../engine/hypotheses.ts";
import { ruleTester } from "../../test/support/rule-tester.ts";
import { hypothesisRejected } from "./hypothesis-rejected.ts";

const FILE = "hypotheses/heavy-more-tickets.yaml";
const HYPOTHESIS = `id: heavy-more-tickets
statement: Heavy users open more support tickets than the other accounts.
metric: active_days_90d
segments: [heavy]
test:
  kind: difference-of-means
  alternative: greater
`;
const result = (verdict: HypothesisResult["verdict"], id = "heavy-more-tickets"): HypothesisResult => ({
  id,
  verdict,
  kind: "difference-of-means",
  alternative: "greater",
  alpha: 0.05,
  groups: [
    { label: "Heavy users", n: 150, value: 0.4 },
    { label: "rest of usage", n: 850, value: 1.6 },
  ],
  test: { statistic: -34, df: 372.4, pValue: 1, effectSize: -1.07, difference: -1.2 },
  summary: `active_days_90d: Heavy users 0.40 (n=150) vs rest of usage 1.60 (n=850); t = -34.00, p = 1.0000, d = -1.07 → ${verdict} at α = 0.05.`,
});

ruleTester.run(hypothesisRejected, {
  valid: [
    { name: "no data", files: { [FILE]: HYPOTHESIS } },
    { name: "a supported hypothesis", files: { [FILE]: HYPOTHESIS }, data: { hypotheses: [result("supported")] } },
    { name: "an inconclusive hypothesis", files: { [FILE]: HYPOTHESIS }, data: { hypotheses: [result("inconclusive")] } },
    { name: "the rule turned off", files: { [FILE]: HYPOTHESIS, "segmentation.yaml": "rules:\n  hypothesis-rejected: off\n" }, data: { hypotheses: [result("rejected")] } },
  ],
  invalid: [
    {
      name: "a hypothesis the data reject, at its statement",
      files: { [FILE]: HYPOTHESIS },
      data: { hypotheses: [result("rejected")] },
      errors: [
        {
          messageId: "rejected",
          file: FILE,
          line: 2,
          column: 12,
          severity: "warning",
          data: { verdict: "rejected", statistic: -34, pValue: 1, nA: 150, nB: 850 },
          message:
            'The data reject the hypothesis heavy-more-tickets ("Heavy users open more support tickets than the other accounts."): active_days_90d: Heavy users 0.40 (n=150) vs rest of usage 1.60 (n=850); t = -34.00, p = 1.0000, d = -1.07 → rejected at α = 0.05.',
        },
      ],
    },
    {
      name: "configured as an error like any rule",
      files: { [FILE]: HYPOTHESIS, "segmentation.yaml": "rules:\n  hypothesis-rejected: error\n" },
      data: { hypotheses: [result("rejected")] },
      errors: [{ messageId: "rejected", file: FILE, line: 2, column: 12, severity: "error" }],
    },
  ],
});
