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
    mismatchRank: "{name} states a total of {stated}, but its scores give {recomputed} ({formula}), which ranks it {rank} in the {scheme} scheme, not {statedRank}.",
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
      // The rank the stated total would give among the scheme's recomputed totals: what the mistake changes.
      const others = context.facts.priorities.filter((r) => r.scheme === row.scheme && r.id !== row.id && !Number.isNaN(r.total));
      const statedRank = 1 + others.filter((r) => r.total > stated + 1e-9).length;
      const data = { name: segment.value.name, stated, recomputed: String(row.total), formula: `${terms.join(" + ")}, ÷ ${weightSum}` };
      if (statedRank !== row.rank) {
        context.report({ messageId: "mismatchRank", document: segment, path: ["stated_total"], data: { ...data, scheme: row.scheme, rank: ordinal(row.rank), statedRank: ordinal(statedRank) } });
      } else {
        context.report({ messageId: "mismatch", document: segment, path: ["stated_total"], data });
      }
    }
  },
});

/** 1 → "1st", 2 → "2nd", 11 → "11th". */
function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}
