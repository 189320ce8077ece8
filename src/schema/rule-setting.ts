/**
 * ESLint-like rule configuration: `off | info | warn | error`, or a tuple of a
 * severity and an options object.
 */
import { z } from "zod";

export const ruleLevelSchema = z
  .enum(["off", "info", "warn", "error"])
  .describe("off, info, warn or error.");

export const ruleSettingSchema = z
  .union([ruleLevelSchema, z.tuple([ruleLevelSchema]), z.tuple([ruleLevelSchema, z.record(z.string(), z.unknown())])])
  .describe("A level, or [level, { options }].");

export const rulesConfigSchema = z
  .record(z.string(), ruleSettingSchema)
  .describe("Rule levels and options by rule id, e.g. stale-review: [warn, { days: 120 }].");

export const ruleOverrideSchema = z.strictObject({
  files: z.array(z.string().min(1)).min(1).describe("Path globs relative to the workspace, e.g. segments/market/*.yaml."),
  rules: rulesConfigSchema,
});

export type RuleLevel = z.infer<typeof ruleLevelSchema>;
export type RuleSetting = z.infer<typeof ruleSettingSchema>;
