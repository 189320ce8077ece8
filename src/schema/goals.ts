/** Goals first: why the segmentation exists, for whom, and what it must deliver. */
import { z } from "zod";
import { textListSchema, textSchema } from "./scalars.ts";

export const stakeholderSchema = z.strictObject({
  name: textSchema.describe("Who."),
  role: textSchema.describe("Their role, e.g. VP Sales."),
  interest: textSchema.optional().describe("What they need from the segmentation."),
});

export const goalsSchema = z
  .strictObject({
    focus: z
      .enum(["internal", "external"])
      .describe("internal: retain and expand existing accounts; external: acquire customers in new markets."),
    objective: z
      .enum(["new-market", "account-attack"])
      .describe("new-market: enter a market; account-attack: win more of existing or named accounts."),
    statement: textSchema.describe("The business question the segmentation answers, in one or two sentences."),
    stakeholders: z.array(stakeholderSchema).min(1).describe("The people who use and sign off the segmentation."),
    scope: z
      .strictObject({
        unit: z.enum(["account", "customer", "user"]).default("account").describe("What one member of a segment is."),
        includes: textListSchema.optional().describe("What is in scope."),
        excludes: textListSchema.optional().describe("What is deliberately out of scope."),
      })
      .describe("What the segmentation covers."),
    deliverables: textListSchema.min(1).describe("What the work produces, e.g. the persona playbook, a prioritized target list."),
  })
  .describe("Goals: focus, objective, stakeholders, scope and deliverables.");

export type Goals = z.infer<typeof goalsSchema>;
