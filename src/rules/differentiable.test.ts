import { ruleTester } from "../../test/support/rule-tester.ts";
import type { ExampleData } from "./example-data.ts";
import { differentiable } from "./differentiable.ts";

type Features = Record<string, { mean: number; sd: number }>;
const market = (startups: Features, companies: Features): ExampleData => ({
  schemes: { market: { population: 1000, segments: { startups: { count: 400, features: startups }, companies: { count: 300, features: companies }, free: { count: 300, features: { tickets_90d: { mean: 0.1, sd: 0.3 } } } } } },
});
const tickets = (mean: number, sd = 1) => ({ tickets_90d: { mean, sd } });

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
      name: "nothing measured to compare",
      data: { schemes: { usage: { population: 1000, segments: { heavy: { count: 150 }, light: { count: 850 } } } } },
      errors: [
        { messageId: "noMetric", file: "segments/usage/heavy.yaml", line: 6, column: 1, message: "Heavy users has no metric outside its definition to compare with the rest of the usage scheme." },
        { messageId: "noMetric", file: "segments/usage/light.yaml", line: 6, column: 1 },
      ],
    },
  ],
});
