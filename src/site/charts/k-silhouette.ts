/** Clusters: the mean silhouette for every k tried; the highest picks k. */
import { formatNumber } from "../../text/number-format.ts";
import type { ChartSpec } from "./chart.ts";
import { COLORS } from "./chart-theme.ts";

export interface KCandidateRow {
  k: number;
  inertia: number;
  silhouette: number | null;
  chosen: boolean;
}

export function kSilhouetteChart(candidates: readonly KCandidateRow[]): ChartSpec {
  const chosen = candidates.find((c) => c.chosen);
  const values = candidates.filter((c) => c.silhouette !== null).map((c) => ({ k: c.k, silhouette: c.silhouette, chosen: c.chosen ? "Chosen k" : "Other k" }));
  return {
    id: "clusters-silhouette",
    title: "Silhouette by number of clusters",
    description: `Line chart of the mean silhouette score for k from ${candidates[0]?.k ?? "?"} to ${candidates.at(-1)?.k ?? "?"}; higher means better separated clusters. ${chosen ? `k = ${chosen.k} scores highest at ${formatNumber(chosen.silhouette, 3)} and is chosen.` : ""}`,
    spec: {
      width: 420,
      height: 220,
      data: { values },
      layer: [
        { mark: { type: "line", color: COLORS.primary, point: false }, encoding: { x: { field: "k", type: "ordinal", axis: { labelAngle: 0 }, title: "k (number of clusters)" }, y: { field: "silhouette", type: "quantitative", scale: { zero: false, padding: 12 }, title: "Mean silhouette" } } },
        {
          mark: { type: "point", filled: true, size: 90 },
          encoding: {
            x: { field: "k", type: "ordinal" },
            y: { field: "silhouette", type: "quantitative" },
            color: { field: "chosen", type: "nominal", scale: { domain: ["Chosen k", "Other k"], range: [COLORS.negative, COLORS.primary] }, title: null },
          },
        },
      ],
    },
    table: {
      columns: [{ label: "k", numeric: true }, { label: "Silhouette", numeric: true }, { label: "Chosen" }],
      rows: candidates.map((c) => [String(c.k), formatNumber(c.silhouette, 3), c.chosen ? "yes" : ""]),
    },
  };
}
