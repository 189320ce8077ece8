import { describe, expect, it } from "vitest";
import { fetchTally } from "./fetch-tally.ts";

describe("fetchTally", () => {
  it("adds rows by step in the order the steps first ran, and counts only data rows as rows of data", () => {
    const tally = fetchTally();
    tally.add("checks", 1);
    tally.add("digest", 1);
    tally.add("checks", 1);
    tally.add("features", 4338);
    tally.add("rows of shop.orders", 10_000);
    tally.add("rows of shop.orders", 3);
    expect(tally.bySteps()).toEqual({ checks: 2, digest: 1, features: 4338, "rows of shop.orders": 10_003 });
    expect(Object.keys(tally.bySteps())).toEqual(["checks", "digest", "features", "rows of shop.orders"]);
    expect(tally.dataRows()).toBe(4338 + 10_003);
  });

  it("counts the clustering sample as rows of data and the row of aggregates as none", () => {
    const tally = fetchTally();
    tally.add("checks", 1);
    tally.add("clustering sample", 1000);
    tally.add("aggregates", 1);
    expect(tally.bySteps()).toEqual({ checks: 1, "clustering sample": 1000, aggregates: 1 });
    expect(tally.dataRows()).toBe(1000);
  });

  it("starts empty", () => {
    expect(fetchTally().bySteps()).toEqual({});
    expect(fetchTally().dataRows()).toBe(0);
  });
});
