/**
 * Declared features: account attributes, aggregates over related rows, and
 * normalizations of free text or numbers into discrete categories.
 */
import { z } from "zod";
import { regexProblem } from "./regex-problem.ts";
import { nameSchema, textSchema } from "./scalars.ts";
import { columnKindSchema } from "./source.ts";

export const aggregateSchema = z
  .enum(["count", "count_distinct", "count_distinct_days", "events_per_active_day", "sum", "avg", "min", "max", "days_since_last", "days_since_first"])
  .describe("How related rows are aggregated per member (events_per_active_day: rows divided by distinct days with rows).");

export const categorySchema = z.strictObject({
  keywords: z.array(z.string().min(1).max(200)).optional().describe("Case-insensitive substrings; any match maps the value to this category."),
  regex: z
    .array(
      z
        .string()
        .min(1)
        .max(500)
        .superRefine((pattern, ctx) => {
          const problem = regexProblem(pattern);
          if (problem) ctx.addIssue({ code: "custom", message: `is not a valid regular expression: ${problem}` });
        }),
    )
    .optional()
    .describe("Case-insensitive regular expressions (RE2-compatible subset)."),
});

export const bucketSchema = z.strictObject({
  label: z.string().min(1).max(100),
  below: z.number().optional().describe("Upper bound (exclusive). Omit on the last bucket."),
});

const maxMissingShare = z
  .number()
  .min(0)
  .max(1)
  .optional()
  .describe("Largest share of members that may lack a value for this feature before feature-coverage warns (default: thresholds.max_missing_share).");

const labelSchema = textSchema.optional().describe("How the feature is shown on the playbook, e.g. Active days (last 90 days). Defaults to its name in words.");

const featureBase = {
  label: labelSchema,
  description: textSchema.optional(),
  max_missing_share: maxMissingShare,
  kind: columnKindSchema.optional().describe("What the feature describes; defaults to the source column's kind, or behavioral for aggregates."),
  source: nameSchema.describe("The source the feature reads."),
};

export const attributeFeatureSchema = z.strictObject({
  ...featureBase,
  column: nameSchema.describe("The source column taken as is (accounts sources)."),
  normalize: z
    .strictObject({
      categories: z.record(z.string().min(1).max(100), categorySchema).describe("Category label → keywords and regexes. The first matching category wins, in the order written."),
      otherwise: z.string().min(1).max(100).default("other").describe("The label for values that match no category."),
    })
    .optional()
    .describe("Map free text into discrete categories."),
  buckets: z.array(bucketSchema).min(2).optional().describe("Map a number into labelled ranges, in ascending order."),
});

export const aggregateFeatureSchema = z.strictObject({
  ...featureBase,
  aggregate: aggregateSchema,
  column: nameSchema.optional().describe("The column aggregated (not needed for count or days_since_*)."),
  where: z.string().min(1).max(10000).optional().describe("An expression over the source's columns selecting the rows aggregated."),
  window_days: z.number().int().positive().max(36500).optional().describe("Only rows within this many days before as_of."),
  default: z.number().optional().describe("The value for members without any rows (default 0 for counts and sums, else null)."),
});

export const computedFeatureSchema = z.strictObject({
  label: labelSchema,
  description: textSchema.optional(),
  max_missing_share: maxMissingShare,
  kind: columnKindSchema.optional().describe("What the feature describes (default behavioral)."),
  expression: z.string().min(1).max(10000).describe("An expression over other features and account columns, e.g. churned_on is not null."),
});

export const featureSchema = z.union([aggregateFeatureSchema, attributeFeatureSchema, computedFeatureSchema]);

export const rfmSchema = z
  .strictObject({
    source: nameSchema.describe("A transactions source with customer, timestamp and amount."),
    order: nameSchema.optional().describe("The column that identifies an order (frequency counts distinct orders). Defaults to the source key."),
    reference: z
      .enum(["as-of", "newest-plus-one-day"])
      .default("as-of")
      .describe("The moment recency is measured from: the start of as_of, or one day after the newest transaction (the usual choice for a historical data set)."),
    groups: z
      .record(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), z.string().min(1).max(2000))
      .optional()
      .describe("Named RFM groups as expressions over r_score, f_score and m_score, first match wins, e.g. champions: r_score >= 4 and f_score >= 4."),
  })
  .describe("Recency, frequency and monetary value with 1–5 quintile scores.");

export const valueTiersSchema = z
  .strictObject({
    measure: nameSchema.default("monetary").describe("The feature that measures value (default monetary)."),
    high: z.number().gt(0).lt(1).default(0.8).describe("Percentile at or above which a member is high value (default 0.8: the top 20%)."),
    low: z.number().gt(0).lt(1).default(0.5).describe("Percentile below which a member is low value (default 0.5)."),
  })
  .refine((v) => v.low < v.high, { message: "must be below value_tiers.high", path: ["low"] })
  .describe("High / mid / low value tiers by percentile.");

export type Feature = z.infer<typeof featureSchema>;
export type AggregateFeature = z.infer<typeof aggregateFeatureSchema>;
export type AttributeFeature = z.infer<typeof attributeFeatureSchema>;
