/** Clusters: the mean silhouette for every k tried; the highest picks k. */
import { formatNumber } from "../../text/number-format.ts";
import type { ChartSpec } from "./chart.ts";
import { COLORS } from "./chart-theme.ts";
import { kCurveSpec, type KCandidateRow } from "./k-curve.ts";

export function kSilhouetteChart(candidates: readonly KCandidateRow[]): ChartSpec {
  const chosen = candidates.find((c) => c.chosen);
  return {
    id: "clusters-silhouette",
    title: "Silhouette by number of clusters",
    description: `Line chart of the mean silhouette score for k from ${candidates[0]?.k ?? "?"} to ${candidates.at(-1)?.k ?? "?"}; higher means better separated clusters. ${chosen ? `k = ${chosen.k} scores highest at ${formatNumber(chosen.silhouette, 3)} and is chosen.` : ""}`,
    spec: kCurveSpec(candidates, { field: "silhouette", title: "Mean silhouette", color: COLORS.primary, line: { point: false }, y: { scale: { zero: false, padding: 12 } } }),
    table: {
      columns: [{ label: "k", numeric: true }, { label: "Silhouette", numeric: true }, { label: "Chosen" }],
      rows: candidates.map((c) => [String(c.k), formatNumber(c.silhouette, 3), c.chosen ? "yes" : ""]),
    },
  };
}
