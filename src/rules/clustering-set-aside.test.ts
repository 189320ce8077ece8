import { ruleTester } from "../../test/support/rule-tester.ts";
import { clusteringSetAside } from "./clustering-set-aside.ts";

/** Appended after the default schemes and prioritization (lines 49-52): features at 50:13. */
const CLUSTERING = "clustering:\n  features: [active_days_90d]\n  transform: [log1p, standardize]\n  k: { min: 2, max: 4 }\n";

ruleTester.run(clusteringSetAside, {
  valid: [
    { name: "no clustering facts", files: { "segmentation.yaml": CLUSTERING }, data: {} },
    { name: "nothing set aside", files: { "segmentation.yaml": CLUSTERING }, data: { setAside: { members: 4338, outliers: 0, missing: 0 } } },
    { name: "no clustering declared", data: { setAside: { members: 4338, outliers: 21, missing: 0 } } },
  ],
  invalid: [
    {
      name: "21 outliers set aside, as on Online Retail",
      files: { "segmentation.yaml": CLUSTERING },
      data: { setAside: { members: 4338, outliers: 21, missing: 0, outlierFeatures: { active_days_90d: 21 } } },
      errors: [
        {
          messageId: "outliers",
          file: "segmentation.yaml",
          line: 50,
          column: 13,
          severity: "info",
          message:
            "21 of 4338 members (0.5%) are set aside as outliers, outside the Tukey fences of two or more transformed clustering features (active_days_90d 21): k-means is fitted without them, then each is assigned to its nearest cluster.",
        },
      ],
    },
    {
      name: "members with a missing clustering feature",
      files: { "segmentation.yaml": CLUSTERING },
      data: { setAside: { members: 7043, outliers: 0, missing: 11 } },
      errors: [{ messageId: "missing", file: "segmentation.yaml", line: 50, column: 13, data: { missing: 11, members: 7043, share: "0.2%" } }],
    },
  ],
});
