import { z } from "zod";
import { defineRule } from "./define-rule.ts";
import { measuredScheme } from "./facts/measured-segment.ts";
import { percent } from "./format/percent.ts";

export const unassignedShare = defineRule({
  id: "unassigned-share",
  description: "Few members of an exclusive scheme fall in none of its segments",
  defaultSeverity: "warning",
  options: z.strictObject({
    max: z.number().min(0).max(1).default(0.1).describe("Largest accepted share of the members in no segment of an exclusive scheme."),
  }),
  messages: {
    tooMany: "{count} of {population} members ({share}) fall in no segment of the {scheme} scheme, more than the limit of {max}.",
  },
  hint: "Look at who is left over (seg export lists them): widen a definition, add the segment they form, or add a catch-all segment at the end of the scheme.",
  docs: {
    rationale:
      "An exclusive scheme is meant to partition the customers. When a large group matches no rule, the segmentation is silent about them: nobody owns them, no play reaches them, and their share of revenue goes unexplained. A small remainder is normal; a large one means the definitions miss a real group.",
    bad: [],
    good: [],
    data: {
      bad: { schemes: { usage: { population: 1000, segments: { heavy: { count: 150 }, light: { count: 600 } } } } },
      good: { schemes: { usage: { population: 1000, segments: { heavy: { count: 150 }, light: { count: 820 } } } } },
    },
  },
  check(context) {
    const config = context.workspace.config;
    if (!config) return;
    for (const [scheme, settings] of Object.entries(config.value.schemes)) {
      if (!settings.exclusive) continue;
      const measured = measuredScheme(context.facts.data, scheme);
      const unassigned = measured?.segments.find((s) => s.segment === null);
      if (!measured || !unassigned || unassigned.share <= context.options.max + 1e-12) continue;
      context.report({
        messageId: "tooMany",
        document: config,
        path: ["schemes", scheme],
        data: { count: unassigned.count, population: measured.population, share: percent(unassigned.share), scheme, max: percent(context.options.max) },
      });
    }
  },
});
