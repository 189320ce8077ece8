/**
 * Prioritization: value × potential. Current value share (from the data)
 * against the recomputed priority score, split at the medians into four
 * quadrants.
 */
import { formatNumber, formatPercent } from "../../text/number-format.ts";
import type { ChartSpec } from "./chart.ts";
import { COLORS } from "./chart-theme.ts";

export interface ValuePotentialInput {
  points: { name: string; value: number; potential: number; quadrant: string }[];
  medianValue: number;
  medianPotential: number;
}

export function valuePotentialChart(input: ValuePotentialInput): ChartSpec {
  const maxValue = Math.max(0.05, ...input.points.map((p) => p.value)) * 1.15;
  const quadrantLabels = [
    { x: input.medianValue + (maxValue - input.medianValue) / 2, y: 9.6, text: "Protect and grow" },
    { x: input.medianValue / 2, y: 9.6, text: "Develop" },
    { x: input.medianValue + (maxValue - input.medianValue) / 2, y: 0.6, text: "Maintain" },
    { x: input.medianValue / 2, y: 0.6, text: "Deprioritize" },
  ];
  return {
    id: "prioritization-quadrant",
    title: "Value × potential: where each segment stands",
    description:
      `Scatter plot of ${input.points.length} segments: horizontal position is the share of current value, vertical position the recomputed priority score. ` +
      `Dashed lines at the medians (${formatPercent(input.medianValue)} of value, score ${formatNumber(input.medianPotential, 2)}) split the plane into protect and grow (top right), develop (top left), maintain (bottom right) and deprioritize (bottom left). ` +
      input.points.map((p) => `${p.name}: ${p.quadrant.toLowerCase()}`).join("; ") +
      ".",
    spec: {
      width: 520,
      height: 340,
      layer: [
        {
          data: { values: quadrantLabels },
          mark: { type: "text", fontWeight: 600, opacity: 0.55 },
          encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" }, text: { field: "text" } },
        },
        {
          data: { values: [{ v: input.medianValue }] },
          mark: { type: "rule", strokeDash: [4, 4], color: COLORS.neutral },
          encoding: { x: { field: "v", type: "quantitative" } },
        },
        {
          data: { values: [{ p: input.medianPotential }] },
          mark: { type: "rule", strokeDash: [4, 4], color: COLORS.neutral },
          encoding: { y: { field: "p", type: "quantitative" } },
        },
        {
          data: { values: input.points },
          mark: { type: "circle", size: 140, opacity: 0.9, color: COLORS.primary },
          encoding: {
            x: { field: "value", type: "quantitative", scale: { domain: [0, maxValue], nice: false }, axis: { format: "%" }, title: "Share of current value" },
            y: { field: "potential", type: "quantitative", scale: { domain: [0, 10] }, title: "Priority score (potential)" },
          },
        },
        {
          data: { values: input.points },
          mark: { type: "text", align: "left", dx: 9, dy: -2, fontSize: 12, fontWeight: 600 },
          encoding: { x: { field: "value", type: "quantitative" }, y: { field: "potential", type: "quantitative" }, text: { field: "name" } },
        },
      ],
    },
    table: {
      columns: [{ label: "Segment" }, { label: "Share of value", numeric: true }, { label: "Priority score", numeric: true }, { label: "Quadrant" }],
      rows: input.points.map((p) => [p.name, formatPercent(p.value), formatNumber(p.potential, 2), p.quadrant]),
    },
  };
}
