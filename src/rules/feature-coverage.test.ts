import { CONFIG_HEAD, CONFIG_TAIL_SECTIONS } from "../../test/support/rule-test-workspace.ts";
import { ruleTester } from "../../test/support/rule-tester.ts";
import { featureCoverage } from "./feature-coverage.ts";

/** The default features section with an attribute feature added (plan_name at line 39, its column at 39:42). */
const PLAN = `${CONFIG_HEAD}  plan_name: { source: accounts, column: plan }\n${Object.values(CONFIG_TAIL_SECTIONS).join("")}`;

ruleTester.run(featureCoverage, {
  valid: [
    { name: "no coverage facts", data: {} },
    { name: "the rule turned off", options: undefined, files: { "segmentation.yaml": "rules:\n  feature-coverage: off\n" }, data: { coverage: { active_days_90d: { values: 10, members: 1000 } } } },
    { name: "every member has a value", data: { coverage: { active_days_90d: { values: 1000, members: 1000 } } } },
  ],
  invalid: [
    {
      name: "a few blank cells are information, as Telco's 11 blank TotalCharges",
      files: { "segmentation.yaml": PLAN },
      data: { coverage: { plan_name: { values: 7032, members: 7043 } } },
      errors: [
        {
          messageId: "incomplete",
          file: "segmentation.yaml",
          line: 39,
          column: 42,
          severity: "info",
          message: '11 of 7043 members (0.2%) have no value for "plan_name" (column plan of source accounts is blank); averages, tiers and tests on it leave them out.',
        },
      ],
    },
    {
      name: "more missing than thresholds.max_missing_share is a warning",
      data: { coverage: { active_days_90d: { values: 900, members: 1000 } } },
      errors: [
        {
          messageId: "mostlyMissing",
          file: "segmentation.yaml",
          line: 37,
          column: 13,
          severity: "warning",
          message: '100 of 1000 members (10.0%) have no value for "active_days_90d" (no occurred_at in source events), more than the 5.0% its max_missing_share allows; averages, tiers and tests on it leave them out.',
        },
      ],
    },
    {
      name: "a higher max_missing_share keeps the gap at information",
      files: { "segmentation.yaml": "thresholds:\n  max_missing_share: 0.2\n" },
      data: { coverage: { active_days_90d: { values: 900, members: 1000 } } },
      errors: [{ messageId: "incomplete", file: "segmentation.yaml", line: 37, column: 13, severity: "info", data: { missing: 100 } }],
    },
    {
      name: "the feature's own max_missing_share wins over the threshold",
      files: { "segmentation.yaml": `${CONFIG_HEAD}  plan_name: { source: accounts, column: plan, max_missing_share: 0.01 }\n${Object.values(CONFIG_TAIL_SECTIONS).join("")}thresholds:\n  max_missing_share: 0.5\n` },
      data: { coverage: { plan_name: { values: 950, members: 1000 } } },
      errors: [{ messageId: "mostlyMissing", file: "segmentation.yaml", line: 39, column: 42, severity: "warning", data: { missing: 50, max: "1.0%" } }],
    },
  ],
});
