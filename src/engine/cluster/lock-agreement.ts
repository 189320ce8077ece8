/**
 * How much the clustering moved since the previous lock, on the rows fitted
 * now: each row's previous cluster is its nearest previous centroid (in the
 * current transformed space), its current cluster is its label. Reports the
 * adjusted Rand index between the two (DESIGN's `cluster-instability` rule) and
 * the share of rows whose cluster id stayed the same.
 */
import { adjustedRandIndex, contingencyOf } from "./agreement.ts";
import type { Matrix } from "./matrix.ts";

export interface LockAgreement {
  ari: number | null;
  /** Share of rows whose (stable) cluster id is unchanged. */
  sameIdShare: number | null;
  rows: number;
}

export function lockAgreement(matrix: Matrix, labels: Int32Array, ids: readonly string[], previousCentroids: readonly (readonly number[])[], previousIds: readonly string[]): LockAgreement {
  const { data, n, d } = matrix;
  if (n === 0 || previousCentroids.length === 0) return { ari: null, sameIdShare: null, rows: n };
  const before = new Array<string>(n);
  const after = new Array<string>(n);
  let same = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestDistance = Infinity;
    previousCentroids.forEach((centroid, c) => {
      let s = 0;
      for (let j = 0; j < d; j++) s += (data[i * d + j]! - centroid[j]!) ** 2;
      if (s < bestDistance) {
        bestDistance = s;
        best = c;
      }
    });
    before[i] = previousIds[best]!;
    after[i] = ids[labels[i]!]!;
    if (before[i] === after[i]) same++;
  }
  return { ari: adjustedRandIndex(contingencyOf(before, after)), sameIdShare: same / n, rows: n };
}
