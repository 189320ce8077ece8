import { z } from "zod";
import { statedTotalAgrees } from "../engine/prioritize.ts";
import { defineRule } from "./define-rule.ts";

export const statedTotalMismatch = defineRule({
  id: "stated-total-mismatch",
  description: "A stated priority total equals the weighted score recomputed from the factor scores",
  defaultSeverity: "error",
  options: z.strictObject({}),
  messages: {
    mismatch: "{name} states a total of {stated}, but its scores give {recomputed} ({formula}).",
  },
  hint: "Set stated_total to the recomputed value, or remove it and let Seg show the total.",
  docs: {
    rationale:
      "Totals typed into a table drift from the scores they summarize, and rankings built on them are wrong. Seg recomputes every total from scores and weights; a stated total is a claim it checks.",
    bad: [
      {
        file: "segments/market/enterprise.yaml",
        text: `id: enterprise
name: Enterprise
summary: Large companies.
status: active
approach: firmographic
definition:
  where: employees >= 1000
scores: { size: 9, fit: 6 }
stated_total: 7.3
`,
      },
    ],
    good: [
      {
        file: "segments/market/enterprise.yaml",
        text: `id: enterprise
name: Enterprise
summary: Large companies.
status: active
approach: firmographic
definition:
  where: employees >= 1000
scores: { size: 9, fit: 6 }
stated_total: 7.8
`,
      },
    ],
  },
  check(context) {
    const factors = context.workspace.config?.value.prioritization?.factors;
    if (!factors || context.facts.weights?.scale === "invalid") return;
    const rows = new Map(context.facts.priorities.map((r) => [`${r.scheme}/${r.id}`, r]));
    for (const segment of context.segmentsOf()) {
      const stated = segment.value.stated_total;
      const row = rows.get(`${segment.scheme}/${segment.value.id}`);
      if (stated === undefined || !row || Number.isNaN(row.total)) continue;
      if (statedTotalAgrees(stated, row.total)) continue;
      const weightSum = Object.values(factors).reduce((s, f) => s + f.weight, 0);
      const terms = Object.entries(factors).map(([name, f]) => `${name} ${row.scores[name]}×${f.weight}`);
      context.report({
        messageId: "mismatch",
        document: segment,
        path: ["stated_total"],
        data: { name: segment.value.name, stated, recomputed: String(row.total), formula: `${terms.join(" + ")}, ÷ ${weightSum}` },
      });
    }
  },
});
