import { ruleTester } from "../../test/support/rule-tester.ts";
import { identifiable } from "./identifiable.ts";

ruleTester.run(identifiable, {
  valid: [
    { name: "no data" },
    { name: "every segment has members", data: { schemes: { usage: { population: 1000, segments: { heavy: { count: 150 }, light: { count: 850 } } } } } },
    {
      name: "a retired segment may be empty",
      files: { "segments/usage/old.yaml": "id: old\nname: Old\nsummary: Gone.\nstatus: retired\napproach: behavioral\ndefinition:\n  where: active_days_90d > 1000\n" },
      data: { schemes: { usage: { population: 1000, segments: { heavy: { count: 150 }, light: { count: 850 } } } } },
    },
  ],
  invalid: [
    {
      name: "a segment nobody matches",
      data: { schemes: { usage: { population: 1000, segments: { light: { count: 1000 } } } } },
      errors: [{ messageId: "empty", file: "segments/usage/heavy.yaml", line: 6, column: 1, message: "Heavy users is not identifiable: its definition matches none of the 1000 members in the data." }],
    },
    {
      name: "a deprioritized segment nobody matches",
      data: {
        schemes: { market: { population: 500, segments: { startups: { count: 200 }, companies: { count: 300 } } } },
      },
      errors: [{ messageId: "empty", file: "segments/market/free.yaml", line: 6, column: 1, data: { population: 500 } }],
    },
  ],
});
