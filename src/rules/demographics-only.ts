import { z } from "zod";
import { columnKindSchema } from "../schema/source.ts";
import { defineRule } from "./define-rule.ts";
import { servedDefinitionFields } from "./facts/served-definitions.ts";

export const demographicsOnly = defineRule({
  id: "demographics-only",
  description: "A segment's definition uses some behaviour or need, not only who the customer is",
  defaultSeverity: "warning",
  options: z.strictObject({
    kinds: z
      .array(columnKindSchema)
      .min(1)
      .default(["demographic", "firmographic"])
      .describe("Field kinds that describe who a customer is; a definition made only of these fires."),
  }),
  messages: {
    descriptiveOnly: "{name} is defined only by {kinds} fields ({fields}); nothing in the definition says what these accounts do or need.",
  },
  hint: "Add a clause on behaviour or needs (usage, purchases, tickets, survey answers) that these accounts share, so the segment explains why they belong together.",
  docs: {
    rationale:
      "Size, industry, age or country say who a customer is, not why they buy or how they use the product. Two companies of the same size can want opposite things, so a segment drawn on descriptive fields alone tends to hold people who need different offers. Keep descriptive fields as filters, and let at least one clause capture a behaviour or a need.",
    bad: [
      {
        file: "segments/market/companies.yaml",
        text: `id: companies
name: Established companies
summary: Companies of fifty people or more.
status: active
approach: firmographic
definition:
  where: employees >= 50
scores: { size: 6, fit: 6 }
`,
      },
    ],
    good: [
      {
        file: "segments/market/companies.yaml",
        text: `id: companies
name: Established companies
summary: Paying companies of fifty people or more that use the product every week.
status: active
approach: firmographic
definition:
  where: employees >= 50 and plan != 'free' and active_days_90d >= 12
scores: { size: 6, fit: 6 }
`,
      },
    ],
  },
  check(context) {
    for (const { segment, names, kinds } of servedDefinitionFields(context)) {
      if (names.length === 0 || !kinds.every((kind) => kind !== undefined && context.options.kinds.includes(kind))) continue;
      context.report({
        messageId: "descriptiveOnly",
        document: segment,
        path: ["definition", "where"],
        data: { name: segment.value.name, kinds: [...new Set(kinds)].sort().join(" and "), fields: names.join(", ") },
      });
    }
  },
});
