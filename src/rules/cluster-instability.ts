import { z } from "zod";
import { defineRule } from "./define-rule.ts";

export const clusterInstability = defineRule({
  id: "cluster-instability",
  description: "Cluster assignments agree with the lock's clusters (adjusted Rand index above a threshold)",
  defaultSeverity: "warning",
  options: z.strictObject({
    minAri: z.number().min(-1).max(1).default(0.8).describe("Lowest accepted adjusted Rand index between the clusters now and under the lock's centroids."),
  }),
  messages: {
    unstable: "Cluster assignments agree with the lock at an adjusted Rand index of {ari} over {rows} members, below {minAri}: many members changed cluster.",
  },
  hint: "Find what moved (new data, a changed feature or transform, a different k); if the new clusters are right, review the segments built on them and run seg lock.",
  docs: {
    rationale:
      "Segments built on clusters inherit the clusters' stability. If refitting on this month's data reshuffles who belongs where, the cluster names, sizes and the plays attached to them stop meaning what they meant, even when the ids were kept. The adjusted Rand index between each member's cluster now and under the lock's centroids measures that reshuffle: 1 is the same partition, 0 is chance agreement.",
    bad: [],
    good: [],
    data: { bad: { clusters: { ari: 0.42, rows: 1000 } }, good: { clusters: { ari: 0.93, rows: 1000 } } },
  },
  check(context) {
    const config = context.workspace.config;
    const clusters = context.facts.data?.clusters;
    if (!config || !clusters || clusters.ari === null || clusters.ari >= context.options.minAri) return;
    context.report({
      messageId: "unstable",
      document: config,
      path: config.value.clustering ? ["clustering"] : [],
      data: { ari: clusters.ari.toFixed(2), rows: clusters.rows, minAri: context.options.minAri },
    });
  },
});
