import type { Expr } from "../expr/ast.ts";
import { definingNames } from "../expr/defining-names.ts";
import type { Config } from "../schema/config.ts";
import type { LoadedSegment } from "../workspace/workspace.ts";
import { schemeSegments } from "../workspace/scheme-segments.ts";

/**
 * The names that define a segment (definingNames of its `where:`). In an
 * exclusive scheme the first matching segment wins, so a later segment is also
 * defined by not matching the segments before it (by order, then id): a
 * catch-all after `annual_income >= 70 and spending_score >= 60` is defined by
 * income and score too, and a difference there proves nothing about it (rules
 * differentiable and undifferentiated). Retired segments take no members and
 * define nothing for the others.
 */
export function segmentDefiningNames(
  segment: LoadedSegment,
  segments: readonly LoadedSegment[],
  config: Pick<Config, "features" | "sources" | "schemes">,
  expressions: ReadonlyMap<string, Expr>,
): string[] {
  const own = (s: LoadedSegment): string[] => {
    const ast = expressions.get(s.file.path);
    return ast ? definingNames(ast, config) : [];
  };
  const names = new Set(own(segment));
  if (config.schemes[segment.scheme]?.exclusive) {
    const ordered = schemeSegments(segments, segment.scheme);
    const index = ordered.indexOf(segment);
    for (const earlier of ordered.slice(0, Math.max(0, index))) for (const name of own(earlier)) names.add(name);
  }
  return [...names].sort();
}
