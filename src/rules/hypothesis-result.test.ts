import type { HypothesisResult } from "../engine/hypotheses.ts";
import { ruleTester } from "../../test/support/rule-tester.ts";
import { hypothesisResult } from "./hypothesis-result.ts";

const FILE = "hypotheses/heavy-fewer-tickets.yaml";
const HYPOTHESIS = `id: heavy-fewer-tickets
statement: Heavy users open fewer support tickets than the other accounts.
metric: active_days_90d
segments: [heavy]
test:
  kind: difference-of-means
  alternative: less
`;
const result = (verdict: HypothesisResult["verdict"], test: HypothesisResult["test"] = { statistic: -17.9, df: 372.4, pValue: 0.00001, effectSize: -1.07, difference: -1.2 }): HypothesisResult => ({
  id: "heavy-fewer-tickets",
  verdict,
  kind: "difference-of-means",
  alternative: "less",
  alpha: 0.05,
  groups: [
    { label: "Heavy users", n: 150, value: 0.4 },
    { label: "rest of usage", n: 850, value: 1.6 },
  ],
  test,
  summary: `active_days_90d: … → ${verdict} at α = 0.05.`,
});

ruleTester.run(hypothesisResult, {
  valid: [
    { name: "no data", files: { [FILE]: HYPOTHESIS } },
    { name: "a rejected hypothesis is hypothesis-rejected's", files: { [FILE]: HYPOTHESIS }, data: { hypotheses: [result("rejected")] } },
  ],
  invalid: [
    {
      name: "a supported hypothesis, with its statistics",
      files: { [FILE]: HYPOTHESIS },
      data: { hypotheses: [result("supported")] },
      errors: [
        {
          messageId: "supported",
          file: FILE,
          line: 2,
          column: 12,
          severity: "info",
          data: { verdict: "supported", statistic: -17.9, pValue: 0.00001, effectSize: -1.07, nA: 150, nB: 850 },
          message: 'The data support the hypothesis heavy-fewer-tickets ("Heavy users open fewer support tickets than the other accounts."): active_days_90d: … → supported at α = 0.05.',
        },
      ],
    },
    {
      name: "an inconclusive hypothesis without a test",
      files: { [FILE]: HYPOTHESIS },
      data: { hypotheses: [result("inconclusive", null)] },
      errors: [{ messageId: "inconclusive", file: FILE, line: 2, column: 12, severity: "info", data: { verdict: "inconclusive", nA: 150 } }],
    },
  ],
});
