import { z } from "zod";
import type { FeatureCoverage } from "../engine/feature-coverage.ts";
import { defineRule } from "./define-rule.ts";
import { percent } from "./format/percent.ts";

export const featureCoverage = defineRule({
  id: "feature-coverage",
  description: "Every member has a value for every declared feature, or the gap is disclosed",
  defaultSeverity: "info",
  options: z.strictObject({}),
  messages: {
    incomplete: '{missing} of {members} members ({share}) have no value for "{feature}" ({why}); averages, tiers and tests on it leave them out.',
    mostlyMissing: '{missing} of {members} members ({share}) have no value for "{feature}" ({why}), more than the {max} its max_missing_share allows; averages, tiers and tests on it leave them out.',
  },
  hint: "Fill the gaps at the source, give the feature a default (aggregates: default:), or, if the gap is expected, set max_missing_share on the feature (or thresholds.max_missing_share for all).",
  docs: {
    rationale:
      "A blank cell is not a zero: a member without a value drops out of every average, value tier, statistical test and segment condition on that feature, and nothing in the numbers shows it. Telco's 11 blank TotalCharges are left out of every mean without a word. Any gap is reported as information; a gap above the feature's max_missing_share (default thresholds.max_missing_share, 5%) is a warning, because the figures then describe a different population than the segment.",
    bad: [],
    good: [],
    data: {
      bad: { coverage: { active_days_90d: { values: 900, members: 1000 } } },
      good: { coverage: { active_days_90d: { values: 1000, members: 1000 } } },
    },
  },
  check(context) {
    const config = context.workspace.config;
    const coverage = context.facts.data?.coverage;
    if (!config || !coverage) return;
    for (const c of coverage) {
      if (c.missing === 0) continue;
      const spec = config.value.features[c.feature];
      const own = spec?.max_missing_share;
      const max = own ?? config.value.thresholds.max_missing_share;
      const over = c.missing / c.members > max + 1e-12;
      const at = spec && "column" in spec ? "column" : undefined;
      context.report({
        messageId: over ? "mostlyMissing" : "incomplete",
        document: config,
        path: ["features", c.feature, ...(at ? [at] : [])],
        ...(over ? { severity: "warning" as const } : {}),
        data: { missing: c.missing, members: c.members, share: percent(c.missing / c.members), feature: c.feature, why: why(c), max: percent(max), values: c.values },
      });
    }
  },
});

function why(c: FeatureCoverage): string {
  switch (c.origin.kind) {
    case "column":
      return `column ${c.origin.column} of source ${c.origin.source} is blank`;
    case "aggregate":
      return `no ${c.origin.column ?? "rows"} in source ${c.origin.source}`;
    case "expression":
      return "its expression reads a missing value";
  }
}
