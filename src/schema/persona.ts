/** Persona frontmatter: `personas/<id>.mdx`. */
import { z } from "zod";
import { idSchema, isoDateSchema, researchQuestionsSchema, textListSchema, textSchema } from "./scalars.ts";

export const buyingRoleSchema = z
  .enum(["decision-maker", "champion", "influencer", "user", "blocker"])
  .describe("The persona's role in the buying team.");

export const PERSONA_KINDS = ["enterprise", "buyer", "consumer", "household"] as const;

export const personaKindSchema = z
  .enum(PERSONA_KINDS)
  .describe(
    "Who the persona stands for. B2B: enterprise (the account as a whole) or buyer (an individual in the account's buying team, with a buying_role and role). B2C: consumer (one person who chooses, pays for and uses the product for themselves) or household (people who decide and pay together, e.g. a family plan).",
  );

export const personaEvidenceSchema = z
  .strictObject({
    interviews: z.number().int().min(0).optional().describe("How many interviews back the persona."),
    sources: textListSchema.optional().describe("Where the evidence comes from (interviews, surveys, CRM, tickets...)."),
    from: isoDateSchema.optional().describe("Date of the earliest evidence."),
    to: isoDateSchema.optional().describe("Date of the latest evidence."),
  })
  .describe("What the persona is based on.");

export const personaSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: idSchema.describe("Equals the file name without .mdx."),
    name: textSchema.describe('A memorable name, e.g. "Scaling Sarah".'),
    kind: personaKindSchema,
    segments: z.array(z.string().min(1).max(130)).min(1).describe("Segment ids (or scheme/id) the persona represents."),
    buying_role: buyingRoleSchema.optional(),
    role: textSchema.optional().describe("Job title, for buyer personas; for a consumer, an occupation or life stage if it matters."),
    context: textSchema.describe("Company type, size and stage; for a consumer or household, life stage and situation."),
    goals: textListSchema.min(1),
    frustrations: textListSchema.min(1),
    behaviors: textListSchema.optional().describe("How they work, how they buy, where they get information."),
    quote: textSchema.optional().describe("A representative statement from interviews."),
    evidence: personaEvidenceSchema.optional(),
    informs: textListSchema.optional().describe("Decisions this persona informs (messaging, roadmap, sales plays)."),
    research_questions: researchQuestionsSchema.optional(),
    owner: textSchema.optional(),
    last_reviewed: isoDateSchema.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.kind === "buyer" && p.buying_role === undefined) {
      ctx.addIssue({ code: "custom", path: ["buying_role"], message: "a buyer persona needs a buying_role (decision-maker, champion, influencer, user or blocker)" });
    }
    if (p.kind === "buyer" && p.role === undefined) {
      ctx.addIssue({ code: "custom", path: ["role"], message: "a buyer persona needs a role (job title)" });
    }
  })
  .describe("Persona frontmatter.");

export type Persona = z.output<typeof personaSchema>;
