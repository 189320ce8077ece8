/**
 * Small schemas shared by several file kinds: ids, dates, shares, scores and
 * the lists of prose that segments and personas are made of.
 */
import { z } from "zod";

/** A kebab-case identifier: lowercase letters, digits and single dashes. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: "must be kebab-case: lowercase letters, digits and single dashes (e.g. power-users)",
  })
  .max(64)
  .describe("A kebab-case identifier, e.g. power-users.");

/** A feature or column name usable in expressions. */
export const nameSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
    message: "must start with a letter or underscore and contain only letters, digits and underscores",
  })
  .max(64)
  .describe("A name usable in expressions: letters, digits and underscores.");

/**
 * A calendar date written YYYY-MM-DD. (Seg reads YAML 1.2, where an unquoted
 * 2026-10-01 is a string, not a timestamp.)
 */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const isoDateSchema = z
  .string()
  .regex(ISO_DATE, { message: "must be a date written YYYY-MM-DD" })
  // Only a well-formed date can be a non-existent one; "2026-2-3" gets the format message alone.
  .refine((s) => !ISO_DATE.test(s) || (!Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)), {
    message: "is not a real calendar date",
  })
  .describe("A date written YYYY-MM-DD.");

/** A share of the population: 0.15 or "15%". Normalized to a fraction. */
export const shareSchema = z
  .union([
    z.number().min(0).max(1, { message: 'must be a fraction from 0 to 1, such as 0.42, or a percentage in quotes, such as "42%"' }),
    z
      .string()
      .regex(/^\d+(?:\.\d+)?\s*%$/, { message: 'must be a fraction like 0.15 or a percentage like "15%"' })
      .transform((s) => Number(s.replace("%", "").trim()) / 100)
      .pipe(z.number().max(1, { message: "must not exceed 100%" })),
  ])
  .describe('A share of the population: a fraction (0.15) or a percentage ("15%").');

/** A score on the method's 1–10 scale. */
export const scoreSchema = z.number().min(1).max(10).describe("A score from 1 (worst) to 10 (best).");

/** A short piece of prose. */
export const textSchema = z.string().trim().min(1, { message: "must not be empty" }).max(4000);

/** A list of short statements (needs, goals, tactics...). */
export const textListSchema = z.array(textSchema).max(50);

/** Research questions by segment stage. */
export const researchQuestionsSchema = z
  .strictObject({
    new: textListSchema.optional().describe("Exploring a new segment: jobs, alternatives, switching triggers, buying process."),
    existing: textListSchema.optional().describe("Deepening an existing segment: usage, friction, expansion."),
    "at-risk": textListSchema.optional().describe("Retaining an at-risk segment: why they bought, what changed, what would re-engage them."),
  })
  .describe("Research questions by stage: new, existing, at-risk.");

