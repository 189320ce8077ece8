import { z } from "zod";
import { heavyUsersExample } from "./example-segment.ts";
import { defineRule } from "./define-rule.ts";
import { percent } from "./format/percent.ts";

type Label = "high" | "medium" | "low";

const LABELS = { ltv: "ltv", support_cost: "support_cost" } as const;

const segment = (ltv: Label) => heavyUsersExample(`value:
  ltv: ${ltv}
`);

export const valueLabelMismatch = defineRule({
  id: "value-label-mismatch",
  description: "The value labels on a segment (ltv, support_cost) agree with what the data measures",
  defaultSeverity: "warning",
  options: z
    .strictObject({
      high: z.number().gt(0.5).lt(1).default(0.6).describe("Mean percentile rank from which a segment measures high (default 0.6)."),
      low: z.number().gt(0).lt(0.5).default(0.4).describe("Mean percentile rank below which a segment measures low (default 0.4)."),
    })
    .describe("The bands a segment's mean percentile rank is read against: low below low, high from high, medium between."),
  messages: {
    mismatch:
      "{segment} is labelled {label}: {written}, but by {measure} it measures {measured}: its members rank on average above {rank} of all members (low is below {low}, high from {high}); its median {measure} is {median} against {populationMedian} for all members.",
  },
  hint: "Change the label to what the data measures, or, if the data misses what the label means (a cost the tickets do not show, value still to come), say so in value.notes and turn the rule off for this file under overrides.",
  docs: {
    rationale:
      "Value labels steer where money and attention go: a segment labelled ltv: high gets the account managers, one labelled support_cost: low gets no support budget. Written once from a workshop, they drift from the data, and nothing shows it. Each label is read against a per-member measure: ltv against the value measure (value_tiers.measure, else monetary), support_cost against support tickets per member over every source of kind tickets, dated before the as_of day. Every member gets its percentile rank in the whole population (ties share the middle of their rank, so the many members without a ticket sit together), and the segment's mean rank is the chance that one of its members outranks a member drawn from everyone (0.5 is the population's own). From 0.6 the segment measures high, below 0.4 low, and medium between (options high and low). The comparison uses ranks rather than means because value and tickets are skewed: a few very large accounts would otherwise make a whole segment look high.",
    bad: [{ file: "segments/usage/heavy.yaml", text: segment("high") }],
    good: [{ file: "segments/usage/heavy.yaml", text: segment("low") }],
    data: {
      bad: { valueLabels: { ltv: { measure: "monetary", median: 2544, segments: { "usage/heavy": { rank: 0.394, median: 1128 } } } } },
      good: { valueLabels: { ltv: { measure: "monetary", median: 2544, segments: { "usage/heavy": { rank: 0.394, median: 1128 } } } } },
    },
  },
  check(context) {
    const measures = context.facts.data?.valueLabels;
    if (!measures) return;
    const { high, low } = context.options;
    for (const document of context.segmentsOf()) {
      const value = document.value.value;
      if (!value || document.value.status === "retired") continue;
      for (const label of Object.values(LABELS)) {
        const written = value[label];
        const measure = measures[label];
        const measured = measure?.segments[`${document.scheme}/${document.value.id}`];
        if (!written || !measure || !measured || measured.n === 0) continue;
        const tier: Label = measured.rank >= high ? "high" : measured.rank < low ? "low" : "medium";
        if (tier === written) continue;
        context.report({
          messageId: "mismatch",
          document,
          path: ["value", label],
          data: {
            segment: document.value.name,
            label,
            written,
            measure: measure.measure,
            measured: tier,
            rank: rankText(measured.rank, [low, high]),
            low: percent(low),
            high: percent(high),
            median: figure(measured.median),
            populationMedian: figure(measure.population.median),
          },
        });
      }
    }
  },
});

/** The rank as a percentage; just below a band's edge it is cut to two decimals rather than rounded onto the edge (39.99%, not 40.0%). */
function rankText(rank: number, edges: readonly number[]): string {
  const text = percent(rank);
  return edges.some((edge) => rank < edge && percent(edge) === text) ? `${(Math.floor(rank * 10000) / 100).toFixed(2)}%` : text;
}

function figure(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}
