/** A segment file: `segments/<scheme>/<id>.yaml`. */
import { z } from "zod";
import { idSchema, isoDateSchema, nameSchema, researchQuestionsSchema, scoreSchema, shareSchema, textListSchema, textSchema } from "./scalars.ts";

export const definitionSchema = z
  .union([
    z.strictObject({
      where: z.string().min(1).max(10000).describe("An expression over features, e.g. active_days_90d >= 40 and distinct_event_types_90d >= 5."),
    }),
    z.strictObject({ cluster: z.string().min(1).max(100).describe("The name or id of a computed cluster.") }),
    z.strictObject({ rfm_group: idSchema.describe("A named RFM group declared under rfm.groups.") }),
  ])
  .describe("Who is in the segment: a where expression, a cluster, or an RFM group.");

export const kpiSchema = z.strictObject({
  name: textSchema,
  metric: nameSchema.optional().describe("What the KPI tracks: a metric declared under metrics: in segmentation.yaml, or a numeric or boolean feature. The segment page shows the segment's value now (a boolean feature as a share); leave it out for a KPI measured outside Seg."),
  target: z.union([z.number(), textSchema]).optional(),
  direction: z
    .enum(["increase", "decrease"])
    .optional()
    .describe("Which way the team wants the KPI to move. With impact: set in segmentation.yaml, seg check reports a KPI that moved the other way significantly after the launch (rule kpi-wrong-way)."),
});

export const gtmSchema = z
  .strictObject({
    objectives: textListSchema.optional(),
    tactics: textListSchema.optional(),
    channels: textListSchema.optional(),
    messaging: textSchema.optional(),
    owner: textSchema.optional(),
    kpis: z.array(kpiSchema).optional(),
  })
  .describe("Go-to-market: objectives, tactics, channels, messaging, owner and KPIs.");

export const salesPlaybookSchema = z
  .strictObject({
    signals: textListSchema
      .optional()
      .describe("How a salesperson recognises a member in a first conversation or in the CRM, before any data: what they say, ask for or already use. The sales brief lists them under \"How to spot them\"."),
    triggers: textListSchema.optional().describe("Events that signal a good moment to engage."),
    talking_points: textListSchema
      .optional()
      .describe("What to say: short points for a conversation, in the customer's words. The sales brief shows them under the messaging (gtm.messaging, else value_proposition)."),
    discovery_questions: textListSchema.optional().describe("Questions that qualify the member and uncover the need."),
    objections: z.array(z.strictObject({ objection: textSchema, response: textSchema })).optional().describe("What members say against buying, each with the answer that works."),
    proof_points: textListSchema.optional().describe("Evidence a member believes: results, references, numbers a customer can check."),
  })
  .describe("The sales playbook: how to spot, approach and win a member. The segment page shows all of it; the one-page sales brief shows the first items of each list.");

export const idsaaEvidenceSchema = z
  .strictObject({
    identifiable: textSchema.optional(),
    substantial: textSchema.optional(),
    accessible: textSchema.optional(),
    differentiable: textSchema.optional(),
    actionable: textSchema.optional(),
  })
  .describe("Evidence for each IDSAA criterion, in words; Seg adds the numbers.");

export const segmentSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: idSchema.describe("Equals the file name without .yaml."),
    name: textSchema.describe("The segment's name, e.g. Power Users."),
    summary: textSchema.describe("One or two sentences: who they are and why they matter."),
    status: z.enum(["active", "proposed", "deprioritized", "retired"]).describe("deprioritized marks a segment you decided not to serve."),
    approach: z.enum(["behavioral", "needs", "firmographic", "demographic"]),
    order: z.number().int().optional().describe("Evaluation order within an exclusive scheme (lower first); defaults to file name order."),
    definition: definitionSchema,
    stated_share: shareSchema.optional().describe("The share the team believes the segment has; checked against the data."),
    needs: textListSchema.optional(),
    behaviors: textListSchema.optional(),
    value: z
      .strictObject({
        ltv: z.enum(["high", "medium", "low"]).optional(),
        support_cost: z.enum(["high", "medium", "low"]).optional(),
        notes: textSchema.optional(),
      })
      .optional(),
    value_proposition: textSchema.optional(),
    evidence: idsaaEvidenceSchema.optional(),
    gtm: gtmSchema.optional(),
    product: z
      .strictObject({ priorities: textListSchema.optional(), gaps: textListSchema.optional() })
      .optional()
      .describe("Product alignment: what to build or fix for this segment."),
    sales_playbook: salesPlaybookSchema.optional(),
    research_questions: researchQuestionsSchema.optional(),
    scores: z.record(nameSchema, scoreSchema).optional().describe("Factor scores 1–10 by factor name."),
    stated_total: z.number().min(0).max(10).optional().describe("The weighted total the team states; must match the recomputed one."),
    phase: z.enum(["beachhead", "adjacent", "coverage"]).optional().describe("Plan of attack: beachhead → adjacent → coverage."),
    owner: textSchema.optional(),
    launch: isoDateSchema
      .optional()
      .describe("The day this segment's treatment started, when it differs from impact.launch in segmentation.yaml (YYYY-MM-DD); its before/after windows are measured around it."),
    last_reviewed: isoDateSchema.optional(),
  })
  .describe("A customer segment.");

export type Segment = z.output<typeof segmentSchema>;
export type SegmentInput = z.input<typeof segmentSchema>;
