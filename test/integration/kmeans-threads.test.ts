/**
 * k-means split over worker threads (KMeansPool) gives the one-thread fit to
 * the bit on real data: the Online Retail customers' RFM (recency, frequency,
 * monetary), log1p and standardized as examples/online-retail clusters them,
 * for every k of its range. The matrix is below the size where Seg starts
 * threads on its own, so the pool is started directly.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KMeansPool } from "../../src/engine/cluster/kmeans-pool.ts";
import { fitKMeans, fitKMeansSteps } from "../../src/engine/cluster/kmeans.ts";
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

describe("k-means on worker threads, Online Retail RFM", () => {
  it.skipIf(missing)(`labels, centroids and inertia equal the one-thread fit for k = 2…8, on 2 and 3 threads${missing ? ` — skipped: ${missing}` : ""}`, async () => {
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
    const { transformed } = fitTransform(read.matrix, features, ["log1p", "standardize"]);
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
