/** Segments the company means to serve: active ones and proposed ones under discussion. */
import type { Segment } from "../../schema/segment.ts";

export function isServed(segment: { value: Segment }): boolean {
  return segment.value.status === "active" || segment.value.status === "proposed";
}
