/**
 * The k search on worker threads gives chooseK's result to the bit, on the
 * Telco churn customers (tenure, monthly and total charges, standardized).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dataPath, missingData } from "../../../test/support/shared-data.ts";
import { chooseKInParallel, fitKInWorkers } from "./choose-k-parallel.ts";
import { chooseK } from "./choose-k.ts";
import { fitKMeans } from "./kmeans.ts";
import { createMatrix, type Matrix } from "./matrix.ts";

const TELCO = ["telco-churn", "Telco-Customer-Churn.csv"] as const;
const missing = missingData(...TELCO);
const titled = (title: string) => (missing ? `${title} — skipped: ${missing}` : title);

/** tenure, MonthlyCharges, TotalCharges of every customer with all three, standardized per column. */
function telcoMatrix(): Matrix {
  const [header, ...lines] = readFileSync(dataPath(...TELCO), "utf8").trim().split(/\r?\n/);
  const columns = header!.split(",");
  const picks = ["tenure", "MonthlyCharges", "TotalCharges"].map((name) => columns.indexOf(name));
  const rows = lines.map((line) => line.split(",")).map((cells) => picks.map((i) => (cells[i]!.trim() === "" ? Number.NaN : Number(cells[i]))));
  const complete = rows.filter((row) => row.every(Number.isFinite));
  const matrix = createMatrix(complete.length, picks.length);
  for (let j = 0; j < picks.length; j++) {
    const values = complete.map((row) => row[j]!);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    complete.forEach((row, i) => (matrix.data[i * picks.length + j] = (row[j]! - mean) / sd));
  }
  return matrix;
}

describe("chooseKInParallel", () => {
  it.skipIf(missing)(titled("fits each k on worker threads exactly as in this thread"), async () => {
    const matrix = telcoMatrix();
    expect(matrix.n).toBe(7032);
    const options = { seed: 7, nInit: 2, silhouetteSample: 1000 };
    const fits = await fitKInWorkers(matrix, [5, 3, 4], options, 2);
    expect(fits.map((f) => f.k).sort()).toEqual([3, 4, 5]);
    for (const fit of fits) {
      const here = fitKMeans(matrix, fit.k, { seed: options.seed, nInit: options.nInit });
      expect(fit.inertia).toBe(here.inertia);
      expect(fit.iterations).toBe(here.iterations);
      expect(Array.from(fit.labels)).toEqual(Array.from(here.labels));
      expect(Array.from(fit.centroids)).toEqual(Array.from(here.centroids));
    }
  });

  it.skipIf(missing)(titled("chooses the same k with the same candidates and fit as chooseK"), async () => {
    const matrix = telcoMatrix();
    const options = { seed: 42, nInit: 2, silhouetteSample: 800 };
    const range = { min: 2, max: 5 };
    const serial = chooseK(matrix, range, options);
    const parallel = await chooseKInParallel(matrix, range, options, 2);
    expect(parallel.k).toBe(serial.k);
    expect(parallel.candidates).toEqual(serial.candidates);
    expect(Array.from(parallel.fit.labels)).toEqual(Array.from(serial.fit.labels));
    expect(parallel.fits.map((f) => f.inertia)).toEqual(serial.fits.map((f) => f.inertia));
  });

  it("rejects a k range the matrix cannot hold, as chooseK does", async () => {
    const matrix = createMatrix(4, 2);
    await expect(chooseKInParallel(matrix, { min: 2, max: 4 }, { seed: 1 }, 2)).rejects.toThrow("k up to 4 needs more than 4 rows, got 4");
  });
});
