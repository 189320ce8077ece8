import { describe, expect, it } from "vitest";
import { nameClusters } from "./name-clusters.ts";

const features = ["active_days_90d", "workflow_runs_90d", "tickets_90d"];
const base = { features, means: [20, 30, 2], sds: [10, 15, 1] };

describe("nameClusters", () => {
  it("names a cluster by its one or two most extreme features", () => {
    const profiles = nameClusters({
      ...base,
      labels: { active_days_90d: "active days", workflow_runs_90d: "workflow runs" },
      centroids: [
        [40, 60, 2.1], // z = 2, 2, 0.1
        [5, 28, 2], // z = -1.5, -0.13, 0
        [21, 31, 2.1], // all near 0
      ],
    });
    expect(profiles.map((p) => p.name)).toEqual(["High active days, high workflow runs", "Low active days", "Typical"]);
    expect(profiles[0]!.z).toEqual([2, 2, 0.10000000000000009]);
    expect(profiles[1]!.namedBy).toEqual(["active_days_90d"]);
  });

  it("writes feature names with spaces when no label is given", () => {
    expect(nameClusters({ ...base, centroids: [[20, 30, 5]] })[0]!.name).toBe("High tickets 90d");
  });

  it("makes clashing names unique, with a further feature first and a number last", () => {
    const profiles = nameClusters({
      ...base,
      centroids: [
        [50, 45, 3], // z = 3, 1, 1: clashes with the next on two features
        [50, 45, 1], // z = 3, 1, −1
        [50, 45, 3], // identical to the first
        [20, 30, 2], // typical
      ],
    });
    expect(profiles.map((p) => p.name)).toEqual([
      "High active days 90d, high workflow runs 90d, high tickets 90d",
      "High active days 90d, high workflow runs 90d, low tickets 90d",
      "High active days 90d, high workflow runs 90d, high tickets 90d (2)",
      "Typical",
    ]);
  });

  it("does not lengthen names that further features cannot tell apart", () => {
    const names = nameClusters({ ...base, centroids: [[50, 30, 2], [50, 30, 2]] }).map((p) => p.name);
    expect(names).toEqual(["High active days 90d", "High active days 90d (2)"]);
  });
});
