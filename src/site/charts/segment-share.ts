/** Segment page: where the segment sits in its scheme's distribution of members. */
import { formatCount, formatPercent } from "../../text/number-format.ts";
import type { ChartSpec } from "./chart.ts";
import { COLORS } from "./chart-theme.ts";

export interface SegmentShareInput {
  segmentId: string;
  segmentName: string;
  schemeLabel: string;
  /** Every segment of the scheme (and the unassigned rest), in scheme order. */
  rows: { name: string; count: number; share: number; current: boolean }[];
  statedShare: number | undefined;
}

export function segmentShareChart(input: SegmentShareInput): ChartSpec {
  const current = input.rows.find((r) => r.current);
  const values = input.rows.map((r, order) => ({ ...r, order, highlight: r.current ? input.segmentName : "Other segments" }));
  const stated = input.statedShare;
  return {
    id: `segment-${input.segmentId}-share`,
    title: `${input.segmentName} among the ${input.schemeLabel} segments`,
    description:
      `Bars give the share of members of each ${input.schemeLabel} segment, with ${input.segmentName} highlighted` +
      (current ? ` at ${formatPercent(current.share)} (${formatCount(current.count)} members)` : "") +
      (stated !== undefined ? `; the team's stated share is ${formatPercent(stated)}, drawn as a vertical line.` : "."),
    spec: {
      width: 300,
      height: { step: 22 },
      data: { values },
      layer: [
        {
          mark: { type: "bar" },
          encoding: {
            y: { field: "name", type: "nominal", sort: input.rows.map((r) => r.name), title: null },
            x: { field: "share", type: "quantitative", axis: { format: "%", tickCount: 5 }, title: "Share of members" },
            color: { field: "highlight", type: "nominal", scale: { domain: [input.segmentName, "Other segments"], range: [COLORS.primary, COLORS.neutral] }, legend: null },
          },
        },
        {
          mark: { type: "text", align: "left", dx: 4 },
          encoding: {
            y: { field: "name", type: "nominal", sort: input.rows.map((r) => r.name) },
            x: { field: "share", type: "quantitative" },
            text: { field: "share", type: "quantitative", format: ".1%" },
          },
        },
        ...(stated !== undefined
          ? [{ data: { values: [{ stated }] }, mark: { type: "rule" as const, strokeDash: [4, 3], color: COLORS.negative, strokeWidth: 2 }, encoding: { x: { field: "stated", type: "quantitative" as const } } }]
          : []),
      ],
    },
    table: {
      columns: [{ label: "Segment" }, { label: "Members", numeric: true }, { label: "Share", numeric: true }],
      rows: input.rows.map((r) => [r.current ? `${r.name} (this segment)` : r.name, formatCount(r.count), formatPercent(r.share)]),
    },
  };
}
