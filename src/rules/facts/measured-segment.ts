/**
 * What the data measured for one segment. A scheme that was measured but has
 * no row for a segment means the segment has no members (the engine only
 * reports segments that someone falls in); an unmeasured scheme gives undefined.
 */
import type { SchemeMetrics, SegmentMetrics } from "../../engine/segment-metrics.ts";
import type { DataFacts } from "../define-rule.ts";

export function measuredScheme(data: DataFacts | undefined, scheme: string): SchemeMetrics | undefined {
  return data?.schemes.find((s) => s.scheme === scheme);
}

export function measuredSegment(data: DataFacts | undefined, scheme: string, id: string): SegmentMetrics | undefined {
  const measured = measuredScheme(data, scheme);
  if (!measured) return undefined;
  return (
    measured.segments.find((s) => s.segment === id) ?? {
      scheme,
      segment: id,
      count: 0,
      share: 0,
      value: null,
      valueShare: null,
      rfm: null,
      metrics: {},
      comparisons: [],
    }
  );
}
