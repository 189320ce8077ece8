/**
 * Segment page: how the segment differs from everyone else, feature by
 * feature, as Cohen's d (segment mean minus rest mean, in pooled standard
 * deviations). Bars to the right: higher than the rest.
 */
import { formatNumber, formatPValue, formatPercent, formatSigned } from "../../text/number-format.ts";
import type { ChartSpec } from "./chart.ts";
import { COLORS } from "./chart-theme.ts";

export interface ProfileRow {
  feature: string;
  segmentMean: number | null;
  restMean: number | null;
  d: number | null;
  p: number | null;
  /** p below alpha. */
  significant: boolean;
  /** Significant and |d| ≥ 0.5: a difference that matters. */
  substantial: boolean;
  inDefinition: boolean;
  /** A yes/no feature: its mean is a share, shown as a percentage. */
  share?: boolean;
}

export function segmentProfileChart(segmentId: string, segmentName: string, rows: readonly ProfileRow[]): ChartSpec {
  const clamp = (d: number) => Math.max(-3, Math.min(3, d));
  const values = rows
    .filter((r) => r.d !== null)
    .map((r) => ({ feature: r.feature, d: clamp(r.d!), kind: r.inDefinition ? "In the definition" : r.d! >= 0 ? "Higher" : "Lower" }));
  const order = [...values].sort((a, b) => b.d - a.d).map((v) => v.feature);
  const strongest = [...rows].filter((r) => r.d !== null && !r.inDefinition).sort((a, b) => Math.abs(b.d!) - Math.abs(a.d!))[0];
  return {
    id: `segment-${segmentId}-profile`,
    title: `How ${segmentName} differ from everyone else`,
    description:
      `Diverging bars of the effect size (Cohen's d, clamped to ±3) for ${values.length} features, comparing ${segmentName} with all other members; bars right of zero are higher than the rest, features used in the definition are grey. ` +
      (strongest ? `Outside its definition, the largest difference is ${strongest.feature}: ${meanText(strongest, strongest.segmentMean)} against ${meanText(strongest, strongest.restMean)} (d = ${formatSigned(strongest.d)}).` : ""),
    spec: {
      width: 300,
      height: { step: 22 },
      data: { values },
      layer: [
        {
          mark: { type: "bar" },
          encoding: {
            y: { field: "feature", type: "nominal", sort: order, title: null },
            x: { field: "d", type: "quantitative", scale: { domain: [-3, 3] }, axis: { tickCount: 7 }, title: "Effect size vs the rest (Cohen's d)" },
            color: { field: "kind", type: "nominal", scale: { domain: ["Higher", "Lower", "In the definition"], range: [COLORS.primary, COLORS.secondary, COLORS.neutral] }, title: null },
          },
        },
        { data: { values: [{ x: 0 }] }, mark: { type: "rule", color: COLORS.muted }, encoding: { x: { field: "x", type: "quantitative" } } },
      ],
    },
    table: {
      columns: [{ label: "Feature" }, { label: "Segment mean", numeric: true }, { label: "Rest mean", numeric: true }, { label: "d", numeric: true }, { label: "p", numeric: true }],
      rows: rows.map((r) => [r.inDefinition ? `${r.feature} (in the definition)` : r.feature, meanText(r, r.segmentMean), meanText(r, r.restMean), formatSigned(r.d), formatPValue(r.p)]),
    },
  };
}

/** A mean as the reader expects it: a share of yes/no as a percentage, anything else as a number. */
export function meanText(row: Pick<ProfileRow, "share">, mean: number | null): string {
  return row.share ? formatPercent(mean) : formatNumber(mean);
}
