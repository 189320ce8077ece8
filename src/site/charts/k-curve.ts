/**
 * Clusters: one measure of the fit for every k tried, as a line with a point
 * per k and the chosen k in the warning colour. The silhouette and the elbow
 * charts are this chart on two measures.
 */
import type { TopLevelSpec } from "vega-lite";
import { COLORS } from "./chart-theme.ts";

export interface KCandidateRow {
  k: number;
  inertia: number;
  silhouette: number | null;
  chosen: boolean;
}

export interface KMeasure {
  field: "inertia" | "silhouette";
  title: string;
  color: string;
  /** More of the line's mark and y channel: an axis format, a scale. */
  line?: Readonly<Record<string, unknown>>;
  y?: Readonly<Record<string, unknown>>;
}

/** The spec of a k chart: the candidates that have the measure, in order of k. */
export function kCurveSpec(candidates: readonly KCandidateRow[], measure: KMeasure): TopLevelSpec {
  const { field, color } = measure;
  const values = candidates.filter((c) => c[field] !== null).map((c) => ({ k: c.k, [field]: c[field], chosen: c.chosen ? "Chosen k" : "Other k" }));
  return {
    width: 420,
    height: 220,
    data: { values },
    layer: [
      {
        mark: { type: "line", color, ...measure.line },
        encoding: { x: { field: "k", type: "ordinal", axis: { labelAngle: 0 }, title: "k (number of clusters)" }, y: { field, type: "quantitative", ...measure.y, title: measure.title } },
      },
      {
        mark: { type: "point", filled: true, size: 90 },
        encoding: {
          x: { field: "k", type: "ordinal" },
          y: { field, type: "quantitative" },
          color: { field: "chosen", type: "nominal", scale: { domain: ["Chosen k", "Other k"], range: [COLORS.negative, color] }, title: null },
        },
      },
    ],
  };
}
