/** `seg-suppressions.json`: a baseline of accepted findings, counted per file and rule. */
import { z } from "zod";
import { isoDateSchema, textSchema } from "./scalars.ts";

export const suppressionEntrySchema = z.strictObject({
  count: z.number().int().positive().describe("How many findings of this rule in this file are accepted."),
  reason: textSchema.optional().describe("Why they are accepted."),
  expires: isoDateSchema.optional().describe("After this date the suppression no longer applies and is reported."),
});

export const suppressionsSchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(1),
    suppressions: z.record(z.string().min(1), z.record(z.string().min(1), suppressionEntrySchema)).describe("file → rule id → entry."),
  })
  .describe("Suppressed findings.");

export type Suppressions = z.output<typeof suppressionsSchema>;
