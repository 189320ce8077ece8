import { describe, expect, it } from "vitest";
import { lintCase, ruleTester } from "../../test/support/rule-tester.ts";
import { kpiUnmeasured } from "./kpi-unmeasured.ts";
import { heavyUsersExample } from "./example-segment.ts";

const segment = (kpi: string) => heavyUsersExample(`gtm:
  kpis:
    - ${kpi}
`);
const SEGMENT = "segments/usage/heavy.yaml";
const METRICS = "metrics:\n  active_rate: { label: Active rate, feature: active_days_90d, aggregate: share }\n";
const measured = (n: number) => ({ schemes: { usage: { population: 1000, segments: { heavy: { count: 150, features: { active_days_90d: { mean: 52, sd: 9, n } } }, light: { count: 850, features: { active_days_90d: { mean: 8, sd: 6 } } } } } } });

ruleTester.run(kpiUnmeasured, {
  valid: [
    { name: "a KPI naming a numeric feature", files: { [SEGMENT]: segment("{ name: Active days, metric: active_days_90d, target: 45 }") } },
    { name: "a KPI naming a declared metric", files: { [SEGMENT]: segment("{ name: Active accounts, metric: active_rate, target: 0.9 }"), "segmentation.yaml": METRICS } },
    { name: "a KPI naming an account column", files: { [SEGMENT]: segment("{ name: Head count, metric: employees }") } },
    { name: "a KPI measured outside Seg names no metric", files: { [SEGMENT]: segment("{ name: Net revenue retention, target: 125% }") } },
    { name: "a KPI whose name is a feature is measured by its name", files: { [SEGMENT]: segment("{ name: active_days_90d, target: 45 }") } },
    { name: "a KPI whose members have values", files: { [SEGMENT]: segment("{ name: Active days, metric: active_days_90d, target: 45 }") }, data: measured(150) },
    { name: "a retired segment's KPIs are not tracked", files: { [SEGMENT]: segment("{ name: Active days, metric: active_day_90d }").replace("status: active", "status: retired") } },
  ],
  invalid: [
    {
      name: "a misspelt metric",
      files: { [SEGMENT]: segment("{ name: Active days per account, metric: active_day_90d, target: 45 }") },
      errors: [
        {
          messageId: "unknownMetric",
          file: SEGMENT,
          line: 10,
          column: 48,
          message: "The KPI “Active days per account” of Heavy users tracks active_day_90d, which is neither a declared metric nor a feature, so it has no current value.",
        },
      ],
    },
    {
      name: "a metric that is a text column",
      files: { [SEGMENT]: segment("{ name: Country mix, metric: country }") },
      errors: [{ messageId: "textFeature", file: SEGMENT, line: 10, column: 36, data: { metric: "country" } }],
    },
    {
      name: "a KPI named like a text feature, without a metric",
      files: { [SEGMENT]: segment("{ name: plan }") },
      errors: [{ messageId: "textFeature", file: SEGMENT, line: 10, column: 15, data: { metric: "plan" } }],
    },
    {
      name: "a feature no member of the segment has a value of",
      files: { [SEGMENT]: segment("{ name: Active days, metric: active_days_90d, target: 45 }") },
      data: measured(0),
      errors: [{ messageId: "noValue", file: SEGMENT, line: 10, column: 36, data: { count: 150, metric: "active_days_90d" } }],
    },
  ],
});

describe("kpi-unmeasured hints", () => {
  it("suggests the metric or feature a misspelt name most likely meant", () => {
    const [finding] = lintCase(kpiUnmeasured, { name: "typo", files: { [SEGMENT]: segment("{ name: Active days, metric: active_day_90d }") } });
    expect(finding?.hint).toBe("Did you mean active_days_90d? Name a metric declared under metrics: in segmentation.yaml, or a numeric or boolean feature; leave metric out for a KPI measured outside Seg.");
  });

  it("suggests nothing when no name is close", () => {
    const [finding] = lintCase(kpiUnmeasured, { name: "far", files: { [SEGMENT]: segment("{ name: Revenue, metric: net_revenue_retention }") } });
    expect(finding?.hint).toBe(kpiUnmeasured.hint);
  });
});
