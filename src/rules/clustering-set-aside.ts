import { z } from "zod";
import { defineRule } from "./define-rule.ts";
import { percent } from "./format/percent.ts";

export const clusteringSetAside = defineRule({
  id: "clustering-set-aside",
  description: "Members that clustering leaves out of the k-means fit are counted and named",
  defaultSeverity: "info",
  options: z.strictObject({}),
  messages: {
    outliers:
      "{outliers} of {members} members ({share}) are set aside as outliers, outside the Tukey fences of two or more transformed clustering features ({features}): k-means is fitted without them, then each is assigned to its nearest cluster.",
    missing: "{missing} of {members} members ({share}) have a missing or non-finite clustering feature: k-means is fitted without them and they get no cluster.",
  },
  hint: "seg export lists them (cluster_status is outlier or missing) and seg explain shows why; look at them separately rather than letting them distort the clusters.",
  docs: {
    rationale:
      "Outliers are set aside so a handful of extreme customers do not pull the centroids, and members without a value cannot be placed at all. Both change what the clusters are (on Online Retail, 21 outliers are why k = 2 gives 2625/1713 where plain scikit-learn gives 2671/1667), so the counts are disclosed, not left to be discovered.",
    bad: [{ file: "segmentation.yaml", text: "clustering:\n  features: [active_days_90d]\n  transform: [log1p, standardize]\n  k: { min: 2, max: 4 }\n" }],
    good: [{ file: "segmentation.yaml", text: "clustering:\n  features: [active_days_90d]\n  transform: [log1p, standardize]\n  k: { min: 2, max: 4 }\n" }],
    data: {
      bad: { setAside: { members: 1000, outliers: 21, missing: 4, outlierFeatures: { active_days_90d: 21 } } },
      good: { setAside: { members: 1000, outliers: 0, missing: 0 } },
    },
  },
  check(context) {
    const config = context.workspace.config;
    const setAside = context.facts.data?.setAside;
    if (!config || !setAside || !config.value.clustering) return;
    const { members, outliers, missing, outlierFeatures } = setAside;
    if (outliers > 0) {
      const features = Object.entries(outlierFeatures)
        .filter(([, n]) => n > 0)
        .map(([feature, n]) => `${feature} ${n}`)
        .join(", ");
      context.report({
        messageId: "outliers",
        document: config,
        path: ["clustering", "features"],
        data: { outliers, members, share: percent(outliers / members), features: features || config.value.clustering.features.join(", ") },
      });
    }
    if (missing > 0) {
      context.report({ messageId: "missing", document: config, path: ["clustering", "features"], data: { missing, members, share: percent(missing / members) } });
    }
  },
});
