/**
 * Squared Euclidean distance between two d-long rows of flat row-major arrays:
 * the one loop every k-means pass (kmeans-chunk.ts) and the serial steps
 * between passes (lloyd.ts) share, so each distance is added up in the same
 * order everywhere and gives the same bits. Small and monomorphic: V8 inlines
 * it into the callers' loops (bench/kmeans.ts measured no slowdown).
 */
export function squaredDistance(a: Float64Array, aOffset: number, b: Float64Array, bOffset: number, d: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) {
    const diff = a[aOffset + j]! - b[bOffset + j]!;
    s += diff * diff;
  }
  return s;
}
