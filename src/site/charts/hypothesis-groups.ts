/** Hypotheses: the two groups a test compares, side by side. */
import { formatCount, formatNumber, formatPercent } from "../../text/number-format.ts";
import type { ChartSpec } from "./chart.ts";
import { COLORS } from "./chart-theme.ts";

export interface HypothesisGroupsInput {
  id: string;
  metric: string;
  proportions: boolean;
  verdict: string;
  groups: { label: string; n: number; value: number | null }[];
}

export function hypothesisGroupsChart(input: HypothesisGroupsInput): ChartSpec {
  const show = (v: number | null) => (input.proportions ? formatPercent(v) : formatNumber(v, 2));
  const values = input.groups.map((g, order) => ({ group: g.label, order, value: g.value ?? 0 }));
  return {
    id: `hypothesis-${input.id}`,
    title: `${input.metric}: ${input.groups.map((g) => g.label).join(" vs ")}`,
    description: `Two bars compare ${input.proportions ? "the share" : "the mean"} of ${input.metric}: ${input.groups.map((g) => `${g.label} ${show(g.value)} (n = ${formatCount(g.n)})`).join(" and ")}. The test's verdict is ${input.verdict}.`,
    spec: {
      width: 420,
      height: { step: 30 },
      data: { values },
      layer: [
        {
          mark: { type: "bar" },
          encoding: {
            y: { field: "group", type: "nominal", sort: input.groups.map((g) => g.label), title: null },
            x: { field: "value", type: "quantitative", axis: input.proportions ? { format: "%" } : {}, title: input.proportions ? `Share with ${input.metric}` : `Mean ${input.metric}` },
            color: { field: "group", type: "nominal", scale: { range: [COLORS.primary, COLORS.neutral] }, legend: null },
          },
        },
        {
          mark: { type: "text", align: "left", dx: 4 },
          encoding: { y: { field: "group", type: "nominal", sort: input.groups.map((g) => g.label) }, x: { field: "value", type: "quantitative" }, text: { field: "value", type: "quantitative", format: input.proportions ? ".1%" : ".2f" } },
        },
      ],
    },
    table: {
      columns: [{ label: "Group" }, { label: "n", numeric: true }, { label: input.proportions ? "Share" : "Mean", numeric: true }],
      rows: input.groups.map((g) => [g.label, formatCount(g.n), show(g.value)]),
    },
  };
}
