/** The segments of a scheme that take members, in the order they are evaluated. */
import type { LoadedSegment } from "./workspace.ts";

/** Retired segments left out; by `order`, then id. */
export function schemeSegments(segments: readonly LoadedSegment[], scheme: string): LoadedSegment[] {
  return segments
    .filter((s) => s.scheme === scheme && s.value.status !== "retired")
    .sort((a, b) => (a.value.order ?? Number.MAX_SAFE_INTEGER) - (b.value.order ?? Number.MAX_SAFE_INTEGER) || (a.value.id < b.value.id ? -1 : 1));
}
