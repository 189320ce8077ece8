import { describe, expect, it } from "vitest";
import { fromRows } from "../../../test/support/matrix-rows.ts";
import { stableClusterIds, type PreviousClusters } from "./stable-ids.ts";
import { fitTransform, transformPoint } from "./transform.ts";

const features = ["days", "runs"];
const { transform } = fitTransform(fromRows([[0, 0], [10, 100], [20, 200]]), features, ["standardize"]);
const previous: PreviousClusters = {
  features,
  clusters: [
    { id: "cluster-1", name: "Low days", centroid: [1, 10] },
    { id: "cluster-2", name: "High days", centroid: [19, 190] },
    { id: "cluster-4", name: "Typical", centroid: [10, 100] },
  ],
};
const at = (days: number, runs: number) => transformPoint(transform, [days, runs]);

describe("stableClusterIds", () => {
  it("numbers clusters in order without a previous lock", () => {
    expect(stableClusterIds([at(0, 0), at(5, 5)], transform, undefined).matches.map((m) => m.id)).toEqual(["cluster-1", "cluster-2"]);
  });

  it("keeps the ids of the nearest previous centroids, whatever the new order", () => {
    const { matches, retired } = stableClusterIds([at(18, 180), at(11, 105), at(2, 12)], transform, previous);
    expect(matches.map((m) => m.id)).toEqual(["cluster-2", "cluster-4", "cluster-1"]);
    expect(matches[0]).toMatchObject({ previousId: "cluster-2", previousName: "High days" });
    expect(matches[0]!.distance).toBeGreaterThan(0);
    expect(retired).toEqual([]);
  });

  it("minimizes the total distance rather than matching greedily", () => {
    // The first centroid sits nearest cluster-4, but giving it cluster-4 would leave the second far from everything else.
    const { matches } = stableClusterIds([at(8, 80), at(10.5, 105), at(1, 10)], transform, {
      features,
      clusters: previous.clusters.filter((c) => c.id !== "cluster-2").concat({ id: "cluster-2", name: "Mid-low", centroid: [6, 60] }),
    });
    expect(matches.map((m) => m.id)).toEqual(["cluster-2", "cluster-4", "cluster-1"]);
  });

  it("gives new clusters fresh ids past every previous id and lists retired ones", () => {
    const more = stableClusterIds([at(1, 10), at(19, 190), at(10, 100), at(30, 300)], transform, previous);
    expect(more.matches.map((m) => m.id)).toEqual(["cluster-1", "cluster-2", "cluster-4", "cluster-5"]);
    expect(more.matches[3]).toMatchObject({ previousId: null, distance: null });
    const fewer = stableClusterIds([at(1, 10), at(19, 190)], transform, previous);
    expect(fewer.retired).toEqual(["cluster-4"]);
  });

  it("reorders previous centroids by feature name and starts afresh when features differ", () => {
    const swapped: PreviousClusters = { features: ["runs", "days"], clusters: [{ id: "cluster-7", name: "x", centroid: [190, 19] }] };
    expect(stableClusterIds([at(19, 190)], transform, swapped).matches[0]!.id).toBe("cluster-7");
    const other: PreviousClusters = { features: ["days", "tickets"], clusters: [{ id: "cluster-7", name: "x", centroid: [19, 1] }] };
    expect(stableClusterIds([at(19, 190)], transform, other).matches[0]!.id).toBe("cluster-1");
  });
});
