import { z } from "zod";
import { indexSegments } from "../workspace/segment-index.ts";
import { defineRule } from "./define-rule.ts";
import { isServed } from "./facts/served.ts";

export const orphanPersona = defineRule({
  id: "orphan-persona",
  description: "A persona represents at least one segment the company serves, and links to no retired segment",
  defaultSeverity: "warning",
  options: z.strictObject({}),
  messages: {
    orphan: "{name} represents only segments that are not served ({segments}), so it describes nobody the company is working to win or keep.",
    retiredLink: "{name} links to {segment}, which is retired.",
  },
  hint: "Link the persona to the segments it represents today, or retire the persona (delete it, or keep it in git history) together with its segments.",
  docs: {
    rationale:
      "Personas are tied to segments so that each one speaks for customers the company actually targets. When segments are retired or deprioritized, personas linked only to them keep circulating in decks and briefs and steer messaging toward customers nobody serves any more. Links that do not resolve at all are reported as unknown-reference; this rule covers links that resolve to segments no longer in play. Segments without personas are not reported: not every segment needs one.",
    bad: [
      {
        file: "personas/thrifty-theo.mdx",
        text: `---
id: thrifty-theo
name: Thrifty Theo
kind: enterprise
segments: [free]
context: A two-person shop on the free plan.
goals: [Automate invoices for free]
frustrations: [Paid plans]
---

Theo never pays.
`,
      },
    ],
    good: [
      {
        file: "personas/thrifty-theo.mdx",
        text: `---
id: thrifty-theo
name: Thrifty Theo
kind: enterprise
segments: [startups, free]
context: A two-person shop that starts on the free plan and upgrades once invoices pile up.
goals: [Automate invoices cheaply]
frustrations: [Price jumps between plans]
---

Theo upgrades when the free plan stops being enough.
`,
      },
    ],
  },
  check(context) {
    const index = indexSegments(context.workspace);
    for (const persona of context.workspace.personas) {
      const links = persona.value.segments.map((ref, i) => ({ ref, i, segment: index.resolve(ref) }));
      const resolved = links.filter((l) => l.segment !== undefined);
      // Unresolved links are the resolver's (unknown-reference).
      if (resolved.length === 0) continue;
      if (!resolved.some((l) => isServed(l.segment!))) {
        const segments = resolved.map((l) => `${l.ref} ${l.segment!.value.status}`).join(", ");
        context.report({ messageId: "orphan", document: persona, path: ["segments"], data: { name: persona.value.name, segments } });
        continue;
      }
      for (const link of resolved) {
        if (link.segment!.value.status !== "retired") continue;
        context.report({ messageId: "retiredLink", document: persona, path: ["segments", link.i], data: { name: persona.value.name, segment: link.ref } });
      }
    }
  },
});
