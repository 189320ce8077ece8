/** Changes: the members of every segment of one scheme over the committed versions of the lock. */
import { formatCount } from "../../text/number-format.ts";
import type { ChartSpec } from "./chart.ts";

export interface ChangesMembersInput {
  /** The scheme's position on the page (ids from old locks are data, never part of a file name). */
  index: number;
  label: string;
  /** Versions oldest first, e.g. "2026-03-05 · 1a2b3c4". */
  versions: readonly string[];
  /** One row per segment and version it appears in. */
  rows: readonly { version: string; segment: string; count: number }[];
}

export function changesMembersChart(input: ChangesMembersInput): ChartSpec {
  const segments = [...new Set(input.rows.map((r) => r.segment))];
  return {
    id: `changes-members-${input.index + 1}`,
    title: `${input.label}: members per segment over time`,
    description:
      `Line chart with one line per segment of the ${input.label} scheme (${segments.join(", ")}), giving its members in each of the ${input.versions.length} committed versions of segments.lock.json, oldest on the left.`,
    spec: {
      width: 520,
      height: 220,
      data: { values: input.rows.map((r) => ({ version: r.version, segment: r.segment, members: r.count })) },
      mark: { type: "line", point: { filled: true, size: 40 } },
      encoding: {
        x: { field: "version", type: "ordinal", sort: [...input.versions], axis: { labelAngle: -30, labelExpr: "split(datum.label, ' · ')[0]" }, title: "Commit date of the lock version" },
        y: { field: "members", type: "quantitative", title: "Members" },
        color: { field: "segment", type: "nominal", sort: segments, title: null },
      },
    },
    table: {
      columns: [{ label: "Version" }, { label: "Segment" }, { label: "Members", numeric: true }],
      rows: input.rows.map((r) => [r.version, r.segment, formatCount(r.count)]),
    },
  };
}
