import { z } from "zod";
import { columnKindSchema } from "../schema/source.ts";
import { defineRule } from "./define-rule.ts";
import { servedDefinitionFields } from "./facts/served-definitions.ts";

export const convenienceSegment = defineRule({
  id: "convenience-segment",
  description: "Segment boundaries follow customers' needs or behaviour, not a sales territory or org-chart field",
  defaultSeverity: "warning",
  options: z.strictObject({
    kinds: z
      .array(columnKindSchema)
      .min(1)
      .default(["territory"])
      .describe("Field kinds that mirror how the company is organized (declare such columns with kind: territory)."),
  }),
  messages: {
    onlyOrgChart: "{name} is bounded only by {fields}, which mirrors how the company is organized rather than what these customers need.",
    usesOrgChart: "{name} is partly bounded by {fields}, a territory or org-chart field; customers with the same needs end up in different segments by where they are filed.",
  },
  hint: "Define the segment by behaviour or needs, and use the territory only to route the work (gtm.owner and gtm.channels).",
  docs: {
    rationale:
      "Sales regions, account-owner teams and business units are the fields that are easiest to reach, which is why they end up as segment boundaries. They describe the seller, not the buyer: two accounts with the same problem land in different segments because of how the company happens to be organized. Segment on what customers do and need, then route each segment to whichever team covers it.",
    bad: [
      {
        file: "segments/market/companies.yaml",
        text: `id: companies
name: EMEA accounts
summary: Paying accounts in the EMEA sales region.
status: active
approach: firmographic
definition:
  where: region = 'EMEA' and plan != 'free'
scores: { size: 6, fit: 6 }
`,
      },
    ],
    good: [
      {
        file: "segments/market/companies.yaml",
        text: `id: companies
name: Control seekers
summary: Paying accounts that bought for governance and control, wherever they are.
status: active
approach: needs
definition:
  where: main_need = 'control' and plan != 'free'
scores: { size: 6, fit: 6 }
gtm:
  owner: EMEA and NA account teams, each for its own region
`,
      },
    ],
  },
  check(context) {
    for (const { segment, names, kinds } of servedDefinitionFields(context)) {
      const orgChart = names.filter((_, i) => kinds[i] !== undefined && context.options.kinds.includes(kinds[i]));
      if (orgChart.length === 0) continue;
      context.report({
        messageId: orgChart.length === names.length ? "onlyOrgChart" : "usesOrgChart",
        document: segment,
        path: ["definition", "where"],
        data: { name: segment.value.name, fields: orgChart.join(", ") },
      });
    }
  },
});
