import { z } from "zod";
import { defineRule } from "./define-rule.ts";

export const personaTheater = defineRule({
  id: "persona-theater",
  description: "A persona rests on evidence and names the decisions it informs",
  defaultSeverity: "warning",
  options: z.strictObject({
    minInterviews: z.number().int().min(0).default(3).describe("Fewest interviews a persona that counts interviews may rest on."),
  }),
  messages: {
    noEvidence: "{name} cites no evidence: no interviews, no sources, no dates; it may be a well-written guess.",
    fewInterviews: "{name} rests on {interviews} interviews, fewer than {min}.",
    noDecisions: "{name} informs no decision: nothing says which messaging, roadmap or sales choice it feeds.",
  },
  hint: "Add evidence (interviews, sources, from/to dates) and informs: the decisions this persona is used for; a persona nobody uses for a decision can be deleted.",
  docs: {
    rationale:
      "A persona with a name, a photo and a quote is easy to write and easy to believe. Without research behind it, it is the team's assumptions in costume; without a decision it informs, it is a poster. Personas earn their place when they are grounded in interviews and data and are used to choose messaging, roadmap and sales plays.",
    bad: [
      {
        file: "personas/hands-on-hana.mdx",
        text: `---
id: hands-on-hana
name: Hands-on Hana
kind: enterprise
segments: [heavy]
context: A team that runs its operations on the product.
goals: [Ship faster]
frustrations: [Rate limits during bulk runs]
---

Hana loves automation.
`,
      },
    ],
    good: [
      {
        file: "personas/hands-on-hana.mdx",
        text: `---
id: hands-on-hana
name: Hands-on Hana
kind: enterprise
segments: [heavy]
context: A team that runs its operations on the product.
goals: [Ship faster]
frustrations: [Rate limits during bulk runs]
evidence:
  interviews: 9
  sources: [Customer interviews, API error logs]
  from: 2026-05-01
  to: 2026-09-30
informs:
  - The API quota tiers in the enterprise plan
---

Hana's team runs its month-end close on workflows.
`,
      },
    ],
  },
  check(context) {
    for (const persona of context.workspace.personas) {
      const { name, evidence, informs } = persona.value;
      const interviews = evidence?.interviews;
      if (!evidence || ((interviews ?? 0) === 0 && !evidence.sources?.length && !evidence.from && !evidence.to)) {
        context.report({ messageId: "noEvidence", document: persona, path: evidence ? ["evidence"] : ["id"], data: { name } });
      } else if (interviews !== undefined && interviews < context.options.minInterviews) {
        context.report({ messageId: "fewInterviews", document: persona, path: ["evidence", "interviews"], data: { name, interviews, min: context.options.minInterviews } });
      }
      if (!informs?.length) context.report({ messageId: "noDecisions", document: persona, path: informs ? ["informs"] : ["id"], data: { name } });
    }
  },
});
