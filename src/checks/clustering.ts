/** Clustering can run on the data: transforms fit the values, enough members remain for k. */
import { defineCheck } from "./define-check.ts";

export const clusteringLog1pDomain = defineCheck({
  id: "clustering/log1p-domain",
  description: "Clustering applies log1p only to features that cannot be negative",
  defaultSeverity: "error",
  blocking: true,
  messages: { problem: "{{problem}}" },
  hint: "Remove log1p from clustering.transform, or cluster on features that cannot be negative.",
});

export const clusteringTooFewMembers = defineCheck({
  id: "clustering/too-few-members",
  description: "Enough members have every clustering feature for the smallest k",
  defaultSeverity: "error",
  blocking: true,
  messages: {
    tooFew: "k-means with k from {{kMin}} needs more than {{kMin}} members with all clustering features, but {{remaining}} remain ({{incomplete}} with a missing value, {{outliers}} outliers).",
  },
  hint: "Lower clustering.k.min, or fill in the missing feature values.",
});
