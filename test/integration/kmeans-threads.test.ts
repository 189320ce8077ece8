/**
 * k-means on real data: the Online Retail customers' RFM (recency, frequency,
 * monetary), log1p and standardized as examples/online-retail clusters them
 * (4,338 rows: two chunks of rows).
 *
 * Split over worker threads (KMeansPool), the fit is the one-thread fit to the
 * bit, for every k of its range. The matrix is below the size where Seg starts
 * threads on its own, so the pool is started directly.
 *
 * Every Lloyd pass labels each row as the brute-force loop over all centres
 * does, though Hamerly's bounds skip most distances, and the final exact pass
 * gives the inertia of a scan of every centre to the bit; the sums kept per chunk,
 * which later passes update with only the rows that change label, equal a
 * fresh sum of the rows by label.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKMeansBuffers, PHASE, type KMeansBuffers } from "../../src/engine/cluster/kmeans-buffers.ts";
import { runChunk } from "../../src/engine/cluster/kmeans-chunk.ts";
import { KMeansPool } from "../../src/engine/cluster/kmeans-pool.ts";
import { fitKMeans, fitKMeansSteps } from "../../src/engine/cluster/kmeans.ts";
import type { Matrix } from "../../src/engine/cluster/matrix.ts";
import { readMatrix } from "../../src/engine/cluster/read-matrix.ts";
import { fitTransform } from "../../src/engine/cluster/transform.ts";
import { openDatabase, type Database } from "../../src/engine/duckdb.ts";
import { dataPath, missingData } from "../support/shared-data.ts";

const RETAIL = ["online-retail", "online_retail.csv.gz"] as const;
const missing = missingData(...RETAIL);

let db: Database;
beforeAll(async () => {
  db = await openDatabase();
});
afterAll(() => db?.close());

let retail: Promise<Matrix> | undefined;
/** The customers' RFM matrix, read once for the tests of this file. */
function retailMatrix(): Promise<Matrix> {
  retail ??= (async () => {
    const file = dataPath(...RETAIL).replaceAll("'", "''");
    await db.run(`CREATE OR REPLACE TABLE transactions AS
      SELECT * FROM read_csv_auto('${file}', header = true)
      WHERE CustomerID IS NOT NULL AND Quantity > 0 AND UnitPrice > 0`);
    await db.run(`CREATE OR REPLACE TABLE features AS
      SELECT CustomerID AS member_id,
             floor(epoch((SELECT max(InvoiceDate) FROM transactions) + INTERVAL 1 DAY - max(InvoiceDate)) / 86400) AS recency,
             count(DISTINCT InvoiceNo) AS frequency,
             sum(Quantity * UnitPrice) AS monetary
      FROM transactions GROUP BY CustomerID ORDER BY CustomerID`);
    const features = ["recency", "frequency", "monetary"];
    const read = await readMatrix(db, features, { sample: 10_000, seed: 42 });
    return fitTransform(read.matrix, features, ["log1p", "standardize"]).transformed;
  })();
  return retail;
}

describe("k-means on worker threads, Online Retail RFM", () => {
  it.skipIf(missing)(`labels, centroids and inertia equal the one-thread fit for k = 2…8, on 2 and 3 threads${missing ? ` — skipped: ${missing}` : ""}`, async () => {
    const transformed = await retailMatrix();
    expect(transformed.n).toBe(4338);

    for (const threads of [2, 3]) {
      const pool = await KMeansPool.start(transformed, 8, threads);
      try {
        for (let k = 2; k <= 8; k++) {
          const options = { seed: 42, nInit: 10 };
          const single = fitKMeans(transformed, k, options);
          const threaded = await pool.run(fitKMeansSteps(transformed, pool.buffers, k, options));
          const context = `k = ${k}, ${threads} threads`;
          expect(Buffer.from(threaded.centroids.buffer).equals(Buffer.from(single.centroids.buffer)), context).toBe(true);
          expect(Buffer.from(threaded.labels.buffer).equals(Buffer.from(single.labels.buffer)), context).toBe(true);
          expect(Object.is(threaded.inertia, single.inertia), context).toBe(true);
          expect(threaded.iterations, context).toBe(single.iterations);
        }
        expect(pool.chunksByWorkers).toBeGreaterThan(0);
      } finally {
        await pool.close();
      }
    }
  }, 300_000);
});

