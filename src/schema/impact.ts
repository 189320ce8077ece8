/**
 * `impact:` in segmentation.yaml: the date the segmentation went live and the
 * length of the equal windows compared before and after it. A segment may
 * state its own `launch:` when its treatment started on another day.
 */
import { z } from "zod";
import { isoDateSchema } from "./scalars.ts";

export const impactSchema = z
  .strictObject({
    launch: isoDateSchema.describe(
      "The day the segmentation went live (plays, offers and messaging per segment started), YYYY-MM-DD. Each segment's measures are compared over the window before this day and the window starting on it; a segment's own launch: overrides it.",
    ),
    window_days: z
      .number()
      .int()
      .min(7)
      .max(730)
      .default(90)
      .describe("Length of each window in days (default 90): before is [launch − window_days, launch), after is [launch, launch + window_days). Both windows must lie inside the data."),
    membership: z
      .enum(["at-launch", "today"])
      .default("at-launch")
      .describe(
        "Who counts as a segment's member: at-launch (default) applies the definitions to the features as of the launch day, so membership does not depend on the outcome being measured; today uses the memberships as of as_of (members who churned after the launch may have moved segment since).",
      ),
  })
  .describe("Did the segmentation work: before/after comparison of each segment's KPIs and metrics around a launch date, read against everyone else's change.");

