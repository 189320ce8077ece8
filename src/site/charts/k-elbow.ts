/** Clusters: within-cluster inertia for every k tried (the elbow chart). */
import { formatNumber } from "../../text/number-format.ts";
import type { ChartSpec } from "./chart.ts";
import { COLORS } from "./chart-theme.ts";
import type { KCandidateRow } from "./k-silhouette.ts";

export function kElbowChart(candidates: readonly KCandidateRow[]): ChartSpec {
  const values = candidates.map((c) => ({ k: c.k, inertia: c.inertia, chosen: c.chosen ? "Chosen k" : "Other k" }));
  const first = candidates[0];
  const last = candidates.at(-1);
  return {
    id: "clusters-elbow",
    title: "Inertia by number of clusters (elbow)",
    description: `Line chart of the within-cluster sum of squares for each k${first && last ? `, falling from ${formatNumber(first.inertia, 0)} at k = ${first.k} to ${formatNumber(last.inertia, 0)} at k = ${last.k}` : ""}. Where the curve bends, more clusters stop paying off.`,
    spec: {
      width: 420,
      height: 220,
      data: { values },
      layer: [
        { mark: { type: "line", color: COLORS.secondary }, encoding: { x: { field: "k", type: "ordinal", axis: { labelAngle: 0 }, title: "k (number of clusters)" }, y: { field: "inertia", type: "quantitative", axis: { format: "~s" }, title: "Inertia" } } },
        {
          mark: { type: "point", filled: true, size: 90 },
          encoding: {
            x: { field: "k", type: "ordinal" },
            y: { field: "inertia", type: "quantitative" },
            color: { field: "chosen", type: "nominal", scale: { domain: ["Chosen k", "Other k"], range: [COLORS.negative, COLORS.secondary] }, title: null },
          },
        },
      ],
    },
    table: {
      columns: [{ label: "k", numeric: true }, { label: "Inertia", numeric: true }],
      rows: candidates.map((c) => [String(c.k), formatNumber(c.inertia, 1)]),
    },
  };
}
