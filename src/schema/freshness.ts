/**
 * Freshness thresholds in the manner of dbt's source freshness: how old the
 * newest row of a timestamped source may be, measured against today's date
 * (the clock, not as_of), before `seg check` warns and before it fails.
 */
import { z } from "zod";

const days = z.number().int().positive().max(36500);

export const freshnessSchema = z
  .strictObject({
    warn_after_days: days.optional().describe("Warn when the newest row is more than this many days older than today."),
    error_after_days: days.optional().describe("Fail (an error) when the newest row is more than this many days older than today. No limit unless set."),
  })
  .refine((f) => f.warn_after_days === undefined || f.error_after_days === undefined || f.warn_after_days < f.error_after_days, {
    message: "must be above warn_after_days",
    path: ["error_after_days"],
  })
  .describe("How old the newest row may be, in days before today (dbt-style thresholds).");

