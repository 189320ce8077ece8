import { describe, expect, it } from "vitest";
import { didYouMean } from "./did-you-mean.ts";

const features = ["active_days_90d", "plan", "mrr", "seats", "region", "industry"];

describe("didYouMean", () => {
  it("suggests the closest candidate within a few edits", () => {
    expect(didYouMean("actve_days_90d", features)).toBe("active_days_90d");
    expect(didYouMean("active_day_90d", features)).toBe("active_days_90d");
    expect(didYouMean("palns", features)).toBe("plan");
    expect(didYouMean("regoin", features)).toBe("region");
  });

  it("prefers a candidate that differs only in case", () => {
    expect(didYouMean("PLAN", ["plan", "plans"])).toBe("plan");
    expect(didYouMean("Plans", ["plan", "plans"])).toBe("plans");
  });

  it("suggests nothing when no candidate is close", () => {
    expect(didYouMean("revenue", features)).toBeUndefined();
    expect(didYouMean("xy", ["ab", "x"])).toBeUndefined();
    expect(didYouMean("plan", [])).toBeUndefined();
  });

  it("never suggests the word itself", () => {
    expect(didYouMean("plan", ["plan"])).toBeUndefined();
  });

  it("breaks ties by sort order, whatever order the candidates come in", () => {
    expect(didYouMean("cat", ["bat", "hat", "eat"])).toBe("bat");
    expect(didYouMean("cat", ["hat", "eat", "bat"])).toBe("bat");
  });

  it("accepts any iterable, such as a map's keys", () => {
    expect(didYouMean("sets", new Map([["seats", 1]]).keys())).toBe("seats");
  });
});
