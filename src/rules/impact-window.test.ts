import { ruleTester } from "../../test/support/rule-tester.ts";
import { impactExample } from "./facts/impact-example.ts";
import { impactWindow } from "./impact-window.ts";
import { heavyUsersExample } from "./example-segment.ts";

const CONFIG = (launch: string) => `impact:\n  launch: ${launch}\n  window_days: 90\n`;
const SEGMENT = "segments/usage/heavy.yaml";
const segment = (launch: string) => heavyUsersExample(`launch: ${launch}
`);
const past = (launch: string, launchFrom: "segment" | "workspace") =>
  impactExample({ values: [0, 0, 0, 0], p: 1, launch, launchFrom, problem: { source: "tickets", problem: "after-data", windowDay: "2026-12-13", limit: "2026-10-31" } });

ruleTester.run(impactWindow, {
  valid: [
    { name: "windows inside the data", files: { "segmentation.yaml": CONFIG("2026-06-01") }, data: { impact: impactExample({ values: [1, 2, 1, 2], p: 0.5 }) } },
    { name: "no launch date", files: {} },
  ],
  invalid: [
    {
      name: "the after window runs past the data, at impact.launch",
      files: { "segmentation.yaml": CONFIG("2026-09-15") },
      data: { impact: past("2026-09-15", "workspace") },
      errors: [
        {
          messageId: "outside",
          file: "segmentation.yaml",
          line: 50,
          column: 11,
          severity: "warning",
          message: 'The 90-day after window around the launch on 2026-09-15 runs to 2026-12-13, past the last row of source "tickets" (2026-10-31), so the measures from it are not compared.',
        },
      ],
    },
    {
      name: "a segment's own launch date, at its launch",
      files: { [SEGMENT]: segment("2026-09-15") },
      data: { impact: past("2026-09-15", "segment") },
      errors: [{ messageId: "outside", file: SEGMENT, line: 8, column: 9 }],
    },
  ],
});
