import { describe, expect, it } from "vitest";
import { fromRows } from "../../../test/support/matrix-rows.ts";
import { featureSkewness } from "./skewness.ts";
import { fitTransform } from "./transform.ts";

describe("featureSkewness", () => {
  // pandas: Series([1, 2, 3, 4, 100]).skew() == 2.2323959116364573; Series([1, 2, 3, 4, 5]).skew() == 0
  const data = fromRows([[1, 1, -1], [2, 2, 2], [3, 3, 3], [4, 4, 4], [100, 5, 100]]);
  const features = ["spend", "even", "signed"];

  it("measures skewness before and after the transform and recommends log1p for skewed non-negative features", () => {
    const { transformed } = fitTransform(data, features, ["standardize"]);
    const [spend, even, signed] = featureSkewness(data, transformed, features, ["standardize"]);
    expect(spend!.skewness).toBeCloseTo(2.2323959116364573, 12);
    expect(spend!.transformedSkewness).toBeCloseTo(2.2323959116364573, 12);
    expect(spend!.recommendLog1p).toBe(true);
    expect(even!.skewness).toBeCloseTo(0, 12);
    expect(even!.recommendLog1p).toBe(false);
    // Skewed, but log1p cannot take −1.
    expect(signed!.recommendLog1p).toBe(false);
  });

  it("does not recommend log1p when it is applied", () => {
    const spendOnly = fromRows([[1], [2], [3], [4], [100]]);
    const { transformed } = fitTransform(spendOnly, ["spend"], ["log1p"]);
    const [spend] = featureSkewness(spendOnly, transformed, ["spend"], ["log1p"]);
    expect(spend!.recommendLog1p).toBe(false);
    expect(Math.abs(spend!.transformedSkewness!)).toBeLessThan(spend!.skewness!);
  });

  it("is null when undefined", () => {
    const flat = fromRows([[1], [1], [1]]);
    expect(featureSkewness(flat, flat, ["x"], [])[0]!.skewness).toBeNull();
    const two = fromRows([[1], [2]]);
    expect(featureSkewness(two, two, ["x"], [])[0]!.skewness).toBeNull();
  });
});
