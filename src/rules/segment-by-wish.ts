import { z } from "zod";
import type { LoadedSegment } from "../workspace/workspace.ts";
import { defineRule, type Facts } from "./define-rule.ts";
import { measuredSegment } from "./facts/measured-segment.ts";
import { isServed } from "./facts/served.ts";
import { percent } from "./format/percent.ts";

export const segmentByWish = defineRule({
  id: "segment-by-wish",
  description: "A segment chosen as a target is backed by evidence and is large enough to matter",
  defaultSeverity: "warning",
  options: z.strictObject({
    phases: z
      .array(z.enum(["beachhead", "adjacent", "coverage"]))
      .default(["beachhead", "adjacent"])
      .describe("Phases that make a segment a target (the top-ranked segment is a target too)."),
    minShare: z.number().min(0).max(1).optional().describe("Smallest share of the members a target may have (default: thresholds.substantial_share, 0.03)."),
  }),
  messages: {
    noMembers: "{name} is a target ({why}), but no member of the data matches its definition.",
    tooSmall: "{name} is a target ({why}), but holds only {share} of the members ({count} of {population}), below the substantial threshold of {threshold}.",
    noEvidence: "{name} is a target ({why}), but cites no evidence: it has no evidence section, and without data there is nothing else to go on.",
  },
  hint: "Check the segment against the data (seg check with data) and write down what shows it exists and matters under evidence:, or drop it from the plan until it does.",
  docs: {
    rationale:
      "A segment chosen because it would be nice to win — the big logos, the market everyone talks about — is a wish, not a finding. If the data has few or no such customers, or nobody can say what the choice rests on, the plan is built on hope. A target should be reproducible from the data and large enough to pay for the attention it gets.",
    bad: [
      {
        file: "segments/market/companies.yaml",
        text: `id: companies
name: Global enterprises
summary: Companies of ten thousand people or more.
status: active
approach: firmographic
definition:
  where: employees >= 10000 and plan != 'free'
scores: { size: 9, fit: 6 }
phase: adjacent
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
phase: adjacent
`,
      },
    ],
    data: {
      bad: { schemes: { market: { population: 1000, segments: { startups: { count: 400 }, companies: { count: 4 }, free: { count: 300 } } } } },
      good: { schemes: { market: { population: 1000, segments: { startups: { count: 400 }, companies: { count: 250 }, free: { count: 300 } } } } },
    },
  },
  check(context) {
    const config = context.workspace.config?.value;
    if (!config) return;
    const data = context.facts.data;
    const threshold = context.options.minShare ?? config.thresholds.substantial_share;
    for (const segment of context.segmentsOf()) {
      const why = targetReason(segment, context.facts, context.options.phases);
      if (!why || !isServed(segment)) continue;
      const name = segment.value.name;
      const path = segment.value.phase !== undefined ? ["phase"] : ["scores"];
      const measured = measuredSegment(data, segment.scheme, segment.value.id);
      if (measured) {
        const population = data!.schemes.find((s) => s.scheme === segment.scheme)!.population;
        if (measured.count === 0) context.report({ messageId: "noMembers", document: segment, path, data: { name, why } });
        else if (measured.share < threshold) {
          context.report({ messageId: "tooSmall", document: segment, path, data: { name, why, share: percent(measured.share), count: measured.count, population, threshold: percent(threshold) } });
        }
      } else if (!data && segment.value.evidence === undefined) {
        context.report({ messageId: "noEvidence", document: segment, path, data: { name, why } });
      }
    }
  },
});

/** Why a segment counts as a target: its phase, or ranking first. */
function targetReason(segment: LoadedSegment, facts: Facts, phases: readonly string[]): string | undefined {
  const phase = segment.value.phase;
  if (phase !== undefined && phases.includes(phase)) return `phase ${phase}`;
  const row = facts.priorities.find((p) => p.scheme === segment.scheme && p.id === segment.value.id);
  return row?.rank === 1 ? "ranked first" : undefined;
}
