/** Prioritization: how often each segment keeps its rank when the weights are drawn at random. */
import { formatCount, formatPercent } from "../../text/number-format.ts";
import type { ChartSpec } from "./chart.ts";
import { COLORS } from "./chart-theme.ts";

export interface RankStabilityInput {
  draws: number;
  rows: { name: string; rank: number; stability: number }[];
}

export function rankStabilityChart(input: RankStabilityInput): ChartSpec {
  const values = input.rows.map((r) => ({ segment: `#${r.rank} ${r.name}`, rank: r.rank, stability: r.stability, band: r.stability >= 0.8 ? "Stable (≥ 80%)" : r.stability >= 0.5 ? "Fragile (50–80%)" : "Unstable (< 50%)" }));
  const weakest = [...input.rows].sort((a, b) => a.stability - b.stability)[0];
  return {
    id: "prioritization-stability",
    title: "Rank stability under random weights",
    description:
      `Bars give, for each segment, the share of ${formatCount(input.draws)} random weightings under which it keeps its current rank. ` +
      (weakest ? `The least stable is ${weakest.name} at ${formatPercent(weakest.stability, 0)}.` : ""),
    spec: {
      width: 520,
      height: { step: 26 },
      data: { values },
      layer: [
        {
          mark: { type: "bar" },
          encoding: {
            y: { field: "segment", type: "nominal", sort: values.map((v) => v.segment), title: null },
            x: { field: "stability", type: "quantitative", scale: { domain: [0, 1] }, axis: { format: "%" }, title: "Share of random weightings with the same rank" },
            color: { field: "band", type: "nominal", scale: { domain: ["Stable (≥ 80%)", "Fragile (50–80%)", "Unstable (< 50%)"], range: [COLORS.positive, "#f08c00", COLORS.negative] }, title: null },
          },
        },
        {
          mark: { type: "text", align: "left", dx: 4 },
          encoding: { y: { field: "segment", type: "nominal", sort: values.map((v) => v.segment) }, x: { field: "stability", type: "quantitative" }, text: { field: "stability", type: "quantitative", format: ".0%" } },
        },
      ],
    },
    table: {
      columns: [{ label: "Rank", numeric: true }, { label: "Segment" }, { label: "Same rank", numeric: true }],
      rows: input.rows.map((r) => [String(r.rank), r.name, formatPercent(r.stability, 1)]),
    },
  };
}
