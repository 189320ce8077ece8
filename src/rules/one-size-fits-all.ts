import { z } from "zod";
import type { PathSegment } from "../workspace/locate.ts";
import type { LoadedSegment } from "../workspace/workspace.ts";
import { defineRule } from "./define-rule.ts";
import { isServed } from "./facts/served.ts";
import { percent } from "./format/percent.ts";

interface Field {
  label: string;
  path: PathSegment[];
  text(segment: LoadedSegment): string | undefined;
}

const FIELDS: Readonly<Record<string, Field>> = {
  value_proposition: { label: "value proposition", path: ["value_proposition"], text: (s) => s.value.value_proposition },
  messaging: { label: "messaging", path: ["gtm", "messaging"], text: (s) => s.value.gtm?.messaging },
  tactics: { label: "tactics", path: ["gtm", "tactics"], text: (s) => s.value.gtm?.tactics?.join("\n") },
};

export const oneSizeFitsAll = defineRule({
  id: "one-size-fits-all",
  description: "Segments of a scheme get different value propositions, messaging and tactics",
  defaultSeverity: "warning",
  options: z.strictObject({
    similarity: z.number().gt(0).max(1).default(0.8).describe("Share of words two texts have in common (Jaccard) from which they count as the same."),
    fields: z
      .array(z.enum(["value_proposition", "messaging", "tactics"]))
      .min(1)
      .default(["value_proposition", "messaging", "tactics"])
      .describe("Which texts are compared."),
    acrossSchemes: z.boolean().default(false).describe("Also compare segments of different schemes."),
  }),
  messages: {
    same: "{name} has the same {field} as {other} ({similarity} of their words in common): the segments get one offer, so the split changes nothing.",
  },
  hint: "Write what this segment in particular needs to hear and what the team will do differently for it, or merge it with the other segment.",
  docs: {
    rationale:
      "Segmentation pays off only when segments are treated differently. Copying one value proposition, message or set of tactics across segments is the clearest sign that they are not: the company has one offer and several labels for its audience. Near-identical texts (most words in common) are reported along with exact copies.",
    bad: [
      {
        file: "segments/market/companies.yaml",
        text: `id: companies
name: Established companies
summary: Paying companies of fifty people or more.
status: active
approach: firmographic
definition:
  where: employees >= 50 and plan != 'free'
scores: { size: 6, fit: 6 }
value_proposition: Automate the busywork of a growing team in one afternoon.
`,
      },
    ],
    good: [
      {
        file: "segments/market/companies.yaml",
        text: `id: companies
name: Established companies
summary: Paying companies of fifty people or more.
status: active
approach: firmographic
definition:
  where: employees >= 50 and plan != 'free'
scores: { size: 6, fit: 6 }
value_proposition: Keep the departments' tools in sync, with alerts before a broken connection costs a day.
`,
      },
    ],
  },
  check(context) {
    const served = context.segmentsOf().filter(isServed);
    for (const name of context.options.fields) {
      const field = FIELDS[name]!;
      const words = new Map(served.map((s) => [s, wordsOf(field.text(s))]));
      served.forEach((segment, j) => {
        const mine = words.get(segment)!;
        if (mine.size === 0) return;
        for (const other of served.slice(0, j)) {
          if (!context.options.acrossSchemes && other.scheme !== segment.scheme) continue;
          const similarity = jaccard(mine, words.get(other)!);
          if (similarity < context.options.similarity) continue;
          context.report({
            messageId: "same",
            document: segment,
            path: field.path,
            data: { name: segment.value.name, field: field.label, other: other.value.name, similarity: percent(similarity) },
          });
          return;
        }
      });
    }
  },
});

function wordsOf(text: string | undefined): Set<string> {
  return new Set((text ?? "").toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []);
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}
