/**
 * Mean silhouette coefficient (Rousseeuw 1987), as scikit-learn's
 * `silhouette_score`: for each row, a = mean distance to the rest of its
 * cluster, b = the lowest mean distance to another cluster, s = (b − a) / max(a, b),
 * and s = 0 for a row alone in its cluster. Euclidean distances, O(s²·d) over a
 * deterministic sample of at most `sample` rows; every pair is computed once.
 */
import { mulberry32 } from "../stats/seeded-random.ts";
import type { Matrix } from "./matrix.ts";
import { pairSums } from "./silhouette-kernel.ts";

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

/** One clustering of a matrix's rows: each row's cluster among k. */
export interface Labeling {
  labels: Int32Array;
  k: number;
}

/**
 * The mean silhouette of each labeling of the same rows (the fits of every k), on the same
 * sample: each pair's distance is computed once and added to every labeling's sums, where
 * computing it once per labeling spent most of the time on the same square roots. Each
 * labeling's sums receive the same additions in the same order as alone, so every score
 * is what it would be alone, to the bit. A score is null when its labeling puts
 * the rows in fewer than 2 clusters.
 */
export function silhouetteScores(matrix: Matrix, labelings: readonly Labeling[], options: SilhouetteOptions): (number | null)[] {
  const rows = sampleRows(matrix.n, options.sample ?? SILHOUETTE_SAMPLE, options.seed);
  const s = rows.length;
  const { data, d } = matrix;
  const sizes = labelings.map(({ labels, k }) => {
    const size = new Float64Array(k);
    for (let r = 0; r < s; r++) size[labels[rows[r]!]!]!++;
    return size;
  });
  const scored = labelings.flatMap((labeling, i) => (sizes[i]!.filter((count) => count > 0).length >= 2 ? [i] : []));
  const f = scored.length;
  // Each row has `width` sums: the k of each scored labeling, one after another; cell[r·f + i] is row r's own cluster's in labeling i.
  const offsets = new Int32Array(f);
  let width = 0;
  for (let i = 0; i < f; i++) {
    offsets[i] = width;
    width += labelings[scored[i]!]!.k;
  }
  const cell = new Int32Array(s * f);
  for (let i = 0; i < f; i++) {
    const labels = labelings[scored[i]!]!.labels;
    for (let r = 0; r < s; r++) cell[r * f + i] = offsets[i]! + labels[rows[r]!]!;
  }

  // The sampled rows' values, gathered in sample order, for the pair loop (silhouette-kernel.ts).
  const values = new Float64Array(s * d);
  for (let r = 0; r < s; r++) values.set(data.subarray(rows[r]! * d, rows[r]! * d + d), r * d);
  const sums = pairSums({ values, s, d, f, width, cells: cell });

  const scores: (number | null)[] = labelings.map(() => null);
  for (let i = 0; i < f; i++) scores[scored[i]!] = meanSilhouette(sums, width, offsets[i]!, labelings[scored[i]!]!, rows, sizes[scored[i]!]!);
  return scores;
}

/** The mean over the sampled rows of one labeling's silhouettes, from its sums (at `offset` in each row's `width`). */
function meanSilhouette(sums: Float64Array, width: number, offset: number, { labels, k }: Labeling, rows: Int32Array, size: Float64Array): number {
  const s = rows.length;
  let total = 0;
  for (let r = 0; r < s; r++) {
    const lr = labels[rows[r]!]!;
    if (size[lr]! <= 1) continue;
    const at = r * width + offset;
    const a = sums[at + lr]! / (size[lr]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) {
      if (c !== lr && size[c]! > 0) b = Math.min(b, sums[at + c]! / size[c]!);
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
