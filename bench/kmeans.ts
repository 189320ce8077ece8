/**
 * k-means on 1,000,000 × 8 uniform random values, k = 5 (DESIGN §9: within 2× of
 * scikit-learn's Lloyd, same inertia within 0.1%). Runs ours, then scikit-learn
 * on the same matrix when /usr/bin/python3 has it; with --ml-kmeans also one
 * ml-kmeans initialization (about half a minute).
 *
 *   node bench/kmeans.ts [n] [d] [k] [--ml-kmeans]
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { kmeans as mlKmeans } from "ml-kmeans";
import { fitKMeans } from "../src/engine/cluster/kmeans.ts";
import { createMatrix } from "../src/engine/cluster/matrix.ts";
import { toRows } from "../test/support/matrix-rows.ts";
import { mulberry32 } from "../src/engine/stats/seeded-random.ts";

const args = process.argv.slice(2);
const [n = 1_000_000, d = 8, k = 5] = args.filter((a) => !a.startsWith("--")).map(Number);
const N_INITS = [1, 4];
const PYTHON = "/usr/bin/python3";

const matrix = createMatrix(n, d);
const random = mulberry32(1);
for (let i = 0; i < matrix.data.length; i++) matrix.data[i] = random();

const rows: { engine: string; nInit: number; seconds: number; inertia: number; iterations: number }[] = [];
for (const nInit of N_INITS) {
  const start = performance.now();
  const fit = fitKMeans(matrix, k, { seed: 0, nInit });
  rows.push({ engine: "seg", nInit, seconds: (performance.now() - start) / 1000, inertia: fit.inertia, iterations: fit.iterations });
}

if (args.includes("--ml-kmeans")) {
  const rowsOfArrays = toRows(matrix);
  const start = performance.now();
  const result = mlKmeans(rowsOfArrays, k, { seed: 0, maxIterations: 300 });
  const inertia = rowsOfArrays.reduce((s, row, i) => s + row.reduce((t, v, j) => t + (v - result.centroids[result.clusters[i]!]![j]!) ** 2, 0), 0);
  rows.push({ engine: "ml-kmeans", nInit: 1, seconds: (performance.now() - start) / 1000, inertia, iterations: result.iterations });
}

const dir = mkdtempSync(join(tmpdir(), "seg-kmeans-"));
try {
  const file = join(dir, "matrix.f64");
  writeFileSync(file, new Uint8Array(matrix.data.buffer));
  const script = join(import.meta.dirname, "kmeans-sklearn.py");
  if (existsSync(PYTHON)) {
    const out = execFileSync(PYTHON, ["-W", "ignore", script, file, String(n), String(d), String(k), ...N_INITS.map(String)], { encoding: "utf8" });
    for (const line of out.trim().split("\n")) {
      const r = JSON.parse(line) as { n_init: number; seconds: number; inertia: number; iterations: number };
      rows.push({ engine: "scikit-learn", nInit: r.n_init, seconds: r.seconds, inertia: r.inertia, iterations: r.iterations });
    }
  }
} catch (error) {
  process.stderr.write(`scikit-learn reference skipped: ${(error as Error).message.split("\n")[0]}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

process.stdout.write(`k-means ${n.toLocaleString("en")} × ${d}, k = ${k}\n`);
process.stdout.write("engine        n_init  seconds       inertia  iterations\n");
for (const r of rows) {
  process.stdout.write(`${r.engine.padEnd(12)} ${String(r.nInit).padStart(7)} ${r.seconds.toFixed(2).padStart(8)} ${r.inertia.toFixed(2).padStart(13)} ${String(r.iterations).padStart(11)}\n`);
}
