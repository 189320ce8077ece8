/** A segment's members over the committed versions of the lock: the small trend on its page. */
import { formatCount } from "../../text/number-format.ts";
import type { ChartSpec } from "./chart.ts";
import { COLORS } from "./chart-theme.ts";

export interface TrendPoint {
  /** "2026-03-05 · 1a2b3c4", unique per version. */
  version: string;
  count: number;
}

export function segmentTrendChart(input: { segmentId: string; segmentName: string; points: readonly TrendPoint[] }): ChartSpec {
  const first = input.points[0];
  const last = input.points.at(-1);
  const order = input.points.map((p) => p.version);
  return {
    id: `segment-${input.segmentId}-trend`,
    title: `Members of ${input.segmentName} over time`,
    description:
      `Line chart of the members of ${input.segmentName} in each of the ${input.points.length} committed versions of segments.lock.json. ` +
      (first && last ? `It went from ${formatCount(first.count)} (${first.version}) to ${formatCount(last.count)} (${last.version}).` : ""),
    spec: {
      width: 420,
      height: 160,
      data: { values: input.points.map((p) => ({ version: p.version, members: p.count })) },
      mark: { type: "line", color: COLORS.primary, point: { filled: true, size: 50 } },
      encoding: {
        x: { field: "version", type: "ordinal", sort: order, axis: { labelAngle: -30, labelExpr: "split(datum.label, ' · ')[0]" }, title: "Commit date of the lock version" },
        y: { field: "members", type: "quantitative", scale: { zero: false, padding: 12 }, title: "Members" },
      },
    },
    table: {
      columns: [{ label: "Version" }, { label: "Members", numeric: true }],
      rows: input.points.map((p) => [p.version, formatCount(p.count)]),
    },
  };
}
