/** Clusters: how the rule-based segments of a scheme spread over the clusters (contingency heat map). */
import { formatCount, formatNumber } from "../../text/number-format.ts";
import type { ChartSpec } from "./chart.ts";

export interface ClusterAgreementInput {
  schemeLabel: string;
  ari: number | null;
  rows: string[];
  columns: string[];
  counts: number[][];
}

export function clusterAgreementChart(input: ClusterAgreementInput): ChartSpec {
  const values = input.rows.flatMap((row, i) => {
    const total = (input.counts[i] ?? []).reduce((a, b) => a + b, 0);
    return input.columns.map((column, j) => ({ segment: row, cluster: column, count: input.counts[i]?.[j] ?? 0, rowShare: total > 0 ? (input.counts[i]?.[j] ?? 0) / total : 0 }));
  });
  return {
    id: "clusters-agreement",
    title: `${input.schemeLabel} segments × clusters`,
    description: `Heat map of members by ${input.schemeLabel} segment (rows) and cluster (columns); darker cells hold a larger share of the row. Adjusted Rand index ${formatNumber(input.ari, 3)}: 1 means the segments and clusters split members identically, about 0 means no more agreement than chance.`,
    spec: {
      width: { step: 92 },
      height: { step: 30 },
      data: { values },
      encoding: {
        y: { field: "segment", type: "nominal", sort: input.rows, title: null },
        x: { field: "cluster", type: "nominal", sort: input.columns, axis: { labelAngle: -30, labelAlign: "right", labelLimit: 260 }, title: null },
      },
      layer: [
        { mark: { type: "rect" }, encoding: { color: { field: "rowShare", type: "quantitative", scale: { scheme: "blues", domain: [0, 1] }, legend: { format: "%", title: "Share of row" } } } },
        { mark: { type: "text", fontSize: 11 }, encoding: { text: { field: "count", type: "quantitative", format: "," }, color: { condition: { test: "datum.rowShare > 0.5", value: "white" }, value: "#1b1f27" } } },
      ],
    },
    table: {
      columns: [{ label: "Segment" }, ...input.columns.map((c) => ({ label: c, numeric: true }))],
      rows: input.rows.map((r, i) => [r, ...input.columns.map((_, j) => formatCount(input.counts[i]?.[j] ?? 0))]),
    },
  };
}
