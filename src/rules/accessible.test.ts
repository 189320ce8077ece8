import { ruleTester } from "../../test/support/rule-tester.ts";
import { accessible } from "./accessible.ts";

const heavy = (extra: string, status = "active") =>
  `id: heavy\nname: Heavy users\nsummary: Accounts active on most days.\nstatus: ${status}\napproach: behavioral\ndefinition:\n  where: active_days_90d >= 40\n${extra}`;
const FILE = "segments/usage/heavy.yaml";

ruleTester.run(accessible, {
  valid: [
    { name: "channels and a GTM owner" },
    { name: "channels and a segment owner", files: { [FILE]: heavy("gtm:\n  channels: [Account manager]\nowner: Ana\n") } },
    { name: "a deprioritized segment needs no channels", files: { [FILE]: heavy("", "deprioritized") } },
    { name: "the same verdict with data", data: { schemes: { usage: { population: 10, segments: { heavy: { count: 3 }, light: { count: 7 } } } } } },
  ],
  invalid: [
    {
      name: "no go-to-market at all",
      files: { [FILE]: heavy("") },
      errors: [{ messageId: "unreachable", file: FILE, line: 1, column: 1, message: "Heavy users is not accessible as written: it names neither channels nor an owner, so nobody is set up to reach these customers." }],
    },
    {
      name: "an owner but no channels",
      files: { [FILE]: heavy("gtm:\n  tactics: [Business reviews]\n  owner: Ana\n") },
      errors: [{ messageId: "unreachable", file: FILE, line: 8, column: 1, data: { missing: "no channels" } }],
    },
    {
      name: "channels but no owner, with data",
      files: { [FILE]: heavy("gtm:\n  channels: [Account manager]\n") },
      data: { schemes: { usage: { population: 10, segments: { heavy: { count: 3 }, light: { count: 7 } } } } },
      errors: [{ messageId: "unreachable", file: FILE, line: 8, column: 1, data: { missing: "no owner" } }],
    },
  ],
});
