import { z } from "zod";
import { heavyUsersExample } from "./example-segment.ts";
import { defineRule } from "./define-rule.ts";
import { idsaaVerdicts } from "./facts/idsaa-verdicts.ts";

export const accessible = defineRule({
  id: "accessible",
  description: "IDSAA: a segment names the channels that reach it and an owner",
  defaultSeverity: "warning",
  options: z.strictObject({}),
  messages: {
    unreachable: "{name} is not accessible as written: it names {missing}, so nobody is set up to reach these customers.",
  },
  hint: "Add gtm.channels (how these customers are reached: sales, email, in-app, partners) and gtm.owner (who answers for the segment).",
  docs: {
    rationale:
      "A segment the company cannot reach, or that nobody owns, stays a description. Naming the channels tests whether the customers can actually be reached at a sensible cost, and naming an owner makes someone answer for the results. Both come from the segment file, so this check runs even without data.",
    bad: [
      {
        file: "segments/usage/heavy.yaml",
        text: heavyUsersExample(`gtm:
  tactics: [Quarterly business reviews]
`),
      },
    ],
    good: [
      {
        file: "segments/usage/heavy.yaml",
        text: heavyUsersExample(`gtm:
  tactics: [Quarterly business reviews]
  channels: [Named account manager, In-app messages to admins]
  owner: Lena (Head of Sales)
`),
      },
    ],
  },
  check(context) {
    for (const { segment, result } of idsaaVerdicts(context, "accessible")) {
      if (result.pass) continue;
      const noChannels = !segment.value.gtm?.channels?.length;
      const noOwner = segment.value.gtm?.owner === undefined && segment.value.owner === undefined;
      const missing = noChannels && noOwner ? "neither channels nor an owner" : noChannels ? "no channels" : "no owner";
      context.report({ messageId: "unreachable", document: segment, path: noChannels ? ["gtm", "channels"] : ["gtm", "owner"], data: { name: segment.value.name, missing } });
    }
  },
});
