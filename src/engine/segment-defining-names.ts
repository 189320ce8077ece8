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
 * define nothing for the others. Computed for every segment at once: the rules
 * compare segments pair by pair, and a workspace may hold thousands.
 */
export function definingNamesBySegment(
  segments: readonly LoadedSegment[],
  config: Pick<Config, "features" | "sources" | "schemes">,
  expressions: ReadonlyMap<string, Expr>,
): Map<LoadedSegment, string[]> {
  const own = new Map<LoadedSegment, string[]>();
  const ownOf = (s: LoadedSegment): string[] => {
    let names = own.get(s);
    if (names === undefined) {
      const ast = expressions.get(s.file.path);
      names = ast ? definingNames(ast, config) : [];
      own.set(s, names);
    }
    return names;
  };
  // In an exclusive scheme, the union of the names of the segments checked before each one (one pass in order).
  const before = new Map<LoadedSegment, readonly string[]>();
  for (const scheme of new Set(segments.map((s) => s.scheme))) {
    if (!config.schemes[scheme]?.exclusive) continue;
    const running = new Set<string>();
    for (const s of schemeSegments(segments, scheme)) {
      before.set(s, [...running]);
      for (const name of ownOf(s)) running.add(name);
    }
  }
  return new Map(segments.map((s) => [s, [...new Set([...ownOf(s), ...(before.get(s) ?? [])])].sort()]));
}
