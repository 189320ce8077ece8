/**
 * `segmentation.yaml`: goals, sources, features, schemes, clustering,
 * prioritization, rules and review cadence. `WrittenConfig` is what the user
 * wrote (input); `Config` is the same with defaults applied (output).
 */
import { z } from "zod";
import { clusteringSchema } from "./clustering.ts";
import { freshnessSchema } from "./freshness.ts";
import { featureSchema, rfmSchema, valueTiersSchema } from "./feature.ts";
import { goalsSchema } from "./goals.ts";
import { impactSchema } from "./impact.ts";
import { prioritizationSchema } from "./prioritization.ts";
import { ruleOverrideSchema, rulesConfigSchema } from "./rule-setting.ts";
import { idSchema, isoDateSchema, nameSchema, textSchema } from "./scalars.ts";
import { siteSchema } from "./site.ts";
import { sourceSchema } from "./source.ts";

export const schemeSchema = z.strictObject({
  label: textSchema.describe("How the scheme is shown, e.g. Lifecycle."),
  description: textSchema.optional(),
  exclusive: z
    .boolean()
    .default(true)
    .describe("true: every member is in at most one segment, the first match in segment order wins; false: segments may overlap (an overlap matrix is reported)."),
  population: nameSchema.optional().describe("The accounts source whose rows are segmented (defaults to the only accounts source)."),
});

export const metricSchema = z.strictObject({
  label: textSchema.describe("How the metric is shown, e.g. Churn rate."),
  feature: nameSchema.describe("The feature the metric summarizes per segment."),
  aggregate: z.enum(["mean", "median", "sum", "share"]).default("mean").describe("share: the share of members for which a boolean feature is true."),
  format: z.enum(["number", "percent", "currency"]).default("number"),
  description: textSchema.optional(),
});

export const reviewSchema = z
  .strictObject({
    cadence_days: z.number().int().positive().max(3650).default(90).describe("Segments and personas are reviewed at least this often (default 90 days: quarterly)."),
    freshness_days: z
      .number()
      .int()
      .positive()
      .max(3650)
      .optional()
      .describe("Shorthand for freshness.warn_after_days (kept for older workspaces)."),
    freshness: freshnessSchema
      .optional()
      .describe("The default freshness of every timestamped source, measured against today's date: warn after 30 days unless set. A source's own freshness overrides it."),
  })
  .describe("Review cadence and data freshness. Both are measured against today's date, not as_of.");

export const thresholdsSchema = z
  .strictObject({
    substantial_share: z.number().min(0).max(1).default(0.03).describe("A segment smaller than this share of its scheme is not substantial."),
    stated_share_tolerance: z.number().min(0).max(1).default(0.05).describe("Largest accepted gap between a stated and a measured share (absolute, 0.05 = 5 points)."),
    alpha: z.number().gt(0).lt(1).default(0.05).describe("Significance level for differentiation tests."),
    max_missing_share: z
      .number()
      .min(0)
      .max(1)
      .default(0.05)
      .describe("Largest share of members that may lack a value for a feature before feature-coverage warns (default 0.05); any gap below it is reported as info."),
  })
  .describe("Thresholds used by validation and rules.");

export const configSchema = z
  .strictObject({
    $schema: z.string().optional().describe("Path or URL of this file's JSON Schema, for editors."),
    name: textSchema.describe("The segmentation's title, shown on the playbook."),
    description: textSchema.optional().describe("A paragraph introducing the segmentation on the playbook's home page."),
    as_of: isoDateSchema
      .optional()
      .describe("The date the analysis is as of (recency, windows, staleness). Fix it for reproducible builds; --as-of overrides; defaults to today."),
    goals: goalsSchema,
    review: reviewSchema.default({ cadence_days: 90 }),
    thresholds: thresholdsSchema.default({ substantial_share: 0.03, stated_share_tolerance: 0.05, alpha: 0.05, max_missing_share: 0.05 }),
    sources: z.record(nameSchema, sourceSchema).describe("Data sources by name."),
    features: z.record(nameSchema, featureSchema).default({}).describe("Declared features by name."),
    metrics: z.record(nameSchema, metricSchema).default({}).describe("Per-segment metrics computed from features, e.g. churn_rate: { feature: churned, aggregate: share }."),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, { message: "must be a three-letter ISO 4217 code such as USD, EUR or GBP" })
      .optional()
      .describe("The currency of money values (ISO 4217, e.g. USD): metrics with format: currency show it, e.g. $80.25. Without it they show as plain numbers."),
    rfm: rfmSchema.optional(),
    value_tiers: valueTiersSchema.optional(),
    schemes: z.record(idSchema, schemeSchema).describe("Segmentation schemes by id; segments live in segments/<scheme>/."),
    clustering: clusteringSchema.optional(),
    prioritization: prioritizationSchema.optional(),
    impact: impactSchema.optional(),
    rules: rulesConfigSchema.default({}),
    overrides: z.array(ruleOverrideSchema).default([]).describe("Rule settings for files matching globs, applied in order after rules."),
    site: siteSchema.optional(),
  })
  .describe("Seg workspace configuration (segmentation.yaml).");

export type WrittenConfig = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;
