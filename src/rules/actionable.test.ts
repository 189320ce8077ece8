import { ruleTester } from "../../test/support/rule-tester.ts";
import { actionable } from "./actionable.ts";

const heavy = (extra: string, status = "active") =>
  `id: heavy\nname: Heavy users\nsummary: Accounts active on most days.\nstatus: ${status}\napproach: behavioral\ndefinition:\n  where: active_days_90d >= 40\n${extra}`;
const FILE = "segments/usage/heavy.yaml";
const KPIS = "  kpis:\n    - { name: Net revenue retention }\n";

ruleTester.run(actionable, {
  valid: [
    { name: "a value proposition, tactics and KPIs" },
    { name: "a deprioritized segment needs no plan", files: { [FILE]: heavy("", "deprioritized") } },
    { name: "a retired segment needs no plan", files: { [FILE]: heavy("", "retired") } },
  ],
  invalid: [
    {
      name: "nothing to act on",
      files: { [FILE]: heavy("") },
      errors: [{ messageId: "notActionable", file: FILE, line: 1, column: 5, message: "Heavy users is not actionable yet: it lacks a value proposition, GTM tactics, KPIs." }],
    },
    {
      name: "no tactics",
      files: { [FILE]: heavy(`value_proposition: Headroom.\ngtm:\n${KPIS}`, "proposed") },
      errors: [{ messageId: "notActionable", file: FILE, line: 9, column: 1, data: { missing: "GTM tactics" } }],
    },
    {
      name: "no KPIs, with data",
      files: { [FILE]: heavy("value_proposition: Headroom.\ngtm:\n  tactics: [Business reviews]\n") },
      data: { schemes: { usage: { population: 10, segments: { heavy: { count: 3 }, light: { count: 7 } } } } },
      errors: [{ messageId: "notActionable", file: FILE, line: 9, column: 1, data: { missing: "KPIs" } }],
    },
  ],
});
