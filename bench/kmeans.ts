/**
 * k-means on 1,000,000 × 8 uniform random values (seeded), k = 5: Seg against
 * scikit-learn's `KMeans(algorithm="lloyd")` on the same matrix, alternated in
 * one run so that a change in the machine's load hits both alike. Each
 * repetition fits, in turn: Seg on one thread (n_init = 1), Seg on `threads`
 * threads (n_init = 1), scikit-learn (n_init = 1), Seg threaded (n_init = 4),
 * scikit-learn (n_init = 4), then Lloyd's iterations alone from the same
 * k-means++ centres (Seg's first initialization) in Seg (threaded, pool start
 * included) and scikit-learn (`init` = those centres): the like-for-like time
 * per iteration, without the seeding that the n_init = 1 figure spreads over
 * however many iterations each engine's own start needs. scikit-learn runs in one Python process that loads
 * the matrix once and times each fit itself; Seg's fits are timed here the same
 * way (wall time of the fit call). Prints a table, then the figures as JSON on
 * the last line (bench/run.ts stores them).
 *
 *   node bench/kmeans.ts [--reps 5] [--threads N] [--n 1000000] [--d 8] [--k 5]
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fitKMeans, meanVariance } from "../src/engine/cluster/kmeans.ts";
import { kmeansPlusPlus } from "../src/engine/cluster/kmeans-plus-plus.ts";
import { fitKMeansInThreads, KMeansPool } from "../src/engine/cluster/kmeans-pool.ts";
import { lloydSteps, type KMeansFit } from "../src/engine/cluster/lloyd.ts";
import { createMatrix } from "../src/engine/cluster/matrix.ts";
import { mulberry32 } from "../src/engine/stats/seeded-random.ts";
import { PYTHON } from "./machine.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const reps = option("reps", 5);
const threads = option("threads", availableParallelism());
const n = option("n", 1_000_000);
const d = option("d", 8);
const k = option("k", 5);

interface Fit {
  /** "…-lloyd": Lloyd's iterations alone from the same given centres. */
  engine: "seg-1-thread" | "seg" | "scikit-learn" | "seg-lloyd" | "scikit-learn-lloyd";
  nInit: number;
  rep: number;
  seconds: number;
  inertia: number;
  iterations: number;
}

const matrix = createMatrix(n, d);
const random = mulberry32(1);
for (let i = 0; i < matrix.data.length; i++) matrix.data[i] = random();

const dir = mkdtempSync(join(tmpdir(), "seg-kmeans-"));
const file = join(dir, "matrix.f64");
writeFileSync(file, new Uint8Array(matrix.data.buffer));
// The same start for both engines: Seg's first k-means++ initialization (seed 0).
const initial = kmeansPlusPlus(matrix, k, mulberry32(0));
const initialFile = join(dir, "initial.f64");
writeFileSync(initialFile, new Uint8Array(initial.buffer));
const tolerance = 1e-4 * meanVariance(matrix);
const sklearn = existsSync(PYTHON) ? await startSklearn() : undefined;

const fits: Fit[] = [];
const loads: number[] = [loadavg()[0]!];
let identical = true;
try {
  for (let rep = 1; rep <= reps; rep++) {
    const one = timeSeg(() => fitKMeans(matrix, k, { seed: 0, nInit: 1 }));
    fits.push({ engine: "seg-1-thread", nInit: 1, rep, ...summary(one) });
    const threaded = await timeSegAsync(() => fitKMeansInThreads(matrix, k, { seed: 0, nInit: 1 }, threads));
    fits.push({ engine: "seg", nInit: 1, rep, ...summary(threaded) });
    identical &&= sameFit(one.fit, threaded.fit);
    if (sklearn) fits.push({ engine: "scikit-learn", rep, ...(await sklearn.fit(1)) });
    const four = await timeSegAsync(() => fitKMeansInThreads(matrix, k, { seed: 0, nInit: 4 }, threads));
    fits.push({ engine: "seg", nInit: 4, rep, ...summary(four) });
    if (sklearn) fits.push({ engine: "scikit-learn", rep, ...(await sklearn.fit(4)) });
    const lloydOnly = await timeSegAsync(async () => {
      const pool = await KMeansPool.start(matrix, k, threads);
      try {
        return await pool.run(lloydSteps(pool.buffers, initial, k, 300, tolerance));
      } finally {
        await pool.close();
      }
    });
    fits.push({ engine: "seg-lloyd", nInit: 1, rep, ...summary(lloydOnly) });
    if (sklearn) fits.push({ engine: "scikit-learn-lloyd", rep, ...(await sklearn.fit(1, initialFile)) });
    loads.push(loadavg()[0]!);
    process.stderr.write(`kmeans bench: repetition ${rep}/${reps} done\n`);
  }
} finally {
  sklearn?.close();
  rmSync(dir, { recursive: true, force: true });
}

