import { z } from "zod";
import { defineRule } from "./define-rule.ts";
import { isServed } from "./facts/served.ts";

export const segmentCount = defineRule({
  id: "segment-count",
  description: "A scheme has few enough active segments to act on each one differently",
  defaultSeverity: "warning",
  options: z.strictObject({
    max: z.number().int().positive().default(6).describe("Most active or proposed segments a scheme may have."),
  }),
  messages: {
    tooMany: "The {scheme} scheme has {count} active or proposed segments, more than {max}: {segments}.",
  },
  hint: "Merge segments that get the same offer, or deprioritize the ones nobody will serve differently; three to five distinct segments are easier to act on than a dozen shades.",
  docs: {
    rationale:
      "Each segment is a promise to treat its customers differently: its own message, plays and owner. A dozen segments with small differences cannot all get that, so the distinctions blur and the team falls back to one approach. Three or four clearly different segments per scheme are the healthy range.",
    bad: [
      { file: "segmentation.yaml", text: "rules:\n  segment-count: [warn, { max: 3 }]\n" },
      {
        file: "segments/usage/weekly.yaml",
        text: `id: weekly
name: Weekly users
summary: Weekly users.
status: active
approach: behavioral
definition:
  where: active_days_90d >= 12 and active_days_90d < 40
`,
      },
      {
        file: "segments/usage/monthly.yaml",
        text: `id: monthly
name: Monthly users
summary: Monthly users.
status: active
approach: behavioral
definition:
  where: active_days_90d >= 3 and active_days_90d < 12
`,
      },
    ],
    good: [
      { file: "segmentation.yaml", text: "rules:\n  segment-count: [warn, { max: 3 }]\n" },
      {
        file: "segments/usage/weekly.yaml",
        text: `id: weekly
name: Weekly users
summary: Weekly users.
status: active
approach: behavioral
definition:
  where: active_days_90d >= 12 and active_days_90d < 40
`,
      },
      {
        file: "segments/usage/monthly.yaml",
        text: `id: monthly
name: Monthly users
summary: Monthly users.
status: retired
approach: behavioral
definition:
  where: active_days_90d >= 3 and active_days_90d < 12
`,
      },
    ],
  },
  check(context) {
    const config = context.workspace.config;
    if (!config) return;
    for (const scheme of Object.keys(config.value.schemes)) {
      const served = context.segmentsOf(scheme).filter(isServed);
      if (served.length <= context.options.max) continue;
      context.report({
        messageId: "tooMany",
        document: config,
        path: ["schemes", scheme],
        data: { scheme, count: served.length, max: context.options.max, segments: served.map((s) => s.value.id).join(", ") },
      });
    }
  },
});
