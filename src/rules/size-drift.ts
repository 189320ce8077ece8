import { z } from "zod";
import { heavyUsersExample } from "./example-segment.ts";
import { defineRule } from "./define-rule.ts";
import { measuredSegment } from "./facts/measured-segment.ts";
import { percent, points } from "./format/percent.ts";

const share = z.number().min(0).max(1);

export const sizeDrift = defineRule({
  id: "size-drift",
  description: "A segment's measured share stays within tolerance of its stated share and of the share in the lock",
  defaultSeverity: "warning",
  options: z.strictObject({
    tolerance: share.optional().describe("Largest accepted gap between stated_share and the measured share (default: thresholds.stated_share_tolerance, 0.05)."),
    lockTolerance: share.optional().describe("Largest accepted move of the measured share since the lock (default: the same as tolerance)."),
  }),
  messages: {
    stated: "{name} is stated as {stated} of the members but measures {measured} ({count} of {population}); the gap of {gap} exceeds the tolerance of {tolerance}.",
    locked: "{name} measures {measured} of the members where the lock recorded {locked}; it moved {gap}, more than the tolerance of {tolerance}.",
  },
  hint: "Find out what changed (the definition, the data, or the customers), then correct stated_share or the definition; run seg lock once the new size is right.",
  docs: {
    rationale:
      "Plans are built on how big each segment is believed to be. When the belief and the data part ways, either the team's picture is wrong or the customers have moved; both deserve a look before the next decision. The rule compares the measured share with the stated one and, when a lock exists, with the share it recorded, so a segment that quietly doubles or halves is noticed.",
    bad: [
      {
        file: "segments/usage/heavy.yaml",
        text: heavyUsersExample(`stated_share: 25%
`),
      },
    ],
    good: [
      {
        file: "segments/usage/heavy.yaml",
        text: heavyUsersExample(`stated_share: 15%
`),
      },
    ],
    data: {
      bad: { schemes: { usage: { population: 1000, segments: { heavy: { count: 150 }, light: { count: 850 } } } } },
      good: { schemes: { usage: { population: 1000, segments: { heavy: { count: 150 }, light: { count: 850 } } } } },
    },
  },
  check(context) {
    const data = context.facts.data;
    const config = context.workspace.config?.value;
    if (!data || !config) return;
    const tolerance = context.options.tolerance ?? config.thresholds.stated_share_tolerance;
    const lockTolerance = context.options.lockTolerance ?? tolerance;
    const lock = data.lock.status === "ok" ? data.lock.lock : undefined;
    for (const segment of context.segmentsOf()) {
      if (segment.value.status === "retired") continue;
      const measured = measuredSegment(data, segment.scheme, segment.value.id);
      if (!measured) continue;
      const population = data.schemes.find((s) => s.scheme === segment.scheme)?.population ?? 0;
      const name = segment.value.name;
      const stated = segment.value.stated_share;
      if (stated !== undefined && Math.abs(measured.share - stated) > tolerance + 1e-9) {
        context.report({
          messageId: "stated",
          document: segment,
          path: ["stated_share"],
          data: { name, stated: percent(stated), measured: percent(measured.share), count: measured.count, population, gap: points(measured.share - stated), tolerance: points(tolerance) },
        });
      }
      const locked = lock?.schemes[segment.scheme]?.segments[segment.value.id]?.share;
      if (locked !== undefined && Math.abs(measured.share - locked) > lockTolerance + 1e-9) {
        context.report({
          messageId: "locked",
          document: segment,
          path: ["definition"],
          data: { name, measured: percent(measured.share), locked: percent(locked), gap: points(measured.share - locked), tolerance: points(lockTolerance) },
        });
      }
    }
  },
});
