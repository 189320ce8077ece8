/** Clusters: each centroid as z-scores against the population, feature by feature (a heat map). */
import { formatNumber, formatSigned } from "../../text/number-format.ts";
import type { ChartSpec } from "./chart.ts";

export interface ClusterProfilesInput {
  features: string[];
  clusters: { name: string; z: number[]; original: number[] }[];
}

export function clusterProfilesChart(input: ClusterProfilesInput): ChartSpec {
  const values = input.clusters.flatMap((c, order) => input.features.map((feature, j) => ({ cluster: c.name, order, feature, z: Math.max(-3, Math.min(3, c.z[j] ?? 0)), label: formatSigned(c.z[j] ?? 0, 1) })));
  return {
    id: "clusters-profiles",
    title: "Cluster profiles: centroids as z-scores",
    description: `Heat map with one row per cluster (${input.clusters.length}) and one column per feature (${input.features.length}); blue cells are above the population average, orange cells below, in standard deviations. ${input.clusters.map((c) => `${c.name}: ${input.features.map((f, j) => `${f} ${formatSigned(c.z[j] ?? 0, 1)}`).join(", ")}`).join("; ")}.`,
    spec: {
      width: { step: 84 },
      height: { step: 34 },
      data: { values },
      encoding: {
        y: { field: "cluster", type: "nominal", sort: input.clusters.map((c) => c.name), title: null },
        x: { field: "feature", type: "nominal", sort: input.features, axis: { labelAngle: -30, labelAlign: "right", labelLimit: 260 }, title: null },
      },
      layer: [
        { mark: { type: "rect" }, encoding: { color: { field: "z", type: "quantitative", scale: { scheme: "blueorange", domain: [-3, 3], reverse: true }, title: "z-score" } } },
        { mark: { type: "text", fontSize: 11, color: "#1b1f27" }, encoding: { text: { field: "label" } } },
      ],
    },
    table: {
      columns: [{ label: "Cluster" }, ...input.features.map((f) => ({ label: f, numeric: true }))],
      rows: input.clusters.map((c) => [c.name, ...input.features.map((_, j) => `${formatNumber(c.original[j] ?? null, 2)} (z ${formatSigned(c.z[j] ?? 0, 1)})`)]),
    },
  };
}
