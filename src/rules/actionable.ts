import { z } from "zod";
import { heavyUsersExample } from "./example-segment.ts";
import { defineRule } from "./define-rule.ts";
import { idsaaVerdicts } from "./facts/idsaa-verdicts.ts";

export const actionable = defineRule({
  id: "actionable",
  description: "IDSAA: a segment has a value proposition, go-to-market tactics and KPIs",
  defaultSeverity: "warning",
  options: z.strictObject({}),
  messages: {
    notActionable: "{name} is not actionable yet: it lacks {missing}.",
  },
  hint: "Write what the segment is offered (value_proposition), what the team will do (gtm.tactics) and how success is measured (gtm.kpis, ideally tied to a computed metric).",
  docs: {
    rationale:
      "A segment matters when the company would do something different for it. Without a value proposition, tactics and KPIs, the segment changes nothing: the same offer goes to everyone, and nobody can tell later whether treating it differently paid off. These fields come from the segment file, so this check runs even without data.",
    bad: [
      {
        file: "segments/usage/heavy.yaml",
        text: heavyUsersExample(),
      },
    ],
    good: [
      {
        file: "segments/usage/heavy.yaml",
        text: heavyUsersExample(`value_proposition: Headroom and controls for teams that run their operations on the product.
gtm:
  tactics: [Quarterly business reviews, Invite-only beta of new connectors]
  kpis:
    - { name: Net revenue retention, target: "120%" }
`),
      },
    ],
  },
  check(context) {
    for (const { segment, result } of idsaaVerdicts(context, "actionable")) {
      if (result.pass) continue;
      const value = segment.value;
      const path = !value.value_proposition ? ["id"] : !value.gtm?.tactics?.length ? ["gtm", "tactics"] : ["gtm", "kpis"];
      context.report({ messageId: "notActionable", document: segment, path, data: { name: value.name, missing: String(result.data.missing) } });
    }
  },
});
