import { ruleTester } from "../../test/support/rule-tester.ts";
import type { ExampleData } from "./example-data.ts";
import { differentiable } from "./differentiable.ts";

type Features = Record<string, { mean: number; sd: number }>;
const market = (startups: Features, companies: Features): ExampleData => ({
  schemes: { market: { population: 1000, segments: { startups: { count: 400, features: startups }, companies: { count: 300, features: companies }, free: { count: 300, features: { tickets_90d: { mean: 0.1, sd: 0.3 } } } } } },
});
const tickets = (mean: number, sd = 1) => ({ tickets_90d: { mean, sd } });

// A catch-all after heavy users: in an exclusive scheme "the rest" is defined by
// active_days_90d < 40 as much as by its own condition.
const catchAll = (exclusive: boolean) => ({
  "segmentation.yaml": `schemes:\n  usage:\n    label: Usage\n    exclusive: ${exclusive}\n  market:\n    label: Market\n`,
  "segments/usage/light.yaml": null,
  "segments/usage/heavy.yaml": "id: heavy\nname: Heavy users\nsummary: Accounts active on most days.\nstatus: active\napproach: behavioral\norder: 1\ndefinition:\n  where: active_days_90d >= 40\n",
  "segments/usage/rest.yaml": "id: rest\nname: Everyone else\nsummary: Every other account.\nstatus: active\napproach: behavioral\norder: 2\ndefinition:\n  where: employees >= 1\n",
});
const usage: ExampleData = {
  schemes: {
    usage: {
      population: 1000,
      segments: {
        heavy: { count: 300, features: { active_days_90d: { mean: 60, sd: 10 }, ...tickets(1) } },
        rest: { count: 700, features: { active_days_90d: { mean: 10, sd: 8 }, ...tickets(1.05) } },
      },
    },
  },
};

ruleTester.run(differentiable, {
  valid: [
    { name: "no data" },
    { name: "both segments stand out from the rest", data: market(tickets(0.4, 0.6), tickets(2.2, 1.2)) },
    { name: "an empty segment is left to identifiable", data: { schemes: { market: { population: 700, segments: { startups: { count: 400, features: tickets(0.4, 0.6) }, free: { count: 300, features: tickets(2, 1) } } } } } },
  ],
  invalid: [
    {
      name: "segments that look like the rest",
      data: market(tickets(0.55, 0.5), tickets(0.55, 0.5)),
      errors: [
        { messageId: "weak", file: "segments/market/companies.yaml", line: 6, column: 1, data: { feature: "tickets_90d", mean: "0.55" } },
        {
          messageId: "weak",
          file: "segments/market/startups.yaml",
          line: 6,
          column: 1,
          message: "Startups is not clearly different from the rest of the market scheme: its largest difference outside its definition is tickets_90d (0.55 vs 0.33, d = 0.47, p < 0.0001), short of |d| ≥ 0.5 at p < 0.05.",
        },
      ],
    },
    {
      name: "a catch-all in an exclusive scheme is judged outside the earlier segments' definitions too",
      files: catchAll(true),
      data: usage,
      errors: [
        { messageId: "weak", file: "segments/usage/heavy.yaml", line: 7, column: 1, data: { feature: "tickets_90d" } },
        { messageId: "weak", file: "segments/usage/rest.yaml", line: 7, column: 1, data: { feature: "tickets_90d", mean: "1.05" } },
      ],
    },
    {
      name: "in an overlapping scheme the earlier segments do not define a later one",
      files: catchAll(false),
      data: usage,
      errors: [{ messageId: "weak", file: "segments/usage/heavy.yaml", line: 7, column: 1, data: { feature: "tickets_90d" } }],
    },
    {
      name: "nothing measured to compare",
      data: { schemes: { usage: { population: 1000, segments: { heavy: { count: 150 }, light: { count: 850 } } } } },
      errors: [
        { messageId: "noMetric", file: "segments/usage/heavy.yaml", line: 6, column: 1, message: "Heavy users has no metric outside its definition to compare with the rest of the usage scheme." },
        { messageId: "noMetric", file: "segments/usage/light.yaml", line: 6, column: 1 },
      ],
    },
  ],
});
