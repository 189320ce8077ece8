/**
 * Mean silhouette coefficient (Rousseeuw 1987), as scikit-learn's
 * `silhouette_score`: for each row, a = mean distance to the rest of its
 * cluster, b = the lowest mean distance to another cluster, s = (b − a) / max(a, b),
 * and s = 0 for a row alone in its cluster. Euclidean distances, O(s²·d) over a
 * deterministic sample of at most `sample` rows; every pair is computed once.
 */
import { mulberry32 } from "../stats/seeded-random.ts";
import type { Matrix } from "./matrix.ts";

/**
 * Above this many rows the silhouette is computed on a seeded sample of this
 * many (3,000² / 2 = 4.5 million distances per k); at or below it, on every row.
 */
export const SILHOUETTE_SAMPLE = 3000;

/** Rows the silhouette of n rows is computed on: all of them, or the sample. */
export function silhouetteRows(n: number, sample = SILHOUETTE_SAMPLE): number {
  return Math.min(n, sample);
}

export interface SilhouetteOptions {
  /** At most this many rows (default 3,000); all rows when there are fewer. */
  sample?: number;
  seed: number;
}

/** The mean silhouette, or null when the rows span fewer than 2 clusters. */
export function silhouetteScore(matrix: Matrix, labels: Int32Array, k: number, options: SilhouetteOptions): number | null {
  const rows = sampleRows(matrix.n, options.sample ?? SILHOUETTE_SAMPLE, options.seed);
  const s = rows.length;
  const { data, d } = matrix;
  const label = new Int32Array(s);
  const size = new Float64Array(k);
  for (let r = 0; r < s; r++) size[(label[r] = labels[rows[r]!]!)]!++;
  if (size.filter((count) => count > 0).length < 2) return null;

  const sums = new Float64Array(s * k);
  const x = new Float64Array(d);
  for (let r = 0; r < s; r++) {
    const row = rows[r]! * d;
    for (let j = 0; j < d; j++) x[j] = data[row + j]!;
    const own = r * k;
    const lr = label[r]!;
    for (let t = r + 1; t < s; t++) {
      const other = rows[t]! * d;
      let sq = 0;
      for (let j = 0; j < d; j++) {
        const diff = x[j]! - data[other + j]!;
        sq += diff * diff;
      }
      const distance = Math.sqrt(sq);
      sums[own + label[t]!]! += distance;
      sums[t * k + lr]! += distance;
    }
  }

  let total = 0;
  for (let r = 0; r < s; r++) {
    const lr = label[r]!;
    if (size[lr]! <= 1) continue;
    const a = sums[r * k + lr]! / (size[lr]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) {
      if (c !== lr && size[c]! > 0) b = Math.min(b, sums[r * k + c]! / size[c]!);
    }
    const spread = Math.max(a, b);
    if (spread > 0) total += (b - a) / spread;
  }
  return total / s;
}

/** Row indices, ascending: all rows, or a seeded uniform sample without replacement. */
export function sampleRows(n: number, sample: number, seed: number): Int32Array {
  if (n <= sample) return Int32Array.from({ length: n }, (_, i) => i);
  const random = mulberry32(seed);
  const chosen = new Set<number>();
  // Floyd's algorithm: `sample` draws, no array of n.
  for (let j = n - sample; j < n; j++) {
    const t = Math.floor(random() * (j + 1));
    chosen.add(chosen.has(t) ? j : t);
  }
  return Int32Array.from(chosen).sort();
}
