/**
 * Squared Euclidean distance between two d-long rows of flat row-major arrays,
 * for the serial steps between k-means passes (lloyd.ts). The WebAssembly
 * kernels of the passes (kmeans-kernels.ts) add each distance up in this same
 * order, so a distance gives the same bits everywhere. Small and monomorphic:
 * V8 inlines it into the callers' loops.
 */
export function squaredDistance(a: Float64Array, aOffset: number, b: Float64Array, bOffset: number, d: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) {
    const diff = a[aOffset + j]! - b[bOffset + j]!;
    s += diff * diff;
  }
  return s;
}
