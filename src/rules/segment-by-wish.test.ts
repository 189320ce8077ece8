import { ruleTester } from "../../test/support/rule-tester.ts";
import type { ExampleData } from "./example-data.ts";
import { segmentByWish } from "./segment-by-wish.ts";

const companies = (options: { where?: string; phase?: string; evidence?: boolean; status?: string } = {}) =>
  `id: companies
name: Global enterprises
summary: Very large companies.
status: ${options.status ?? "active"}
approach: firmographic
definition:
  where: ${options.where ?? "employees >= 10000"}
scores: { size: 6, fit: 6 }
${options.phase ? `phase: ${options.phase}\n` : ""}${options.evidence ? "evidence:\n  substantial: Forty accounts in the CRM.\n" : ""}`;
const FILE = "segments/market/companies.yaml";
const market = (companiesCount: number, startups = 400): ExampleData => ({
  schemes: { market: { population: 1000, segments: { startups: { count: startups }, companies: { count: companiesCount }, free: { count: 300 } } } },
});

ruleTester.run(segmentByWish, {
  valid: [
    { name: "targets that hold enough members", data: market(250) },
    { name: "a small segment that is not a target", files: { [FILE]: companies() }, data: market(4) },
    { name: "a small coverage segment", files: { [FILE]: companies({ phase: "coverage" }) }, data: market(4) },
    { name: "a small target allowed by a lower threshold", files: { [FILE]: companies({ phase: "adjacent" }) }, data: market(20), options: { minShare: 0.01 } },
    { name: "a target with written evidence and no data", files: { [FILE]: companies({ phase: "adjacent", evidence: true }) } },
    { name: "a retired segment keeps its phase", files: { [FILE]: companies({ phase: "adjacent", status: "retired" }) }, data: market(0) },
  ],
  invalid: [
    {
      name: "an adjacent target with 0.4% of the members",
      files: { [FILE]: companies({ phase: "adjacent" }) },
      data: market(4),
      errors: [
        {
          messageId: "tooSmall",
          file: FILE,
          line: 9,
          column: 8,
          message: "Global enterprises is a target (phase adjacent), but holds only 0.4% of the members (4 of 1000), below the substantial threshold of 3.0%.",
        },
      ],
    },
    {
      name: "a target nobody in the data matches",
      files: { [FILE]: companies({ phase: "adjacent" }) },
      data: { schemes: { market: { population: 1000, segments: { startups: { count: 700 }, free: { count: 300 } } } } },
      errors: [{ messageId: "noMembers", file: FILE, line: 9, column: 8 }],
    },
    {
      name: "the top-ranked segment counts as a target without a phase",
      files: { "segments/market/startups.yaml": `id: startups\nname: Startups\nsummary: Small paying companies.\nstatus: active\napproach: firmographic\ndefinition:\n  where: employees < 50 and plan != 'free'\nscores: { size: 7, fit: 9 }\n` },
      data: market(250, 10),
      errors: [{ messageId: "tooSmall", file: "segments/market/startups.yaml", line: 8, column: 9, data: { why: "ranked first", share: "1.0%" } }],
    },
    {
      name: "a target without evidence, checked without data",
      files: { [FILE]: companies({ phase: "adjacent" }) },
      errors: [{ messageId: "noEvidence", file: FILE, line: 9, column: 8 }],
    },
    {
      name: "coverage counts when the option says so",
      files: { [FILE]: companies({ phase: "coverage" }) },
      data: market(4),
      options: { phases: ["coverage"] },
      errors: [{ messageId: "tooSmall", file: FILE, line: 9, column: 8, data: { why: "phase coverage" } }],
    },
  ],
});
