import { ruleTester } from "../../test/support/rule-tester.ts";
import { clusterInstability } from "./cluster-instability.ts";

const CLUSTERING = "clustering:\n  features: [active_days_90d]\n  k: { min: 2, max: 4 }\n";

ruleTester.run(clusterInstability, {
  valid: [
    { name: "no data" },
    { name: "no clustering facts", data: {} },
    { name: "no previous clustering to compare with", data: { clusters: { ari: null, rows: 1000 } } },
    { name: "stable clusters", files: { "segmentation.yaml": CLUSTERING }, data: { clusters: { ari: 0.93, rows: 1000 } } },
    { name: "a lower bar by option", data: { clusters: { ari: 0.6, rows: 1000 } }, options: { minAri: 0.5 } },
  ],
  invalid: [
    {
      name: "clusters reshuffled since the lock",
      files: { "segmentation.yaml": CLUSTERING },
      data: { clusters: { ari: 0.42, rows: 1000 } },
      errors: [
        {
          messageId: "unstable",
          file: "segmentation.yaml",
          line: 49,
          column: 1,
          message: "Cluster assignments agree with the lock at an adjusted Rand index of 0.42 over 1000 members, below 0.8: many members changed cluster.",
        },
      ],
    },
    {
      name: "a higher bar by option",
      data: { clusters: { ari: 0.93, rows: 1000 } },
      options: { minAri: 0.95 },
      errors: [{ messageId: "unstable", file: "segmentation.yaml", line: 1, column: 1, data: { ari: "0.93" } }],
    },
  ],
});