describe("Lloyd passes with Hamerly's bounds and sums kept by chunk, Online Retail RFM", () => {
  it.skipIf(missing)(`label every row as the brute-force loop does and keep the sums of a fresh pass, for k = 2…8${missing ? ` — skipped: ${missing}` : ""}`, async () => {
    const matrix = await retailMatrix();
    expect(matrix.n).toBeGreaterThan(4096);
    let passes = 0;
    let bounded = 0;
    let exactPasses = 0;
    for (let k = 2; k <= 8; k++) {
      const buffers = createKMeansBuffers(matrix, k);
      const steps = fitKMeansSteps(matrix, buffers, k, { seed: 42, nInit: 3 });
      for (let step = steps.next(); !step.done; step = steps.next()) {
        // The centres of the pass: the driver moves them only after the pass.
        const centres = Float64Array.from(buffers.centroids.subarray(0, k * matrix.d));
        for (let chunk = 0; chunk < buffers.chunks; chunk++) runChunk(buffers, step.value, chunk);
        if (step.value !== PHASE.assign && step.value !== PHASE.assignFirst && step.value !== PHASE.exact) continue;
        passes++;
        const nearest = bruteForceLabels(matrix, centres, k);
        for (let i = 0; i < matrix.n; i++) if (nearest[i] !== buffers.labels[i]) expect.fail(`k = ${k}, pass ${passes}: row ${i} labelled ${buffers.labels[i]}, nearest centre ${nearest[i]}`);
        if (step.value === PHASE.exact) {
          exactPasses++;
          // The inertia of a scan of every centre, added row by row within each chunk, then chunk by chunk.
          expect(Array.from(buffers.chunkTotals.subarray(0, buffers.chunks)), `k = ${k}, exact pass`).toEqual(bruteForceInertias(matrix, centres, nearest, buffers.chunks));
          continue;
        }
        expectFreshSums(buffers, k, `k = ${k}, pass ${passes}`);
        if (step.value === PHASE.assign) bounded++;
      }
    }
    // Later passes (the bounded ones, with sums updated row by row) were checked, not only first ones.
    expect(bounded).toBeGreaterThan(50);
    expect(exactPasses).toBe(7 * 3);
  }, 300_000);
});

/** Nearest centre of every row over all k centres, first on ties. */
function bruteForceLabels(matrix: Matrix, centres: Float64Array, k: number): Int32Array {
  const { data, n, d } = matrix;
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (data[i * d + j]! - centres[c * d + j]!) ** 2;
      if (s < best) {
        best = s;
        labels[i] = c;
      }
    }
  }
  return labels;
}

/** Each chunk's sum of squared distances to the given labels' centres, row by row. */
function bruteForceInertias(matrix: Matrix, centres: Float64Array, labels: Int32Array, chunks: number): number[] {
  const { data, n, d } = matrix;
  const totals: number[] = [];
  for (let chunk = 0; chunk < chunks; chunk++) {
    let total = 0;
    for (let i = chunk * 4096; i < Math.min(n, (chunk + 1) * 4096); i++) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const diff = data[i * d + j]! - centres[labels[i]! * d + j]!;
        s += diff * diff;
      }
      total += s;
    }
    totals.push(total);
  }
  return totals;
}

/** Each chunk's counts equal its rows by label; its sums equal theirs within rounding. */
function expectFreshSums(b: KMeansBuffers, k: number, context: string): void {
  const { data, d, sumStride, countStride, labels, n } = b;
  for (let chunk = 0; chunk < b.chunks; chunk++) {
    const sums = new Float64Array(k * d);
    const counts = new Float64Array(k);
    let scale = 0;
    for (let i = chunk * 4096; i < Math.min(n, (chunk + 1) * 4096); i++) {
      counts[labels[i]!]!++;
      for (let j = 0; j < d; j++) {
        sums[labels[i]! * d + j]! += data[i * d + j]!;
        scale += Math.abs(data[i * d + j]!);
      }
    }
    expect(Array.from(b.chunkCounts.subarray(chunk * countStride, chunk * countStride + k)), context).toEqual(Array.from(counts));
    for (let x = 0; x < k * d; x++) expect(Math.abs(b.chunkSums[chunk * sumStride + x]! - sums[x]!), context).toBeLessThan(scale * 1e-13);
  }
}
