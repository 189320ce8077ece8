/** Changes: the number of clusters k, or the agreement (ARI) of clusters and segments, over the committed versions of the lock. */
import { formatNumber } from "../../text/number-format.ts";
import type { ChartSpec } from "./chart.ts";
import { COLORS } from "./chart-theme.ts";

export function clusterHistoryChart(metric: "k" | "ari", points: readonly { version: string; value: number }[]): ChartSpec {
  const k = metric === "k";
  const name = k ? "Number of clusters (k)" : "Agreement of clusters and segments (ARI)";
  return {
    id: `changes-${metric}`,
    title: `${name} over time`,
    description: `Line chart of the ${k ? "number of clusters chosen" : "adjusted Rand index between the clusters and the rule-based segments"} in each committed version of segments.lock.json: ${points.map((p) => `${formatNumber(p.value, k ? 0 : 2)} on ${p.version}`).join("; ")}.`,
    spec: {
      width: 420,
      height: 180,
      data: { values: points.map((p) => ({ version: p.version, value: p.value })) },
      mark: { type: "line", color: k ? COLORS.primary : COLORS.secondary, point: { filled: true, size: 50 } },
      encoding: {
        x: { field: "version", type: "ordinal", sort: points.map((p) => p.version), axis: { labelAngle: -30, labelExpr: "split(datum.label, ' · ')[0]" }, title: "Commit date of the lock version" },
        y: { field: "value", type: "quantitative", scale: k ? { zero: false, padding: 12 } : { domain: [Math.min(0, ...points.map((p) => p.value)), 1] }, axis: k ? { tickMinStep: 1, format: "d" } : {}, title: k ? "k" : "ARI" },
      },
    },
    table: {
      columns: [{ label: "Version" }, { label: k ? "k" : "ARI", numeric: true }],
      rows: points.map((p) => [p.version, formatNumber(p.value, k ? 0 : 3)]),
    },
  };
}
