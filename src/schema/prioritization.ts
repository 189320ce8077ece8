/** Prioritization: weighted factors grouped into the method's three lenses. */
import { z } from "zod";
import { nameSchema, textSchema } from "./scalars.ts";

export const lensSchema = z
  .enum(["demand", "competition", "capacity"])
  .describe("demand (size, revenue), competition (ease of acquisition), capacity (fit, strategic value).");

export const factorSchema = z.strictObject({
  label: textSchema.describe("How the factor is shown, e.g. Market size."),
  weight: z.number().min(0).max(100).describe("The factor's weight. All weights sum to 100 (or to 1)."),
  lens: lensSchema,
  description: textSchema.optional(),
  derive: z
    .strictObject({
      metric: nameSchema.describe("A per-segment metric, e.g. share or value_share."),
      from: z.number().describe("The metric value that scores 1."),
      to: z.number().describe("The metric value that scores 10."),
    })
    .optional()
    .describe("Derive the score from data: a linear map of the metric onto 1–10, clamped."),
});

export const prioritizationSchema = z
  .strictObject({
    schemes: z.array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)).min(1).describe("The schemes whose segments are scored."),
    factors: z.record(nameSchema, factorSchema).describe("Factors by name, e.g. market_size: { weight: 25, lens: demand }."),
  })
  .describe("Factors, weights and lenses.");

export type Factor = z.infer<typeof factorSchema>;
