/** Review note frontmatter: `reviews/<date>-<slug>.md`. */
import { z } from "zod";
import { isoDateSchema, textListSchema, textSchema } from "./scalars.ts";

export const reviewNoteSchema = z
  .strictObject({
    $schema: z.string().optional(),
    date: isoDateSchema,
    title: textSchema,
    kind: z.enum(["review", "frontline-feedback", "decision"]).default("review"),
    author: textSchema,
    segments: z.array(z.string().min(1).max(130)).default([]).describe("Segments the note concerns."),
    decisions: textListSchema.optional(),
  })
  .describe("A dated review note or piece of frontline feedback.");

export type ReviewNote = z.output<typeof reviewNoteSchema>;
