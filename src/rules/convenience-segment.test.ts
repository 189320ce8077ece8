import { ruleTester } from "../../test/support/rule-tester.ts";
import { convenienceSegment } from "./convenience-segment.ts";

const segment = (where: string, status = "active") =>
  `id: companies\nname: EMEA accounts\nsummary: Accounts of one region.\nstatus: ${status}\napproach: firmographic\ndefinition:\n  where: ${where}\nscores: { size: 6, fit: 6 }\n`;
const FILE = "segments/market/companies.yaml";

ruleTester.run(convenienceSegment, {
  valid: [
    { name: "a needs-based definition", files: { [FILE]: segment("main_need = 'control'") } },
    { name: "the default workspace, whose definitions use no territory field" },
    { name: "a retired territory segment", files: { [FILE]: segment("region = 'EMEA'", "retired") } },
    { name: "territory allowed when the option names other kinds", files: { [FILE]: segment("region = 'EMEA'") }, options: { kinds: ["other"] } },
  ],
  invalid: [
    {
      name: "a sales region alone",
      files: { [FILE]: segment("region = 'EMEA'") },
      errors: [{ messageId: "onlyOrgChart", file: FILE, line: 7, column: 10, data: { fields: "region" } }],
    },
    {
      name: "a sales region mixed with a behaviour",
      files: { [FILE]: segment("region in ('EMEA', 'NA') and active_days_90d > 20", "proposed") },
      errors: [{ messageId: "usesOrgChart", file: FILE, line: 7, column: 10, data: { fields: "region" } }],
    },
    {
      name: "a demographic field counted as org chart by option",
      files: { [FILE]: segment("country = 'DE' and plan != 'free'") },
      options: { kinds: ["demographic"] },
      errors: [{ messageId: "usesOrgChart", file: FILE, line: 7, column: 10, data: { fields: "country" } }],
    },
  ],
});
