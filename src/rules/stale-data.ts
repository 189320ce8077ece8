import { z } from "zod";
import { daysBetween } from "../text/days-between.ts";
import { freshnessLimits } from "../workspace/freshness-limits.ts";
import { defineRule } from "./define-rule.ts";

export const staleData = defineRule({
  id: "stale-data",
  description: "The newest row of each timestamped source is recent enough, measured against today's date",
  defaultSeverity: "warning",
  options: z.strictObject({
    days: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("Days after which the newest row is stale, for sources without their own freshness (default: review.freshness.warn_after_days, else review.freshness_days, else 30)."),
  }),
  messages: {
    stale: 'The newest row of source "{source}" is from {newest}, {age} days before today ({today}); it should be at most {days} days old.',
    pastErrorLimit: 'The newest row of source "{source}" is from {newest}, {age} days before today ({today}), past its error limit of {days} days.',
  },
  hint: "Refresh the data export, or set freshness: { warn_after_days, error_after_days } on the source if it is updated less often.",
  docs: {
    rationale:
      "Segments computed from an old export describe customers as they were. Freshness is measured against today's date, not as_of (which a workspace pins for reproducible numbers), so CI turns red as the data ages. Thresholds work like dbt's source freshness: warn_after_days gives a warning, error_after_days an error, set for the workspace under review.freshness or per source.",
    bad: [],
    good: [],
    data: { bad: { sources: { events: { newest: "2026-08-14" } } }, good: { sources: { events: { newest: "2026-10-30" } } } },
  },
  check(context) {
    const data = context.facts.data;
    const config = context.workspace.config;
    if (!data || !config) return;
    for (const source of data.sources) {
      // Rows dated in the future are their own finding (data/future-dates); freshness reads the newest row before them.
      const measured = source.newestInTime === undefined ? source.newest : source.newestInTime;
      if (!measured) continue;
      const newest = measured.slice(0, 10);
      const age = daysBetween(newest, context.facts.today);
      const limits = freshnessLimits(config.value, source.name, context.options.days);
      const figures = { source: source.name, newest, age, today: context.facts.today };
      const path = ["sources", source.name, "path"];
      if (limits.errorAfterDays !== undefined && age > limits.errorAfterDays) {
        context.report({ messageId: "pastErrorLimit", document: config, path, severity: "error", data: { ...figures, days: limits.errorAfterDays } });
      } else if (age > limits.warnAfterDays) {
        context.report({ messageId: "stale", document: config, path, data: { ...figures, days: limits.warnAfterDays } });
      }
    }
  },
});
