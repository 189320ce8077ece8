import { describe, expect, it } from "vitest";
import type { DiffResult } from "./diff-result.ts";
import { evaluateFailOn, parseFailOn } from "./fail-on.ts";

const figures = (count: number, share: number, rank: number | null) => ({ count, share, value: null, valueShare: null, total: null, rank });

const result = {
  base: { recomputed: true },
  head: { recomputed: true },
  findings: {
    added: [{ ruleId: "weights-sum", severity: "error", message: "The weights sum to 110.", file: "segmentation.yaml", line: 1, column: 1, endLine: 1, endColumn: 1 }],
    fixed: [],
  },
  schemes: [
    {
      scheme: "usage",
      segments: [
        { segment: "heavy", name: "Heavy", base: figures(10, 0.1, 1), head: figures(17, 0.17, 2), delta: { count: 7, share: 0.07, value: null, valueShare: null, rank: 1 } },
        { segment: "light", name: "Light", base: figures(90, 0.9, 2), head: figures(83, 0.83, 1), delta: { count: -7, share: -0.07, value: null, valueShare: null, rank: -1 } },
      ],
      migration: { exclusive: true, members: 100, moved: 7, added: 0, removed: 0, cells: [], flows: [] },
    },
  ],
} as unknown as DiffResult;

describe("--fail-on", () => {
  it("parses comma-separated conditions with and without numbers", () => {
    expect(parseFailOn("share-change:5, new-errors")).toEqual({ conditions: [{ name: "share-change", threshold: 5 }, { name: "new-errors" }] });
  });

  it.each([
    ["share-change", "--fail-on share-change needs a number, e.g. share-change:5."],
    ["share-change:x", "--fail-on share-change needs a number, e.g. share-change:5."],
    ["new-errors:3", "--fail-on new-errors takes no number."],
    ["biggest", 'unknown --fail-on condition "biggest"'],
    [",", "--fail-on needs at least one condition"],
  ])("rejects %j", (text, message) => {
    const parsed = parseFailOn(text);
    expect("error" in parsed && parsed.error).toContain(message);
  });

  it("holds when a share moves more than the points given", () => {
    const at = (text: string) => evaluateFailOn((parseFailOn(text) as { conditions: never[] }).conditions, result);
    expect(at("share-change:5")).toEqual(["usage/heavy share 10.0% → 17.0% moves more than 5 points", "usage/light share 90.0% → 83.0% moves more than 5 points"]);
    expect(at("share-change:7.5")).toEqual([]);
    expect(at("moved:5")).toEqual(["7.0% of usage's customers change segment (more than 5%)"]);
    expect(at("moved:10")).toEqual([]);
    expect(at("rank-change")).toHaveLength(2);
    expect(at("new-errors")).toEqual(["new error in segmentation.yaml: The weights sum to 110."]);
  });

  it("compares sizes only when both sides were recomputed", () => {
    const broken = { ...result, base: { recomputed: false } } as unknown as DiffResult;
    const conditions = (parseFailOn("share-change:1,rank-change,new-errors") as { conditions: never[] }).conditions;
    expect(evaluateFailOn(conditions, broken)).toEqual(["new error in segmentation.yaml: The weights sum to 110."]);
  });
});
