import { describe, expect, it } from "vitest";
import { fromRows, toRows } from "../../../test/support/matrix-rows.ts";
import { applyTransform, fitTransform, invertPoint, log1pProblem, transformPoint } from "./transform.ts";

const data = fromRows([
  [0, 10, 5],
  [9, 20, 5],
  [99, 60, 5],
]);
const features = ["visits", "spend", "flat"];

describe("fitTransform", () => {
  it("standardizes with the population standard deviation, as StandardScaler", () => {
    const { transform, transformed } = fitTransform(data, features, ["standardize"]);
    const step = transform.steps[0]!;
    expect(step.kind === "standardize" && step.means).toEqual([36, 30, 5]);
    const sd = Math.sqrt(((0 - 36) ** 2 + (9 - 36) ** 2 + (99 - 36) ** 2) / 3);
    expect(toRows(transformed).map((r) => r[0])).toEqual([(0 - 36) / sd, (9 - 36) / sd, (99 - 36) / sd]);
  });

  it("only centres a feature without spread", () => {
    const { transform, transformed } = fitTransform(data, features, ["standardize"]);
    expect(transform.steps[0]!.kind === "standardize" && transform.steps[0]!.sds[2]).toBe(1);
    expect(toRows(transformed).map((r) => r[2])).toEqual([0, 0, 0]);
  });

  it("applies log1p then standardize, in the declared order", () => {
    const { transform, transformed } = fitTransform(data, features, ["log1p", "standardize"]);
    const logs = [0, Math.log(10), Math.log(100)];
    const mean = (logs[0]! + logs[1]! + logs[2]!) / 3;
    expect(transform.steps[1]!.kind === "standardize" && transform.steps[1]!.means[0]).toBeCloseTo(mean, 14);
    expect(applyTransform(transform, data)).toEqual(transformed);
  });

  it("rejects negative values under log1p, naming the feature", () => {
    expect(() => fitTransform(fromRows([[1, -2, 0]]), features, ["log1p"])).toThrow('log1p needs values of 0 or more, but "spend" has -2');
  });

  it("inverts points back to original units", () => {
    const { transform } = fitTransform(data, features, ["log1p", "standardize"]);
    const point = transformPoint(transform, [9, 20, 5]);
    invertPoint(transform, point).forEach((v, j) => expect(v).toBeCloseTo([9, 20, 5][j]!, 10));
  });
});

describe("log1pProblem", () => {
  it("explains negative minimums and log1p after standardize", () => {
    expect(log1pProblem(["log1p", "standardize"], ["a", "b"], [0, 3])).toBeNull();
    expect(log1pProblem(["standardize"], ["a"], [-5])).toBeNull();
    expect(log1pProblem(["log1p"], ["a", "b"], [-1.5, null])).toBe('log1p needs values of 0 or more, but "a" (minimum -1.5) has negative values.');
    expect(log1pProblem(["standardize", "log1p"], ["a"], [0])).toMatch(/^log1p comes after standardize/);
  });
});
