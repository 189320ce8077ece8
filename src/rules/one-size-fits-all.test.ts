import { ruleTester } from "../../test/support/rule-tester.ts";
import { oneSizeFitsAll } from "./one-size-fits-all.ts";

const companies = (extra: string, status = "active") =>
  `id: companies\nname: Established companies\nsummary: Paying companies of fifty people or more.\nstatus: ${status}\napproach: firmographic\ndefinition:\n  where: employees >= 50 and plan != 'free'\nscores: { size: 6, fit: 6 }\n${extra}`;
const FILE = "segments/market/companies.yaml";
const STARTUPS_VP = "value_proposition: Automate the busywork of a growing team in an afternoon.\n";

ruleTester.run(oneSizeFitsAll, {
  valid: [
    { name: "a different value proposition per segment" },
    { name: "a shared value proposition in a deprioritized segment", files: { [FILE]: companies(STARTUPS_VP, "deprioritized") } },
    { name: "only some words in common", files: { [FILE]: companies("value_proposition: Automate the reporting of a finance team in an afternoon.\n") } },
    { name: "the same text across schemes is not compared by default", files: { "segments/usage/heavy.yaml": `id: heavy\nname: Heavy users\nsummary: Busy.\nstatus: active\napproach: behavioral\ndefinition:\n  where: active_days_90d >= 40\n${STARTUPS_VP}` } },
    { name: "value propositions left out of the comparison by option", files: { [FILE]: companies(STARTUPS_VP) }, options: { fields: ["messaging"] } },
    { name: "a stricter similarity by option", files: { [FILE]: companies("value_proposition: Automate the busywork of a growing team quickly.\n") }, options: { similarity: 0.95 } },
  ],
  invalid: [
    {
      name: "a copied value proposition",
      files: { [FILE]: companies(STARTUPS_VP) },
      errors: [
        {
          messageId: "same",
          file: "segments/market/startups.yaml",
          line: 8,
          column: 20,
          message: "Startups has the same value proposition as Established companies (100.0% of their words in common): the segments get one offer, so the split changes nothing.",
        },
      ],
    },
    {
      name: "a lightly edited value proposition",
      files: { [FILE]: companies("value_proposition: Automate the busywork of a growing team, in an afternoon!\n") },
      errors: [{ messageId: "same", file: "segments/market/startups.yaml", line: 8, column: 20, data: { field: "value proposition" } }],
    },
    {
      name: "copied tactics",
      files: { [FILE]: companies("gtm:\n  tactics: [An accelerator partnership]\n") },
      errors: [{ messageId: "same", file: "segments/market/startups.yaml", line: 12, column: 12, data: { field: "tactics", other: "Established companies" } }],
    },
    {
      name: "copied messaging",
      files: { [FILE]: companies("gtm:\n  messaging: Your next hire can be a workflow.\n"), "segments/market/startups.yaml": `id: startups\nname: Startups\nsummary: Small.\nstatus: proposed\napproach: firmographic\ndefinition:\n  where: employees < 50 and plan != 'free'\nscores: { size: 7, fit: 9 }\ngtm:\n  messaging: Your next hire can be a workflow.\n` },
      errors: [{ messageId: "same", file: "segments/market/startups.yaml", line: 10, column: 14, data: { field: "messaging" } }],
    },
    {
      name: "the same text across schemes when the option asks",
      files: { "segments/usage/heavy.yaml": `id: heavy\nname: Heavy users\nsummary: Busy.\nstatus: active\napproach: behavioral\ndefinition:\n  where: active_days_90d >= 40\n${STARTUPS_VP}` },
      options: { acrossSchemes: true },
      errors: [{ messageId: "same", file: "segments/usage/heavy.yaml", line: 8, column: 20, data: { other: "Startups" } }],
    },
  ],
});
