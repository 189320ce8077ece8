/** Clusters: within-cluster inertia for every k tried (the elbow chart). */
import { formatNumber } from "../../text/number-format.ts";
import type { ChartSpec } from "./chart.ts";
import { COLORS } from "./chart-theme.ts";
import { kCurveSpec, type KCandidateRow } from "./k-curve.ts";

export function kElbowChart(candidates: readonly KCandidateRow[]): ChartSpec {
  const first = candidates[0];
  const last = candidates.at(-1);
  return {
    id: "clusters-elbow",
    title: "Inertia by number of clusters (elbow)",
    description: `Line chart of the within-cluster sum of squares for each k${first && last ? `, falling from ${formatNumber(first.inertia, 0)} at k = ${first.k} to ${formatNumber(last.inertia, 0)} at k = ${last.k}` : ""}. Where the curve bends, more clusters stop paying off.`,
    spec: kCurveSpec(candidates, { field: "inertia", title: "Inertia", color: COLORS.secondary, y: { axis: { format: "~s" } } }),
    table: {
      columns: [{ label: "k", numeric: true }, { label: "Inertia", numeric: true }],
      rows: candidates.map((c) => [String(c.k), formatNumber(c.inertia, 1)]),
    },
  };
}
