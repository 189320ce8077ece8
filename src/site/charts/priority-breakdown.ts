/** Prioritization: each segment's weighted total, stacked by what each factor contributes. */
import { formatNumber } from "../../text/number-format.ts";
import type { ChartSpec } from "./chart.ts";

export interface PriorityBreakdownInput {
  factors: { name: string; label: string; weight: number }[];
  rows: { name: string; rank: number; total: number; scores: Record<string, number> }[];
}

export function priorityBreakdownChart(input: PriorityBreakdownInput): ChartSpec {
  const values = input.rows.flatMap((r) =>
    input.factors.map((f, i) => ({ segment: `#${r.rank} ${r.name}`, rank: r.rank, factor: f.label, order: i, points: ((r.scores[f.name] ?? 0) * f.weight) / 100 })),
  );
  const top = input.rows[0];
  return {
    id: "prioritization-breakdown",
    title: "Weighted priority score by segment, split by factor",
    description:
      `Stacked horizontal bars, one per prioritized segment in rank order; each part is score × weight of one factor, and the bar's length is the recomputed total on the 1–10 scale. ` +
      (top ? `${top.name} ranks first with ${formatNumber(top.total, 2)}.` : ""),
    spec: {
      width: 560,
      height: { step: 28 },
      data: { values },
      mark: { type: "bar", cornerRadiusEnd: 0 },
      encoding: {
        y: { field: "segment", type: "nominal", sort: input.rows.map((r) => `#${r.rank} ${r.name}`), title: null },
        x: { field: "points", type: "quantitative", aggregate: "sum", scale: { domain: [0, 10] }, title: "Weighted score (1–10)" },
        color: { field: "factor", type: "nominal", sort: input.factors.map((f) => f.label), title: null },
        order: { field: "order", type: "quantitative" },
      },
    },
    table: {
      columns: [{ label: "Rank", numeric: true }, { label: "Segment" }, ...input.factors.map((f) => ({ label: `${f.label} (${formatNumber(f.weight, 1)}%)`, numeric: true })), { label: "Total", numeric: true }],
      rows: input.rows.map((r) => [String(r.rank), r.name, ...input.factors.map((f) => formatNumber(r.scores[f.name] ?? null, 1)), formatNumber(r.total, 2)]),
    },
  };
}