const groups = [...new Set(fits.map((f) => `${f.engine}/${f.nInit}`))].map((key) => {
  const mine = fits.filter((f) => `${f.engine}/${f.nInit}` === key);
  const seconds = mine.map((f) => f.seconds);
  const msPerIteration = mine.map((f) => (f.seconds / f.iterations) * 1000);
  return { engine: mine[0]!.engine, nInit: mine[0]!.nInit, seconds, medianSeconds: median(seconds), minSeconds: Math.min(...seconds), maxSeconds: Math.max(...seconds), inertia: mine[0]!.inertia, iterations: mine.map((f) => f.iterations), medianMsPerIteration: median(msPerIteration) };
});
const pick = (engine: string, nInit: number) => groups.find((g) => g.engine === engine && g.nInit === nInit);
// Seg / scikit-learn within each repetition (the two ran back to back), then the median of those ratios.
const pairRatios = (engine: string, nInit: number, per: (f: Fit) => number, against = "scikit-learn") =>
  fits.filter((f) => f.engine === engine && f.nInit === nInit).flatMap((f) => {
    const other = fits.find((g) => g.engine === against && g.nInit === nInit && g.rep === f.rep);
    return other ? [per(f) / per(other)] : [];
  });
const ratio4 = pairRatios("seg", 4, (f) => f.seconds);
const ratioIteration = pairRatios("seg", 1, (f) => f.seconds / f.iterations);
const ratioLloydIteration = pairRatios("seg-lloyd", 1, (f) => f.seconds / f.iterations, "scikit-learn-lloyd");
const seg4 = pick("seg", 4);
const sk4 = pick("scikit-learn", 4);
const result = {
  n,
  d,
  k,
  threads,
  reps,
  loads: loads.map((x) => Math.round(x * 10) / 10),
  identical,
  groups,
  ratioNInit4: median(ratio4),
  ratiosNInit4: ratio4,
  ratioPerIteration: median(ratioIteration),
  ratiosPerIteration: ratioIteration,
  ratioLloydPerIteration: median(ratioLloydIteration),
  ratiosLloydPerIteration: ratioLloydIteration,
  inertiaDiffNInit4: seg4 && sk4 ? (seg4.inertia - sk4.inertia) / sk4.inertia : null,
  fits,
};

process.stdout.write(`k-means ${n.toLocaleString("en")} × ${d}, k = ${k}, Seg on ${threads} threads, ${reps} repetitions\n`);
process.stdout.write("engine              n_init  median s  (min–max)        inertia  ms/iteration  iterations\n");
for (const g of groups) {
  process.stdout.write(`${g.engine.padEnd(18)} ${String(g.nInit).padStart(7)} ${g.medianSeconds.toFixed(2).padStart(9)}  (${g.minSeconds.toFixed(2)}–${g.maxSeconds.toFixed(2)}) ${g.inertia.toFixed(2).padStart(13)} ${g.medianMsPerIteration.toFixed(1).padStart(13)}  ${g.iterations.join(",")}\n`);
}
process.stdout.write(`Seg / scikit-learn, n_init = 4: ${median(ratio4).toFixed(2)}; per iteration (n_init = 1): ${median(ratioIteration).toFixed(2)}; per Lloyd iteration from the same start: ${median(ratioLloydIteration).toFixed(2)}; threaded fit identical to one thread: ${identical}\n`);
process.stdout.write(`${JSON.stringify(result)}\n`);

function summary(timed: { seconds: number; fit: KMeansFit }) {
  return { seconds: timed.seconds, inertia: timed.fit.inertia, iterations: timed.fit.iterations };
}

function timeSeg(run: () => KMeansFit): { seconds: number; fit: KMeansFit } {
  const start = performance.now();
  const fit = run();
  return { seconds: (performance.now() - start) / 1000, fit };
}

async function timeSegAsync(run: () => Promise<KMeansFit>): Promise<{ seconds: number; fit: KMeansFit }> {
  const start = performance.now();
  const fit = await run();
  return { seconds: (performance.now() - start) / 1000, fit };
}

function sameFit(a: KMeansFit, b: KMeansFit): boolean {
  return Buffer.from(a.centroids.buffer).equals(Buffer.from(b.centroids.buffer)) && Buffer.from(a.labels.buffer).equals(Buffer.from(b.labels.buffer)) && Object.is(a.inertia, b.inertia);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? Number.NaN : sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One Python process holding the matrix; each fit is a line out and a JSON line back. */
async function startSklearn(): Promise<{ fit(nInit: number, init?: string): Promise<{ nInit: number; seconds: number; inertia: number; iterations: number }>; close(): void }> {
  const child = spawn(PYTHON, ["-W", "ignore", join(import.meta.dirname, "kmeans-sklearn.py"), file, String(n), String(d), String(k)], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const line = await lines.next();
    if (line.done) throw new Error("the scikit-learn process ended early");
    return JSON.parse(line.value) as Record<string, number>;
  };
  await next();
  return {
    async fit(nInit, init) {
      child.stdin.write(init === undefined ? `${nInit}\n` : `init ${init}\n`);
      const r = await next();
      return { nInit, seconds: r.seconds!, inertia: r.inertia!, iterations: r.iterations! };
    },
    close() {
      child.stdin.end();
      child.kill();
    },
  };
}
