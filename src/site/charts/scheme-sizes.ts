/** Overview: each segment's share of members next to its share of value, one chart per scheme. */
import { formatCount, formatPercent } from "../../text/number-format.ts";
import type { ChartSpec } from "./chart.ts";
import { COLORS } from "./chart-theme.ts";

export interface SchemeSizesInput {
  scheme: string;
  label: string;
  segments: { name: string; count: number; share: number; valueShare: number | null }[];
}

export function schemeSizesChart(input: SchemeSizesInput): ChartSpec {
  const hasValue = input.segments.some((s) => s.valueShare !== null);
  const values = input.segments.flatMap((s, order) => [
    { segment: s.name, order, measure: "Share of members", share: s.share },
    ...(hasValue ? [{ segment: s.name, order, measure: "Share of value", share: s.valueShare ?? 0 }] : []),
  ]);
  const biggest = [...input.segments].sort((a, b) => b.share - a.share)[0];
  const richest = hasValue ? [...input.segments].sort((a, b) => (b.valueShare ?? 0) - (a.valueShare ?? 0))[0] : undefined;
  return {
    id: `overview-${input.scheme}`,
    title: `${input.label}: share of members${hasValue ? " and of value" : ""} by segment`,
    description:
      `Horizontal bars for the ${input.segments.length} segments of the ${input.label} scheme${hasValue ? ", two per segment: share of members and share of value" : ""}. ` +
      (biggest ? `${biggest.name} is the largest with ${formatPercent(biggest.share)} of members` : "") +
      (richest ? `; ${richest.name} holds the most value with ${formatPercent(richest.valueShare)}.` : "."),
    spec: {
      width: 560,
      height: { step: hasValue ? 16 : 22 },
      data: { values },
      mark: { type: "bar", tooltip: false },
      encoding: {
        y: { field: "segment", type: "nominal", sort: input.segments.map((s) => s.name), title: null },
        ...(hasValue ? { yOffset: { field: "measure", type: "nominal" } } : {}),
        x: { field: "share", type: "quantitative", axis: { format: "%", tickCount: 5 }, title: null },
        color: { field: "measure", type: "nominal", scale: { range: [COLORS.primary, COLORS.secondary] }, title: null },
      },
    },
    table: {
      columns: [{ label: "Segment" }, { label: "Members", numeric: true }, { label: "Share of members", numeric: true }, ...(hasValue ? [{ label: "Share of value", numeric: true }] : [])],
      rows: input.segments.map((s) => [s.name, formatCount(s.count), formatPercent(s.share), ...(hasValue ? [formatPercent(s.valueShare)] : [])]),
    },
  };
}
