import { ruleTester } from "../../test/support/rule-tester.ts";
import { rawScaleSkew } from "./raw-scale-skew.ts";

/** Appended after the default schemes and prioritization (lines 49-52): clustering: at 49:1, transform at 51:14. */
const clustering = (transform: string | undefined) =>
  `clustering:\n  features: [active_days_90d]\n${transform === undefined ? "" : `  transform: ${transform}\n`}  k: { min: 2, max: 4 }\n`;
const skewed = { skewness: { active_days_90d: { skewness: 2.5612, recommendLog1p: true } } };

ruleTester.run(rawScaleSkew, {
  valid: [
    { name: "no clustering facts", files: { "segmentation.yaml": clustering("[standardize]") }, data: {} },
    { name: "log1p already applied", files: { "segmentation.yaml": clustering("[log1p, standardize]") }, data: { skewness: { active_days_90d: { skewness: 2.56, recommendLog1p: false } } } },
    { name: "a symmetric feature", files: { "segmentation.yaml": clustering("[standardize]") }, data: { skewness: { active_days_90d: { skewness: 0.4, recommendLog1p: false } } } },
    { name: "no clustering declared", data: skewed },
  ],
  invalid: [
    {
      name: "raw scale on a skewed feature: at the transform, with its skewness",
      files: { "segmentation.yaml": clustering("[standardize]") },
      data: skewed,
      errors: [
        {
          messageId: "skewed",
          file: "segmentation.yaml",
          line: 51,
          column: 14,
          severity: "warning",
          message:
            "Clustering runs on the raw scale of 1 heavily skewed feature (active_days_90d skewness 2.56; |skewness| above 1): k-means is pulled by the long tail, whose members end up set aside as outliers or in clusters of their own.",
        },
      ],
    },
    {
      name: "transform left out (standardize by default): at clustering:",
      files: { "segmentation.yaml": clustering(undefined) },
      data: skewed,
      errors: [{ messageId: "skewed", file: "segmentation.yaml", line: 49, column: 1, data: { count: 1, features: "active_days_90d skewness 2.56" } }],
    },
  ],
});
