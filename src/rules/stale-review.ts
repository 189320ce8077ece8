import { z } from "zod";
import { daysBetween } from "../text/days-between.ts";
import type { LoadedDocument } from "../workspace/read-document.ts";
import { heavyUsersExample } from "./example-segment.ts";
import { defineRule } from "./define-rule.ts";

export const staleReview = defineRule({
  id: "stale-review",
  description: "Segments and personas are reviewed within their cadence, counted to today's date",
  defaultSeverity: "warning",
  options: z.strictObject({
    days: z.number().int().positive().optional().describe("Largest accepted age of last_reviewed, in days (default: review.cadence_days, 90)."),
    requireDate: z.boolean().default(true).describe("Also report segments and personas that have no last_reviewed at all."),
  }),
  messages: {
    overdue: "{name} was last reviewed on {date}, {age} days before today ({today}); the review cadence is {days} days.",
    neverReviewed: "{name} has no last_reviewed date, so nobody can tell whether it still describes the customers.",
  },
  hint: "Review it with its owner and the frontline teams (a note in reviews/ helps), then update last_reviewed.",
  docs: {
    rationale:
      "Customers change, and so do the product and the market. A segment or persona written two years ago describes customers who may no longer exist, while the team keeps acting on it. A review date and a cadence make staleness visible; quarterly is the method's default.",
    bad: [
      {
        file: "segments/usage/heavy.yaml",
        text: heavyUsersExample(`last_reviewed: 2025-03-01
`),
      },
    ],
    good: [
      {
        file: "segments/usage/heavy.yaml",
        text: heavyUsersExample(`last_reviewed: 2026-10-14
`),
      },
    ],
  },
  check(context) {
    const config = context.workspace.config;
    if (!config) return;
    const days = context.options.days ?? config.value.review.cadence_days;
    // Reviews age with the calendar (facts.today), not with the analysis date a workspace pins.
    const check = (document: LoadedDocument<{ name: string; last_reviewed?: string | undefined }>) => {
      const date = document.value.last_reviewed;
      if (date === undefined) {
        if (context.options.requireDate) context.report({ messageId: "neverReviewed", document, path: ["id"], data: { name: document.value.name } });
        return;
      }
      const age = daysBetween(date, context.facts.today);
      if (age > days) context.report({ messageId: "overdue", document, path: ["last_reviewed"], data: { name: document.value.name, date, age, today: context.facts.today, days } });
    };
    for (const segment of context.segmentsOf()) if (segment.value.status !== "retired") check(segment);
    for (const persona of context.workspace.personas) check(persona);
  },
});
