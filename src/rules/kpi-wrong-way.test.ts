import { ruleTester } from "../../test/support/rule-tester.ts";
import { impactExample } from "./facts/impact-example.ts";
import { kpiWrongWay } from "./kpi-wrong-way.ts";
import { heavyUsersExample } from "./example-segment.ts";

const SEGMENT = "segments/usage/heavy.yaml";
const CONFIG = "impact:\n  launch: 2026-06-01\n";
const segment = (kpi: string) => heavyUsersExample(`gtm:
  kpis:
    - { name: Active days, metric: active_days_90d }
    - ${kpi}
`);
const TICKETS = "{ name: Tickets per account, metric: tickets_90d, target: 0.5, direction: decrease }";
const kpi = { index: 1, name: "Tickets per account", direction: "decrease" as const };
// Segment before, after; everyone else before, after.
const rose = impactExample({ values: [0.4, 0.9, 0.5, 0.52], p: 0.0004, kpi });
const files = { [SEGMENT]: segment(TICKETS), "segmentation.yaml": CONFIG };

ruleTester.run(kpiWrongWay, {
  valid: [
    { name: "no launch date, no comparison", files: { [SEGMENT]: segment(TICKETS) } },
    { name: "the KPI moved the way it should", files, data: { impact: impactExample({ values: [0.9, 0.4, 0.5, 0.52], p: 0.0004, kpi }) } },
    { name: "the wrong way, but not significantly", files, data: { impact: impactExample({ values: [0.4, 0.5, 0.5, 0.52], p: 0.2, kpi }) } },
    { name: "a KPI without a direction is not judged", files, data: { impact: impactExample({ values: [0.4, 0.9, 0.5, 0.52], p: 0.0004, kpi: { ...kpi, direction: null } }) } },
    {
      name: "against everyone else: everyone rose as much",
      files: { ...files, "segmentation.yaml": `${CONFIG}rules:\n  kpi-wrong-way: [info, { baseline: everyone-else }]\n` },
      data: { impact: impactExample({ values: [0.4, 0.9, 0.4, 0.9], p: 0.0004, didP: 0.9, kpi }) },
    },
    { name: "turned off", files: { ...files, "segmentation.yaml": `${CONFIG}rules:\n  kpi-wrong-way: off\n` }, data: { impact: rose } },
  ],
  invalid: [
    {
      name: "a KPI that should fall rose significantly, at the KPI's line",
      files,
      data: { impact: rose },
      errors: [
        {
          messageId: "wrongWay",
          file: SEGMENT,
          line: 11,
          column: 7,
          severity: "info",
          data: { measure: "tickets_90d", pValue: 0.0004, before: "0.40", after: "0.90", restChange: "+0.02" },
          message:
            "The KPI “Tickets per account” of Heavy users should decrease but rose from 0.40 to 0.90 per member in the 90 days after 2026-06-01 (t = 4.20, p < 0.001, d = 0.30); everyone else changed by +0.02.",
        },
      ],
    },
    {
      name: "against everyone else's change",
      files: { ...files, "segmentation.yaml": `${CONFIG}rules:\n  kpi-wrong-way: [warn, { baseline: everyone-else }]\n` },
      data: { impact: rose },
      errors: [
        {
          messageId: "wrongWayAgainstRest",
          file: SEGMENT,
          line: 11,
          column: 7,
          severity: "warning",
          message:
            "The KPI “Tickets per account” of Heavy users should decrease but changed by +0.50 per member in the 90 days after 2026-06-01, +0.48 against everyone else's +0.02 (t = 3.10, p < 0.001, d = 0.25).",
        },
      ],
    },
  ],
});
