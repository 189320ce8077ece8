/**
 * definingNamesBySegment computes every segment's defining names in one pass
 * (rules compare segments pair by pair; a 1,000-segment workspace once took
 * 305 s when each pair walked its scheme again). Here the one pass is held to
 * the plain definition on the root example and on the Mall example: a
 * segment's own names, plus in an exclusive scheme the names of every segment
 * checked before it.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { checkDefinitions } from "../../src/api/check.ts";
import { definingNamesBySegment } from "../../src/engine/segment-defining-names.ts";
import { definingNames } from "../../src/expr/defining-names.ts";
import { schemeSegments } from "../../src/workspace/scheme-segments.ts";

const REPO = resolve(import.meta.dirname, "../..");

describe.each([
  { name: "the root example", root: REPO },
  { name: "examples/mall", root: resolve(REPO, "examples/mall") },
])("definingNamesBySegment on $name", ({ root }) => {
  const { workspace, expressions } = checkDefinitions({ root, today: "2026-11-23" });
  const config = workspace.config!.value;
  const own = (path: string) => {
    const ast = expressions.get(path);
    return ast ? definingNames(ast, config) : [];
  };

  it("gives each segment its own names and, in an exclusive scheme, those of the segments before it", () => {
    const computed = definingNamesBySegment(workspace.segments, config, expressions);
    expect(computed.size).toBe(workspace.segments.length);
    let widened = 0;
    for (const segment of workspace.segments) {
      const names = new Set(own(segment.file.path));
      if (config.schemes[segment.scheme]?.exclusive) {
        const ordered = schemeSegments(workspace.segments, segment.scheme);
        for (const earlier of ordered.slice(0, Math.max(0, ordered.indexOf(segment)))) for (const name of own(earlier.file.path)) names.add(name);
      }
      if (names.size > own(segment.file.path).length) widened++;
      expect(computed.get(segment), segment.file.path).toEqual([...names].sort());
    }
    // The exclusive schemes really add names to later segments (else this would test nothing about them).
    expect(widened).toBeGreaterThan(0);
  });
});
