import { ruleTester } from "../../test/support/rule-tester.ts";
import { CONFIG_HEAD, CONFIG_TAIL_SECTIONS } from "../../test/support/rule-test-workspace.ts";
import type { ExampleData } from "./example-data.ts";
import { undifferentiated } from "./undifferentiated.ts";

type Features = Record<string, { mean: number; sd: number }>;
const market = (startups: Features, companies: Features, free: Features = { active_days_90d: { mean: 5, sd: 4 } }): ExampleData => ({
  schemes: { market: { population: 1000, segments: { startups: { count: 400, features: startups }, companies: { count: 300, features: companies }, free: { count: 300, features: free } } } },
});
const days = (mean: number, sd = 12) => ({ active_days_90d: { mean, sd } });

// Heavy users first, then big accounts, then a catch-all: big accounts and
// everyone else differ only in active days, which heavy users took first.
const usageSegment = (id: string, name: string, order: number, where: string) =>
  `id: ${id}\nname: ${name}\nsummary: ${name}.\nstatus: active\napproach: behavioral\norder: ${order}\ndefinition:\n  where: ${where}\n`;
const ordered = (exclusive: boolean) => ({
  "segmentation.yaml": `schemes:\n  usage:\n    label: Usage\n    exclusive: ${exclusive}\n  market:\n    label: Market\n`,
  "segments/usage/light.yaml": null,
  "segments/usage/heavy.yaml": usageSegment("heavy", "Heavy users", 1, "active_days_90d >= 40"),
  "segments/usage/big.yaml": usageSegment("big", "Big accounts", 2, "employees >= 500"),
  "segments/usage/rest.yaml": usageSegment("rest", "Everyone else", 3, "employees >= 1"),
});
const tickets = (mean: number) => ({ tickets_90d: { mean, sd: 1 } });
const usage: ExampleData = {
  schemes: {
    usage: {
      population: 1000,
      segments: {
        heavy: { count: 200, features: { ...days(60, 10), ...tickets(3) } },
        big: { count: 300, features: { ...days(30, 8), ...tickets(1) } },
        rest: { count: 500, features: { ...days(10, 8), ...tickets(1.02) } },
      },
    },
  },
};

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
    { name: "in an overlapping scheme an earlier segment's definition does not define the later ones", files: ordered(false), data: usage },
  ],
  invalid: [
    {
      name: "in an exclusive scheme the earlier segments' definitions define the later ones too",
      files: ordered(true),
      data: usage,
      errors: [{ messageId: "same", file: "segments/usage/rest.yaml", line: 7, column: 1, data: { other: "Big accounts", tested: 1, feature: "tickets_90d" } }],
    },
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
