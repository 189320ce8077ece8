import { ruleTester } from "../../test/support/rule-tester.ts";
import type { ExampleData } from "./example-data.ts";
import { unassignedShare } from "./unassigned-share.ts";

const usage = (heavy: number, light: number): ExampleData => ({ schemes: { usage: { population: 1000, segments: { heavy: { count: heavy }, light: { count: light } } } } });

ruleTester.run(unassignedShare, {
  valid: [
    { name: "no data" },
    { name: "everyone assigned", data: usage(150, 850) },
    { name: "exactly 10% left over", data: usage(150, 750) },
    { name: "a larger remainder allowed by option", data: usage(150, 600), options: { max: 0.3 } },
    {
      name: "an overlapping scheme may leave members out",
      files: { "segmentation.yaml": "schemes:\n  usage: { label: Usage, exclusive: false }\n  market: { label: Market }\n" },
      data: { schemes: { usage: { population: 1000, unassigned: 500, segments: { heavy: { count: 150 }, light: { count: 350 } } } } },
    },
  ],
  invalid: [
    {
      name: "a quarter of the members in no segment",
      data: usage(150, 600),
      errors: [
        {
          messageId: "tooMany",
          file: "segmentation.yaml",
          line: 40,
          column: 3,
          message: "250 of 1000 members (25.0%) fall in no segment of the usage scheme, more than the limit of 10.0%.",
        },
      ],
    },
    {
      name: "a stricter limit by option",
      data: usage(150, 820),
      options: { max: 0.02 },
      errors: [{ messageId: "tooMany", file: "segmentation.yaml", line: 40, column: 3, data: { count: 30, share: "3.0%", max: "2.0%" } }],
    },
  ],
});
