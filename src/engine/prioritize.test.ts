import { describe, expect, it } from "vitest";
import { BASE_CONFIG, BASE_SEGMENT, tempWorkspace } from "../../test/support/temp-workspace.ts";
import type { Factor } from "../schema/prioritization.ts";
import { readWorkspace } from "../workspace/read-workspace.ts";
import { checkWeights, prioritize, prioritizeSegments, roundHalfUp, statedTotalAgrees } from "./prioritize.ts";
import type { SegmentMetrics } from "./segment-metrics.ts";

const methodFactors: Record<string, Factor> = {
  market_size: { label: "Market size", weight: 25, lens: "demand" },
  revenue_potential: { label: "Revenue potential", weight: 25, lens: "demand" },
  fit: { label: "Fit", weight: 20, lens: "capacity" },
  ease_of_acquisition: { label: "Ease of acquisition", weight: 15, lens: "competition" },
  strategic_value: { label: "Strategic value", weight: 15, lens: "capacity" },
};

const score = (a: number, b: number, c: number, d: number, e: number) => ({ market_size: a, revenue_potential: b, fit: c, ease_of_acquisition: d, strategic_value: e });

describe("prioritize", () => {
  // The method's example table: Startups 7.4, Enterprise 7.3, SMB 6.7, Agencies 5.9.
  const rows = prioritize(methodFactors, [
    { id: "startups", scheme: "market", scores: score(7, 5, 9, 8, 9) },
    { id: "enterprise", scheme: "market", scores: score(9, 10, 6, 4, 7) },
    { id: "smb", scheme: "market", scores: score(8, 6, 7, 7, 5) },
    { id: "agencies", scheme: "market", scores: score(5, 6, 8, 6, 4) },
  ]);
  const byId = Object.fromEntries(rows.map((r) => [r.id, r]));

  it("recomputes weighted totals exactly and to one decimal, half up", () => {
    expect(byId.startups!.total).toBe(7.35);
    expect(byId.startups!.totalRounded).toBe(7.4);
    expect(byId.smb!.total).toBe(6.7);
    expect(byId.agencies!.total).toBe(5.85);
    expect(byId.agencies!.totalRounded).toBe(5.9);
  });

  it("finds that the method's example states Enterprise at 7.3 where the weights give 7.6", () => {
    expect(byId.enterprise!.total).toBe(7.6);
    expect(statedTotalAgrees(7.3, byId.enterprise!.total)).toBe(false);
  });

  it("ranks by the recomputed total, so Enterprise comes first, not Startups", () => {
    expect(rows.map((r) => [r.id, r.rank])).toEqual([
      ["startups", 2],
      ["enterprise", 1],
      ["smb", 3],
      ["agencies", 4],
    ]);
  });

  it("computes lens subtotals as weighted means", () => {
    expect(byId.enterprise!.lenses.demand).toBe(9.5);
    expect(byId.enterprise!.lenses.competition).toBe(4);
    expect(byId.enterprise!.lenses.capacity).toBeCloseTo((6 * 20 + 7 * 15) / 35, 9);
  });

  it("gives tied totals the same rank", () => {
    const tied = prioritize(methodFactors, [
      { id: "a", scheme: "s", scores: score(5, 5, 5, 5, 5) },
      { id: "b", scheme: "s", scores: score(5, 5, 5, 5, 5) },
      { id: "c", scheme: "s", scores: score(1, 1, 1, 1, 1) },
    ]);
    expect(tied.map((r) => r.rank)).toEqual([1, 1, 3]);
  });

  it("leaves the total undefined and lists the factors that lack a score", () => {
    const [row] = prioritize(methodFactors, [{ id: "a", scheme: "s", scores: { market_size: 5 } }]);
    expect(Number.isNaN(row!.total)).toBe(true);
    expect(row!.rank).toBe(0);
    expect(row!.missing).toEqual(["revenue_potential", "fit", "ease_of_acquisition", "strategic_value"]);
  });

  it("accepts weights written as fractions", () => {
    const fractions = Object.fromEntries(Object.entries(methodFactors).map(([k, f]) => [k, { ...f, weight: f.weight / 100 }]));
    expect(checkWeights(fractions).scale).toBe("fraction");
    const [row] = prioritize(fractions, [{ id: "startups", scheme: "m", scores: score(7, 5, 9, 8, 9) }]);
    expect(row!.total).toBe(7.35);
  });

  it("flags weights that sum to neither 100 nor 1", () => {
    expect(checkWeights({ ...methodFactors, fit: { ...methodFactors.fit!, weight: 25 } })).toEqual({ sum: 105, scale: "invalid" });
  });
});

