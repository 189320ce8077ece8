import { z } from "zod";
import { heavyUsersExample } from "./example-segment.ts";
import { defineRule } from "./define-rule.ts";
import { idsaaVerdicts } from "./facts/idsaa-verdicts.ts";
import { measuredScheme } from "./facts/measured-segment.ts";

export const identifiable = defineRule({
  id: "identifiable",
  description: "IDSAA: a segment's definition finds its members in the data",
  defaultSeverity: "warning",
  options: z.strictObject({}),
  messages: {
    empty: "{name} is not identifiable: its definition matches none of the {population} members in the data.",
  },
  hint: "Check the definition against real values (seg explain <id> shows why a member matches); a typo in a category or a threshold outside the data's range is the usual cause.",
  docs: {
    rationale:
      "A segment is only useful if the team can find its members: in the CRM, in the product, in a list for a campaign. Seg reproduces every segment from its rule; a rule that selects nobody describes customers the company does not have, or contains a mistake such as a misspelled category.",
    bad: [
      {
        file: "segments/usage/heavy.yaml",
        text: heavyUsersExample("", "active_days_90d >= 400"),
      },
    ],
    good: [
      {
        file: "segments/usage/heavy.yaml",
        text: heavyUsersExample(),
      },
    ],
    data: {
      bad: { schemes: { usage: { population: 1000, segments: { light: { count: 1000 } } } } },
      good: { schemes: { usage: { population: 1000, segments: { heavy: { count: 150 }, light: { count: 850 } } } } },
    },
  },
  check(context) {
    // Deprioritized segments count too: the team still has to recognize whom it does not serve.
    const verdicts = idsaaVerdicts(context, "identifiable", (s) => s.value.status !== "retired");
    for (const { segment, result } of verdicts) {
      if (result.pass) continue;
      const population = measuredScheme(context.facts.data, segment.scheme)?.population ?? context.facts.data?.members ?? 0;
      context.report({ messageId: "empty", document: segment, path: ["definition"], data: { name: segment.value.name, population } });
    }
  },
});
