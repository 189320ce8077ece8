import { z } from "zod";
import { defineRule } from "./define-rule.ts";

export const noNegativeSegment = defineRule({
  id: "no-negative-segment",
  description: "Every prioritized scheme names at least one segment the company decided not to serve",
  defaultSeverity: "warning",
  options: z.strictObject({}),
  messages: {
    none: "No segment of the prioritized scheme {scheme} is deprioritized: the team has not said whom it will not serve ({count} segments, all in play).",
  },
  hint: "Add the bad-fit customers as a segment with status: deprioritized, and say in its summary why and how they are served (self-serve only, no sales effort).",
  docs: {
    rationale:
      "Choosing targets means choosing what not to do. Customers who cost more to serve than they bring, or who want what the product will never be, still take sales calls, support time and roadmap slots until someone writes down that they are out of scope. A deprioritized segment makes that decision explicit and measurable. The rule checks the schemes listed under prioritization.schemes, where targets are chosen.",
    bad: [
      {
        file: "segments/market/free.yaml",
        text: `id: free
name: Free accounts
summary: Accounts on the free plan.
status: active
approach: behavioral
definition:
  where: plan = 'free'
scores: { size: 3, fit: 2 }
`,
      },
    ],
    good: [
      {
        file: "segments/market/free.yaml",
        text: `id: free
name: Free accounts
summary: Accounts on the free plan. We serve them with self-serve help only, no sales or CS time.
status: deprioritized
approach: behavioral
definition:
  where: plan = 'free'
scores: { size: 3, fit: 2 }
`,
      },
    ],
  },
  check(context) {
    const config = context.workspace.config;
    const schemes = config?.value.prioritization?.schemes ?? [];
    schemes.forEach((scheme, i) => {
      const segments = context.segmentsOf(scheme).filter((s) => s.value.status !== "retired");
      if (segments.length === 0 || segments.some((s) => s.value.status === "deprioritized")) return;
      context.report({ messageId: "none", document: config!, path: ["prioritization", "schemes", i], data: { scheme, count: segments.length } });
    });
  },
});
