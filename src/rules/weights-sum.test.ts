import { ruleTester } from "../../test/support/rule-tester.ts";
import { weightsSum } from "./weights-sum.ts";

const prioritization = (size: number, fit: number) =>
  `schemes:\n  usage: { label: Usage }\n  market: { label: Market }\nprioritization:\n  schemes: [market]\n  factors:\n    size: { label: Size, weight: ${size}, lens: demand }\n    fit: { label: Fit, weight: ${fit}, lens: capacity }\n`;

ruleTester.run(weightsSum, {
  valid: [
    { name: "weights that sum to 100" },
    { name: "weights that sum to 1", files: { "segmentation.yaml": prioritization(0.6, 0.4) } },
  ],
  invalid: [
    {
      name: "weights that sum to 110",
      files: { "segmentation.yaml": prioritization(60, 50) },
      errors: [{ messageId: "badSum", file: "segmentation.yaml", line: 44, column: 3, message: "The prioritization weights sum to 110, not 100 (size 60 + fit 50)." }],
    },
    {
      name: "fractions that sum to 0.9",
      files: { "segmentation.yaml": prioritization(0.5, 0.4) },
      errors: [{ messageId: "badSum", file: "segmentation.yaml", line: 44, column: 3, data: { sum: 0.9 } }],
    },
  ],
});
