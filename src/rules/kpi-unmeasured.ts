import { z } from "zod";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import { kpiMeasure, kpiValue } from "../engine/kpi-value.ts";
import { heavyUsersExample } from "./example-segment.ts";
import { defineRule } from "./define-rule.ts";
import { measuredSegment } from "./facts/measured-segment.ts";

const HINT = "Name a metric declared under metrics: in segmentation.yaml, or a numeric or boolean feature; leave metric out for a KPI measured outside Seg.";

const segment = (metric: string) => heavyUsersExample(`gtm:
  kpis:
    - { name: Active days per account, metric: ${metric}, target: 45 }
`);

export const kpiUnmeasured = defineRule({
  id: "kpi-unmeasured",
  description: "Every KPI that names a metric gets its current value from the data",
  defaultSeverity: "warning",
  options: z.strictObject({}),
  messages: {
    unknownMetric: "The KPI “{kpi}” of {segment} tracks {metric}, which is neither a declared metric nor a feature, so it has no current value.",
    textFeature: "The KPI “{kpi}” of {segment} tracks {metric}, a text feature, which has no mean or share to show as its current value.",
    noValue: "The KPI “{kpi}” of {segment} tracks {metric}, but none of the segment's {count} members has a value of it, so it has no current value.",
  },
  hint: HINT,
  docs: {
    rationale:
      "A KPI is how the team will tell whether treating a segment differently paid off. When it names a metric, the playbook shows the segment's value today next to the target; a misspelt or unmeasurable metric leaves an empty cell that reads like a missing number rather than a broken link, and the KPI is never tracked.",
    bad: [{ file: "segments/usage/heavy.yaml", text: segment("active_day_90d") }],
    good: [{ file: "segments/usage/heavy.yaml", text: segment("active_days_90d") }],
  },
  check(context) {
    const config = context.workspace.config?.value;
    if (!config) return;
    const candidates = [...Object.keys(config.metrics), ...[...context.facts.catalog.values()].filter((e) => e.type !== "string").map((e) => e.name)];
    for (const document of context.segmentsOf()) {
      if (document.value.status === "retired") continue;
      const metrics = measuredSegment(context.facts.data, document.scheme, document.value.id);
      (document.value.gtm?.kpis ?? []).forEach((kpi, i) => {
        const measure = kpiMeasure(kpi, config, context.facts.catalog);
        const path = ["gtm", "kpis", i, kpi.metric === undefined ? "name" : "metric"];
        const data = { kpi: kpi.name, segment: document.value.name, metric: kpi.metric ?? kpi.name };
        if (measure.kind === "unknown") {
          const suggestion = didYouMean(measure.name, candidates);
          context.report({ messageId: "unknownMetric", document, path, data, ...(suggestion ? { hint: `Did you mean ${suggestion}? ${HINT}` } : {}) });
        } else if (measure.kind === "text") {
          context.report({ messageId: "textFeature", document, path, data });
        } else if ((measure.kind === "metric" || measure.kind === "feature") && metrics && metrics.count > 0 && hasNoValue(measure.kind, kpiValue(measure, metrics))) {
          context.report({ messageId: "noValue", document, path, data: { ...data, count: metrics.count } });
        }
      });
    }
  },
});

/** Measured, and no member has a value: a metric that came out empty, or a feature counted on nobody. */
function hasNoValue(kind: "metric" | "feature", measured: { value: number | null; n: number | null }): boolean {
  return kind === "metric" ? measured.value === null : measured.n === 0;
}
