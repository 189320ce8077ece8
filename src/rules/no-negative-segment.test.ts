import { ruleTester } from "../../test/support/rule-tester.ts";
import { noNegativeSegment } from "./no-negative-segment.ts";

const free = (status: string) =>
  `id: free\nname: Free accounts\nsummary: Accounts on the free plan.\nstatus: ${status}\napproach: behavioral\ndefinition:\n  where: plan = 'free'\nscores: { size: 3, fit: 2 }\n`;

ruleTester.run(noNegativeSegment, {
  valid: [{ name: "a deprioritized segment in the prioritized scheme, and none needed in the unprioritized usage scheme" }],
  invalid: [
    {
      name: "every market segment is active",
      files: { "segments/market/free.yaml": free("active") },
      errors: [{ messageId: "none", file: "segmentation.yaml", line: 45, column: 13, data: { scheme: "market", count: 3 } }],
    },
    {
      name: "a retired segment is not a decision not to serve",
      files: { "segments/market/free.yaml": free("retired") },
      errors: [{ messageId: "none", file: "segmentation.yaml", line: 45, column: 13, data: { count: 2 } }],
    },
  ],
});
