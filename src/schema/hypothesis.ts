/** A testable statement: `hypotheses/<id>.yaml`. */
import { z } from "zod";
import { idSchema, isoDateSchema, nameSchema, textSchema } from "./scalars.ts";

export const hypothesisSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: idSchema.describe("Equals the file name without .yaml."),
    statement: textSchema.describe("What you believe, in one sentence."),
    metric: nameSchema.describe("The feature or metric the test compares, e.g. nps or churned."),
    segments: z.array(z.string().min(1).max(130)).min(1).max(2).describe("One segment (compared with the rest of its scheme) or two segments compared with each other."),
    test: z.strictObject({
      kind: z.enum(["difference-of-means", "difference-of-proportions"]),
      alternative: z.enum(["greater", "less", "two-sided"]).default("two-sided").describe("greater: the first group's metric is higher."),
      alpha: z.number().gt(0).lt(1).default(0.05),
    }),
    rationale: textSchema.optional(),
    owner: textSchema.optional(),
    created: isoDateSchema.optional(),
  })
  .describe("A hypothesis tested on the data.");

export type Hypothesis = z.output<typeof hypothesisSchema>;