describe("statedTotalAgrees", () => {
  it("accepts any correct rounding at the stated precision", () => {
    expect(statedTotalAgrees(7.4, 7.35)).toBe(true);
    expect(statedTotalAgrees(7.35, 7.35)).toBe(true);
    expect(statedTotalAgrees(7, 7.35)).toBe(true);
    expect(statedTotalAgrees(7.2, 7.35)).toBe(false);
    expect(statedTotalAgrees(7.36, 7.35)).toBe(false);
  });

  it("rounds half up despite binary noise", () => {
    expect(roundHalfUp(1.005 * 100 / 100, 2)).toBe(1.01);
    expect(roundHalfUp(7.35, 1)).toBe(7.4);
  });
});

describe("prioritizeSegments", () => {
  // size is derived from the segment's share of members: share 0 scores 1, share 0.5 scores 10.
  const config = BASE_CONFIG.replace("    size: { label: Size, weight: 60, lens: demand }", "    size: { label: Size, weight: 60, lens: demand, derive: { metric: share, from: 0, to: 0.5 } }");
  const light = BASE_SEGMENT.replace("id: heavy", "id: light").replace("name: Heavy users", "name: Light users").replace(">= 40", "< 5").replace("scores: { size: 5, fit: 5 }", "scores: { fit: 9 }");
  const gone = light.replace("id: light", "id: gone").replace("name: Light users", "name: Gone").replace("status: active", "status: retired");
  const metrics = (segment: string, share: number): SegmentMetrics => ({ scheme: "usage", segment, count: 1, share, value: null, valueShare: null, rfm: null, metrics: {}, comparisons: [] });

  it("scores the segments of the prioritized schemes that are not retired, with derived factors only when metrics are given", () => {
    const ws = tempWorkspace({ "segmentation.yaml": config, "segments/usage/light.yaml": light, "segments/usage/gone.yaml": gone });
    try {
      const { workspace } = readWorkspace(ws.root);
      const definitions = prioritizeSegments(workspace)!;
      expect(definitions.segments.map((s) => s.value.id).sort()).toEqual(["heavy", "light"]);
      const light = definitions.rows.find((r) => r.id === "light")!;
      expect(light.missing).toEqual(["size"]);
      expect(Number.isNaN(light.total)).toBe(true);
      // Stated scores win over derived ones; light's size comes from its share (0.25 → 5.5).
      const withData = prioritizeSegments(workspace, (_scheme, id) => metrics(id, id === "light" ? 0.25 : 0.5))!;
      expect(withData.scored.find((s) => s.id === "light")!.scores).toEqual({ fit: 9, size: 5.5 });
      expect(withData.scored.find((s) => s.id === "heavy")!.scores).toEqual({ size: 5, fit: 5 });
      expect(withData.rows.find((r) => r.id === "light")!.total).toBeCloseTo(0.6 * 5.5 + 0.4 * 9, 10);
    } finally {
      ws.remove();
    }
  });

  it("returns nothing for a workspace without prioritization", () => {
    const ws = tempWorkspace({ "segmentation.yaml": BASE_CONFIG.slice(0, BASE_CONFIG.indexOf("prioritization:")) });
    try {
      expect(prioritizeSegments(readWorkspace(ws.root).workspace)).toBeUndefined();
    } finally {
      ws.remove();
    }
  });
});
