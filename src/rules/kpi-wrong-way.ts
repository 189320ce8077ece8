import { z } from "zod";
import type { MeasuredImpact } from "../engine/impact/impact-result.ts";
import { heavyUsersExample } from "./example-segment.ts";
import { defineRule } from "./define-rule.ts";
import { impactExample } from "./facts/impact-example.ts";

const segment = (direction: string) => heavyUsersExample(`gtm:
  kpis:
    - { name: Tickets per account, metric: tickets_90d, target: 0.5, direction: ${direction} }
`);
const CONFIG = "impact:\n  launch: 2026-06-01\n";
const ROSE = impactExample({ values: [0.4, 0.9, 0.5, 0.52], p: 0.0004, kpi: { index: 0, name: "Tickets per account", direction: "decrease" } });
const FELL = impactExample({ values: [0.9, 0.4, 0.5, 0.52], p: 0.0004, kpi: { index: 0, name: "Tickets per account", direction: "decrease" } });

export const kpiWrongWay = defineRule({
  id: "kpi-wrong-way",
  description: "No KPI moved significantly the other way than its direction after the launch",
  defaultSeverity: "info",
  options: z.strictObject({
    baseline: z
      .enum(["before", "everyone-else"])
      .default("before")
      .describe("before (default): the KPI's own change from the window before the launch to the window after; everyone-else: its change less everyone else's (difference in differences)."),
  }),
  messages: {
    wrongWay:
      "The KPI “{kpi}” of {segment} should {direction} but {moved} from {before} to {after} per member in the {days} days after {launch} ({test}); everyone else changed by {restChange}.",
    wrongWayAgainstRest:
      "The KPI “{kpi}” of {segment} should {direction} but changed by {change} per member in the {days} days after {launch}, {did} against everyone else's {restChange} ({test}).",
  },
  hint: "Look at what the segment's plays changed on the launch day; revise the tactics, or the KPI's direction if the team now wants it to move this way.",
  docs: {
    rationale:
      "A segmentation is worth its effort when treating segments differently moves their KPIs the way the team intended. When a KPI with a direction moved significantly the other way between the windows before and after the launch date (impact: in segmentation.yaml, or a segment's launch:), the plays may be hurting that segment. Informational by default, because a before/after change has other causes too; the everyone-else baseline subtracts the change everyone else saw over the same days.",
    bad: [
      { file: "segmentation.yaml", text: CONFIG },
      { file: "segments/usage/heavy.yaml", text: segment("decrease") },
    ],
    good: [
      { file: "segmentation.yaml", text: CONFIG },
      { file: "segments/usage/heavy.yaml", text: segment("decrease") },
    ],
    data: { bad: { impact: ROSE }, good: { impact: FELL } },
  },
  check(context) {
    const impact = context.facts.data?.impact;
    if (!impact) return;
    const againstRest = context.options.baseline === "everyone-else";
    for (const document of context.segmentsOf()) {
      const result = impact.segments.find((s) => s.scheme === document.scheme && s.segment === document.value.id);
      if (!result) continue;
      for (const kpi of result.kpis) {
        if (kpi.direction === null || kpi.key === null) continue;
        const measure = result.measures.find((m): m is MeasuredImpact => m.key === kpi.key && m.status === "measured");
        if (!measure) continue;
        const test = againstRest ? measure.did.test : measure.segment.test;
        const moved = againstRest ? measure.did.estimate : measure.segment.change;
        if (!test || moved === null || !(test.pValue < impact.alpha)) continue;
        if (kpi.direction === "increase" ? moved >= 0 : moved <= 0) continue;
        const share = measure.kind === "share";
        const show = (x: number | null) => (x === null ? "n/a" : share ? `${(x * 100).toFixed(1)}%` : x.toFixed(2));
        const signed = (x: number | null) => (x === null ? "n/a" : share ? `${x >= 0 ? "+" : "−"}${Math.abs(x * 100).toFixed(1)} points` : `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(2)}`);
        const data = {
          kpi: kpi.name,
          segment: document.value.name,
          direction: kpi.direction,
          moved: moved > 0 ? "rose" : "fell",
          before: show(measure.segment.before.value),
          after: show(measure.segment.after.value),
          change: signed(measure.segment.change),
          restChange: signed(measure.rest.change),
          did: signed(measure.did.estimate),
          days: impact.windowDays,
          launch: result.launch,
          test: `${test.df === null ? "z" : "t"} = ${test.statistic.toFixed(2)}, ${test.pValue < 0.001 ? "p < 0.001" : `p = ${test.pValue.toFixed(3)}`}, ${share ? "h" : "d"} = ${test.effectSize.toFixed(2)}`,
          pValue: test.pValue,
          effectSize: test.effectSize,
          measure: measure.key,
        };
        context.report({ messageId: againstRest ? "wrongWayAgainstRest" : "wrongWay", document, path: ["gtm", "kpis", kpi.index], data });
      }
    }
  },
});
