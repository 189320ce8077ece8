/** Look up segments by id or scheme/id, the two ways other files refer to them. */
import type { LoadedSegment, Workspace } from "./workspace.ts";

export interface SegmentIndex {
  resolve(ref: string): LoadedSegment | undefined;
  /** Every way a segment may be written, for did-you-mean. */
  names(): string[];
}

export function indexSegments(workspace: Workspace): SegmentIndex {
  const byId = new Map<string, LoadedSegment>();
  const byQualified = new Map<string, LoadedSegment>();
  for (const segment of workspace.segments) {
    if (!byId.has(segment.value.id)) byId.set(segment.value.id, segment);
    byQualified.set(`${segment.scheme}/${segment.value.id}`, segment);
  }
  return {
    resolve: (ref) => (ref.includes("/") ? byQualified.get(ref) : byId.get(ref)),
    names: () => [...byId.keys(), ...byQualified.keys()].sort(),
  };
}
