import { describe, expect, it } from "vitest";
import type { HypothesisResult } from "../engine/hypotheses.ts";
import { diffHypotheses } from "./hypothesis-diff.ts";

const result = (id: string, verdict: HypothesisResult["verdict"]): HypothesisResult => ({
  id,
  verdict,
  kind: "difference-of-proportions",
  alternative: "greater",
  alpha: 0.05,
  groups: [
    { label: "A", n: 10, value: 0.5 },
    { label: "B", n: 10, value: 0.2 },
  ],
  test: null,
  summary: `${id} → ${verdict}.`,
});

describe("diffHypotheses", () => {
  it("lists verdicts that change, appear or disappear, by id", () => {
    expect(diffHypotheses([result("b", "supported"), result("a", "supported"), result("gone", "inconclusive")], [result("a", "supported"), result("b", "rejected"), result("new", "supported")])).toEqual([
      { id: "b", base: "supported", head: "rejected", summary: "b → rejected." },
      { id: "gone", base: "inconclusive", head: null, summary: "gone → inconclusive." },
      { id: "new", base: null, head: "supported", summary: "new → supported." },
    ]);
  });

  it("has nothing to say when a side was not recomputed", () => {
    expect(diffHypotheses(undefined, [result("a", "rejected")])).toEqual([]);
  });
});
