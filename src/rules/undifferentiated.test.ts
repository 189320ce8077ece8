import { ruleTester } from "../../test/support/rule-tester.ts";
import { CONFIG_HEAD, CONFIG_TAIL_SECTIONS } from "../../test/support/rule-test-workspace.ts";
import type { ExampleData } from "./example-data.ts";
import { undifferentiated } from "./undifferentiated.ts";

type Features = Record<string, { mean: number; sd: number }>;
const market = (startups: Features, companies: Features, free: Features = { active_days_90d: { mean: 5, sd: 4 } }): ExampleData => ({
  schemes: { market: { population: 1000, segments: { startups: { count: 400, features: startups }, companies: { count: 300, features: companies }, free: { count: 300, features: free } } } },
});
const days = (mean: number, sd = 12) => ({ active_days_90d: { mean, sd } });

ruleTester.run(undifferentiated, {
  valid: [
    { name: "no data" },
    { name: "clearly different usage", data: market(days(28), days(19)) },
    { name: "no compared features", data: market({}, {}, {}) },
    {
      name: "a feature used in a definition is not evidence",
      files: { "segments/market/companies.yaml": "id: companies\nname: Established companies\nsummary: Big and busy.\nstatus: active\napproach: behavioral\ndefinition:\n  where: active_days_90d > 40\nscores: { size: 6, fit: 6 }\n" },
      data: market(days(21), days(21.5)),
    },
    {
      name: "a feature that a computed feature of the definition is made from is not evidence either",
      files: {
        "segmentation.yaml": `${CONFIG_HEAD}  busy_weeks:\n    expression: active_days_90d / 7\n${Object.values(CONFIG_TAIL_SECTIONS).join("")}`,
        "segments/market/companies.yaml": "id: companies\nname: Established companies\nsummary: Big and busy.\nstatus: active\napproach: behavioral\ndefinition:\n  where: busy_weeks > 6\nscores: { size: 6, fit: 6 }\n",
      },
      data: market(days(21), days(21.5)),
    },
    { name: "a small difference accepted by a lower effect size", data: market(days(21), days(23)), options: { minEffect: 0.1 } },
    { name: "features outside the option's list are not compared", data: market({ ...days(21), seats: { mean: 4, sd: 2 } }, { ...days(30), seats: { mean: 4.1, sd: 2 } }), options: { features: ["active_days_90d"] } },
    { name: "a deprioritized segment is not compared", data: market(days(28), days(19), days(28)) },
  ],
  invalid: [
    {
      name: "two segments with the same usage",
      data: market(days(21), days(21.4)),
      errors: [
        {
          messageId: "same",
          file: "segments/market/startups.yaml",
          line: 6,
          column: 1,
          message: "Startups and Established companies do not differ on any metric outside their definitions (1 compared); the largest gap is active_days_90d (21 vs 21.4, d = -0.03, p = 0.6627).",
        },
      ],
    },
    {
      name: "a significant but tiny difference is not enough",
      data: { schemes: { market: { population: 200000, segments: { startups: { count: 100000, features: days(21) }, companies: { count: 100000, features: days(21.5) } } } } },
      errors: [{ messageId: "same", file: "segments/market/startups.yaml", line: 6, column: 1, data: { p: "< 0.0001", d: "-0.04" } }],
    },
    {
      name: "a large effect that is not significant is not enough",
      data: { schemes: { market: { population: 6, segments: { startups: { count: 3, features: days(20, 15) }, companies: { count: 3, features: days(30, 15) } } } } },
      errors: [{ messageId: "same", file: "segments/market/startups.yaml", line: 6, column: 1, data: { d: "-0.67" } }],
    },
  ],
});
