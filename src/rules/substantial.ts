import { z } from "zod";
import { defineRule } from "./define-rule.ts";
import { idsaaVerdicts } from "./facts/idsaa-verdicts.ts";
import { percent } from "./format/percent.ts";

export const substantial = defineRule({
  id: "substantial",
  description: "IDSAA: a segment holds at least the substantial share of the members",
  defaultSeverity: "warning",
  options: z.strictObject({}),
  messages: {
    small: "{name} is not substantial: it holds {share} of the members ({count}) and {valueShare} of the value, below the threshold of {threshold}.",
    smallNoValue: "{name} is not substantial: it holds {share} of the members ({count}), below the threshold of {threshold}.",
  },
  hint: "Merge it into a neighbouring segment, or lower thresholds.substantial_share in segmentation.yaml if small segments are worth a dedicated play in your business.",
  docs: {
    rationale:
      "Every segment costs attention: a play, an owner, reviews. A segment too small to repay that is better folded into a neighbour, unless the decision to keep it is deliberate. The threshold lives in segmentation.yaml (thresholds.substantial_share, 3% by default), so the team sets what matters.",
    bad: [],
    good: [],
    data: {
      bad: { schemes: { usage: { population: 1000, segments: { heavy: { count: 20, valueShare: 0.01 }, light: { count: 980, valueShare: 0.99 } } } } },
      good: { schemes: { usage: { population: 1000, segments: { heavy: { count: 150, valueShare: 0.4 }, light: { count: 850, valueShare: 0.6 } } } } },
    },
  },
  check(context) {
    for (const { segment, result, count } of idsaaVerdicts(context, "substantial")) {
      // A segment without members is reported by identifiable.
      if (result.pass || !count) continue;
      const { share, valueShare, threshold } = result.data;
      const data = { name: segment.value.name, share: percent(Number(share)), count, threshold: percent(Number(threshold)) };
      if (typeof valueShare === "number") context.report({ messageId: "small", document: segment, path: ["definition"], data: { ...data, valueShare: percent(valueShare) } });
      else context.report({ messageId: "smallNoValue", document: segment, path: ["definition"], data });
    }
  },
});
