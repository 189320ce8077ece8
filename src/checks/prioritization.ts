/** Segments of a prioritized scheme have a score for every factor that is not derived from data. */
import { defineCheck } from "./define-check.ts";

export const prioritizationMissingScore = defineCheck({
  id: "prioritization/missing-score",
  description: "Prioritized segments are fully scored",
  defaultSeverity: "error",
  messages: {
    missingScore: '{{name}} is in the prioritized scheme "{{scheme}}" but has no score for {{factors}}.',
  },
  hint: "Add the missing scores, derive them from data with derive: in segmentation.yaml, or mark the segment retired.",
  hints: {
    missingScore: "Add scores: { {{scoreList}} }, or derive them from data with derive: in segmentation.yaml, or mark the segment retired.",
  },
});
