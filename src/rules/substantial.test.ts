import { ruleTester } from "../../test/support/rule-tester.ts";
import type { ExampleData } from "./example-data.ts";
import { substantial } from "./substantial.ts";

const usage = (heavy: number, valueShare?: number): ExampleData => ({
  schemes: {
    usage: {
      population: 1000,
      segments: {
        heavy: { count: heavy, ...(valueShare !== undefined ? { valueShare } : {}) },
        light: { count: 1000 - heavy, ...(valueShare !== undefined ? { valueShare: 1 - valueShare } : {}) },
      },
    },
  },
});

ruleTester.run(substantial, {
  valid: [
    { name: "no data" },
    { name: "above the 3% threshold", data: usage(30) },
    { name: "a lower threshold in segmentation.yaml", files: { "segmentation.yaml": "thresholds:\n  substantial_share: 0.01\n" }, data: usage(20) },
    { name: "an empty segment is left to identifiable", data: usage(0) },
    { name: "a small deprioritized segment", data: { schemes: { market: { population: 1000, segments: { startups: { count: 500 }, companies: { count: 490 }, free: { count: 10 } } } } } },
  ],
  invalid: [
    {
      name: "2% of the members and of the value",
      data: usage(20, 0.02),
      errors: [
        {
          messageId: "small",
          file: "segments/usage/heavy.yaml",
          line: 6,
          column: 1,
          message: "Heavy users is not substantial: it holds 2.0% of the members (20) and 2.0% of the value, below the threshold of 3.0%.",
        },
      ],
    },
    {
      name: "no value measure",
      data: usage(20),
      errors: [{ messageId: "smallNoValue", file: "segments/usage/heavy.yaml", line: 6, column: 1, data: { share: "2.0%", count: 20, threshold: "3.0%" } }],
    },
    {
      name: "a higher threshold in segmentation.yaml",
      files: { "segmentation.yaml": "thresholds:\n  substantial_share: 0.2\n" },
      data: usage(150),
      errors: [{ messageId: "smallNoValue", file: "segments/usage/heavy.yaml", line: 6, column: 1, data: { share: "15.0%", threshold: "20.0%" } }],
    },
  ],
});
