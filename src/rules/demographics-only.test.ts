import { ruleTester } from "../../test/support/rule-tester.ts";
import { demographicsOnly } from "./demographics-only.ts";

const segment = (where: string, status = "active") =>
  `id: companies\nname: Established companies\nsummary: Companies of fifty people or more.\nstatus: ${status}\napproach: firmographic\ndefinition:\n  where: ${where}\nscores: { size: 6, fit: 6 }\n`;

ruleTester.run(demographicsOnly, {
  valid: [
    { name: "a firmographic band narrowed by a behaviour", files: { "segments/market/companies.yaml": segment("employees >= 50 and plan != 'free'") } },
    { name: "a firmographic band narrowed by a need", files: { "segments/market/companies.yaml": segment("employees >= 50 and main_need = 'control'") } },
    { name: "a behavioural definition", files: { "segments/market/companies.yaml": segment("active_days_90d >= 12") } },
    { name: "a retired firmographic segment", files: { "segments/market/companies.yaml": segment("employees >= 50", "retired") } },
    { name: "a deprioritized firmographic segment", files: { "segments/market/companies.yaml": segment("employees >= 50", "deprioritized") } },
    {
      name: "firmographics allowed by option when only demographics count",
      files: { "segments/market/companies.yaml": segment("employees >= 50") },
      options: { kinds: ["demographic"] },
    },
  ],
  invalid: [
    {
      name: "a head-count band alone",
      files: { "segments/market/companies.yaml": segment("employees >= 50") },
      errors: [{ messageId: "descriptiveOnly", file: "segments/market/companies.yaml", line: 7, column: 10, data: { kinds: "firmographic", fields: "employees" } }],
    },
    {
      name: "firmographic and demographic fields together",
      files: { "segments/market/companies.yaml": segment("employees >= 50 and country = 'DE'", "proposed") },
      errors: [
        {
          messageId: "descriptiveOnly",
          file: "segments/market/companies.yaml",
          line: 7,
          column: 10,
          message: "Established companies is defined only by demographic and firmographic fields (country, employees); nothing in the definition says what these accounts do or need.",
        },
      ],
    },
  ],
});
