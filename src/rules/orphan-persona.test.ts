import { ruleTester } from "../../test/support/rule-tester.ts";
import { orphanPersona } from "./orphan-persona.ts";

const persona = (segments: string) => `---
id: thrifty-theo
name: Thrifty Theo
kind: enterprise
segments: ${segments}
context: A two-person shop.
goals: [Automate invoices]
frustrations: [Paid plans]
---

Body.
`;
const FILE = "personas/thrifty-theo.mdx";
const OLD = "segments/usage/old.yaml";
const old = "id: old\nname: Old users\nsummary: Gone.\nstatus: retired\napproach: behavioral\ndefinition:\n  where: active_days_90d > 1000\n";

ruleTester.run(orphanPersona, {
  valid: [
    { name: "linked to an active segment", files: { [FILE]: persona("[startups]") } },
    { name: "linked to a served and a deprioritized segment", files: { [FILE]: persona("[startups, market/free]") } },
  ],
  invalid: [
    {
      name: "linked only to a deprioritized segment",
      files: { [FILE]: persona("[free]") },
      errors: [
        {
          messageId: "orphan",
          file: FILE,
          line: 5,
          column: 11,
          message: "Thrifty Theo represents only segments that are not served (free deprioritized), so it describes nobody the company is working to win or keep.",
        },
      ],
    },
    {
      name: "linked only to retired and deprioritized segments",
      files: { [FILE]: persona("[old, free]"), [OLD]: old },
      errors: [{ messageId: "orphan", file: FILE, line: 5, column: 11, data: { segments: "old retired, free deprioritized" } }],
    },
    {
      name: "one link to a retired segment among served ones",
      files: { [FILE]: persona("[heavy, usage/old]"), [OLD]: old },
      errors: [{ messageId: "retiredLink", file: FILE, line: 5, column: 19, data: { segment: "usage/old" } }],
    },
  ],
});
