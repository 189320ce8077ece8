import { describe, expect, it } from "vitest";
import { lockAgreement } from "./lock-agreement.ts";
import { fromRows } from "../../../test/support/matrix-rows.ts";

describe("lockAgreement", () => {
  const rows = fromRows([[0], [1], [2], [10], [11], [12]]);
  const labels = Int32Array.from([0, 0, 0, 1, 1, 1]);

  it("is 1 when the previous centroids split the rows the same way under the same ids", () => {
    expect(lockAgreement(rows, labels, ["cluster-1", "cluster-2"], [[1], [11]], ["cluster-1", "cluster-2"])).toEqual({ ari: 1, sameIdShare: 1, rows: 6 });
  });

  it("separates partition agreement (ARI) from id agreement", () => {
    const swapped = lockAgreement(rows, labels, ["cluster-1", "cluster-2"], [[1], [11]], ["cluster-2", "cluster-1"]);
    expect(swapped).toEqual({ ari: 1, sameIdShare: 0, rows: 6 });
  });

  it("measures a moved boundary", () => {
    // Before, rows 0 and 1 were nearest the first centroid (1 on a tie) and row 2 the second: only row 2 changed.
    const moved = lockAgreement(rows, labels, ["a", "b"], [[0], [2]], ["a", "b"]);
    expect(moved.sameIdShare).toBe(5 / 6);
    expect(moved.ari).toBeLessThan(1);
  });

  it("is null without rows or previous centroids", () => {
    expect(lockAgreement(rows, labels, ["a", "b"], [], [])).toEqual({ ari: null, sameIdShare: null, rows: 6 });
  });
});
