/**
 * `seg check` on many segments does work in proportion to the segments, not to
 * their pairs. Rules compare segments pair by pair; a 1,000-segment workspace
 * once took 305 s because each pair recomputed the defining names of its
 * whole exclusive scheme (O(n³)). Counted, not timed: how often a segment's
 * `where:` is walked for its defining names over a whole check of the example
 * plus 150 generated segments (bench/generate-segments.ts).
 */
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it, vi } from "vitest";
import { generateSegmentsWorkspace } from "../../bench/generate-segments.ts";
import { check } from "../../src/api/check.ts";
import { definingNames } from "../../src/expr/defining-names.ts";

// A counting wrapper around the real function (same results), not a stand-in.
vi.mock("../../src/expr/defining-names.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/expr/defining-names.ts")>();
  return { ...original, definingNames: vi.fn(original.definingNames) };
});

const GENERATED = 150;
const root = generateSegmentsWorkspace(GENERATED);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("seg check on the example plus 150 generated segments", () => {
  it("walks each segment's definition a bounded number of times, whatever the number of pairs", async () => {
    vi.mocked(definingNames).mockClear();
    const result = await check({ root, today: "2026-11-23", cache: false, threads: 1 });
    const segments = result.workspace.segments.length;
    expect(segments).toBeGreaterThanOrEqual(GENERATED);
    // The data rules ran (they compare the segments pair by pair: ~6,000 pairs within the two schemes here).
    expect(result.data).toBeDefined();
    const calls = vi.mocked(definingNames).mock.calls.length;
    expect(calls).toBeGreaterThan(0);
    // 2 walks per segment today (the engine's IDSAA and rule undifferentiated); the pairwise regression made 980,076 here.
    expect(calls).toBeLessThanOrEqual(8 * segments);
  });
});
