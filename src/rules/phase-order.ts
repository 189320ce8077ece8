import { z } from "zod";
import type { PriorityRow } from "../engine/prioritize.ts";
import { defineRule } from "./define-rule.ts";

export const phaseOrder = defineRule({
  id: "phase-order",
  description: "The plan of attack agrees with the ranking: one beachhead from the top half, and no unexplained coverage for the top segment",
  defaultSeverity: "warning",
  options: z.strictObject({
    beachheadTopShare: z.number().gt(0).max(1).default(0.5).describe("The beachhead must rank within this top share of the scored segments of its scheme."),
    maxBeachheads: z.number().int().positive().default(1).describe("Most beachhead segments per scheme."),
    hardToAcquire: z
      .number()
      .min(1)
      .max(10)
      .default(5)
      .describe("A top-ranked segment may sit in coverage when its competition-lens score (ease of acquisition) is at most this."),
    allowCoverage: z.array(z.string()).default([]).describe("Segment ids whose coverage placement was decided deliberately despite ranking first."),
  }),
  messages: {
    beachheadLow: "{name} is the beachhead but ranks {rank} of {count} in the {scheme} scheme; a beachhead should rank {maxRank} or better.",
    tooManyBeachheads: "{name} is one of {count} beachheads in the {scheme} scheme ({segments}); the method wins one segment first.",
    coverageTop: "{name} ranks first in the {scheme} scheme yet is left for coverage, and its competition score of {ease} (above {hardToAcquire}) does not explain waiting.",
    inactivePhase: "{name} is {status} but still has phase {phase} in the plan of attack.",
  },
  hint: "Make the phase follow the ranking (beachhead → adjacent → coverage), or change the scores that produce the ranking; to keep a top segment for later on purpose, list it in phase-order's allowCoverage option and say why in a review note.",
  docs: {
    rationale:
      "The ranking says where the value is; the phase says what to do first. The method starts with one beachhead that is easy to reach and quick to win, moves to adjacent segments, and leaves the segments that need a mature product and long sales cycles for later. A beachhead from the bottom of the ranking, several beachheads at once, or the best-scoring segment parked in coverage without a reason each mean the plan and the scores disagree.",
    bad: [
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
phase: beachhead
`,
      },
      {
        file: "segments/market/startups.yaml",
        text: `id: startups
name: Startups
summary: Paying companies under fifty people.
status: active
approach: firmographic
definition:
  where: employees < 50 and plan != 'free'
scores: { size: 7, fit: 9 }
phase: coverage
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
      {
        file: "segments/market/startups.yaml",
        text: `id: startups
name: Startups
summary: Paying companies under fifty people.
status: active
approach: firmographic
definition:
  where: employees < 50 and plan != 'free'
scores: { size: 7, fit: 9 }
phase: beachhead
`,
      },
    ],
  },
  check(context) {
    const config = context.workspace.config?.value;
    const prioritization = config?.prioritization;
    if (!prioritization) return;
    const options = context.options;
    for (const scheme of prioritization.schemes) {
      const segments = context.segmentsOf(scheme);
      const rows = context.facts.priorities.filter((r) => r.scheme === scheme && !Number.isNaN(r.total));
      const rankOf = (id: string) => schemeRank(rows, id);
      const maxRank = Math.max(1, Math.ceil(rows.length * options.beachheadTopShare));
      const beachheads = segments.filter((s) => s.value.phase === "beachhead" && s.value.status !== "retired" && s.value.status !== "deprioritized");
      for (const segment of segments) {
        const { name, phase, status, id } = segment.value;
        if (phase === undefined) continue;
        if (status === "retired" || status === "deprioritized") {
          context.report({ messageId: "inactivePhase", document: segment, path: ["phase"], data: { name, status, phase } });
          continue;
        }
        const rank = rankOf(id);
        if (phase === "beachhead" && beachheads.length > options.maxBeachheads) {
          context.report({ messageId: "tooManyBeachheads", document: segment, path: ["phase"], data: { name, count: beachheads.length, scheme, segments: beachheads.map((s) => s.value.id).join(", ") } });
        }
        if (phase === "beachhead" && rank !== undefined && rank > maxRank) {
          context.report({ messageId: "beachheadLow", document: segment, path: ["phase"], data: { name, rank, count: rows.length, scheme, maxRank } });
        }
        if (phase === "coverage" && rank === 1 && rows.length > 1 && !options.allowCoverage.includes(id)) {
          const ease = rows.find((r) => r.id === id)?.lenses.competition;
          if (ease !== undefined && ease <= options.hardToAcquire) continue;
          context.report({ messageId: "coverageTop", document: segment, path: ["phase"], data: { name, scheme, ease: ease === undefined ? "not scored" : String(ease), hardToAcquire: options.hardToAcquire } });
        }
      }
    }
  },
});

/** Rank within the scheme: 1 + the number of segments with a higher total (ties share a rank). */
function schemeRank(rows: readonly PriorityRow[], id: string): number | undefined {
  const row = rows.find((r) => r.id === id);
  return row ? 1 + rows.filter((r) => r.total > row.total + 1e-9).length : undefined;
}
