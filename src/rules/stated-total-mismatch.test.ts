import { ruleTester } from "../../test/support/rule-tester.ts";
import { statedTotalMismatch } from "./stated-total-mismatch.ts";

const startups = (statedTotal: string) =>
  `id: startups\nname: Startups\nsummary: Paying companies under fifty people.\nstatus: active\napproach: firmographic\ndefinition:\n  where: employees < 50 and plan != 'free'\nscores: { size: 7, fit: 9 }\nstated_total: ${statedTotal}\n`;
const FILE = "segments/market/startups.yaml";

ruleTester.run(statedTotalMismatch, {
  valid: [
    { name: "no stated totals" },
    { name: "a stated total equal to the weighted score", files: { [FILE]: startups("7.8") } },
    { name: "a stated total rounded to the precision written", files: { [FILE]: startups("8") } },
  ],
  invalid: [
    {
      name: "a stated total copied from an old slide",
      files: { [FILE]: startups("7.4") },
      errors: [{ messageId: "mismatch", file: FILE, line: 9, column: 15, message: "Startups states a total of 7.4, but its scores give 7.8 (size 7×60 + fit 9×40, ÷ 100)." }],
    },
    {
      name: "a total rounded the wrong way",
      files: { [FILE]: startups("7") },
      errors: [{ messageId: "mismatch", file: FILE, line: 9, column: 15, data: { stated: 7, recomputed: "7.8" } }],
    },
    {
      name: "a stated total that would change the rank says so",
      files: { [FILE]: startups("2") },
      errors: [{ messageId: "mismatchRank", file: FILE, line: 9, column: 15, message: "Startups states a total of 2, but its scores give 7.8 (size 7×60 + fit 9×40, ÷ 100), which ranks it 1st in the market scheme, not 3rd." }],
    },
  ],
});
