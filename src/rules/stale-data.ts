import { z } from "zod";
import { defineRule } from "./define-rule.ts";

export const staleData = defineRule({
  id: "stale-data",
  description: "The newest row of each timestamped source is recent enough relative to as_of",
  defaultSeverity: "warning",
  options: z.strictObject({
    days: z.number().int().positive().optional().describe("Largest accepted age of the newest row, in days (default: review.freshness_days, 30)."),
  }),
  messages: {
    stale: 'The newest row of source "{source}" is from {newest}, {age} days before {asOf}; the freshness limit is {days} days.',
  },
  hint: "Refresh the data export, or raise review.freshness_days if this source is updated less often.",
  docs: {
    rationale:
      "Segments computed from an old export describe customers as they were. A freshness limit makes stale data visible before anyone acts on it.",
    bad: [],
    good: [],
    data: { bad: { sources: { events: { newest: "2026-08-14" } } }, good: { sources: { events: { newest: "2026-10-30" } } } },
  },
  check(context) {
    const data = context.facts.data;
    const config = context.workspace.config;
    if (!data || !config) return;
    const limit = context.options.days ?? config.value.review.freshness_days;
    const asOf = Date.parse(`${context.facts.asOf}T00:00:00Z`);
    for (const source of data.sources) {
      if (!source.newest) continue;
      const newest = Date.parse(`${source.newest.slice(0, 10)}T00:00:00Z`);
      const age = Math.floor((asOf - newest) / 86_400_000);
      if (age > limit) {
        context.report({ messageId: "stale", document: config, path: ["sources", source.name, "path"], data: { source: source.name, newest: source.newest.slice(0, 10), age, asOf: context.facts.asOf, days: limit } });
      }
    }
  },
});
