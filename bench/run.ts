/**
 * `npm run bench`: every benchmark of DESIGN §9, each result kept in
 * bench/results/<name>.json, and BENCHMARKS.md rewritten from all of them with
 * the machine's details. Timings are whole processes under /usr/bin/time
 * (median of several runs after a warm-up), never inside unit tests.
 *
 *   node bench/run.ts [--only online-retail,kmeans,large,check,check-warm,commands,site-build,dev] [--runs N] [--large-sizes 10000000,100000000]
 *     [--warm-size 100000000]
 *
 * The large end-to-end run generates 10,000,000 invoices (once, into the temp
 * folder) and takes minutes; --only lets the others be rerun without it.
 * --large-sizes adds bigger sets (100,000,000 invoices: 2.4 GB of Parquet, about
 * a minute to generate and minutes to lock), opt-in for that reason. --warm-size
 * runs the warm check on another size (default 10,000,000 invoices; 100,000,000
 * needs some 8 GB and two minutes for the cold run that fills the cache).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { slowestStatements, type StepProfileRow } from "../src/cli/step-profiler.ts";
import { generateLarge, LARGE_DATA } from "./generate-large.ts";
import { generateSegmentsWorkspace } from "./generate-segments.ts";
import { describeMachine, PYTHON } from "./machine.ts";
import { lastJson, measure, median, type Measurement } from "./measure.ts";
import { renderBenchmarks } from "./render-benchmarks.ts";

const REPO = resolve(import.meta.dirname, "..");
const RESULTS = join(REPO, "bench/results");
const NODE = process.execPath;
const RETAIL_DATA = resolve(REPO, "../shared/data/online-retail");

const BENCHMARKS: Record<string, (runs: number) => Promise<object> | object> = {
  "online-retail": onlineRetail,
  kmeans,
  large,
  check,
  "check-warm": checkWarm,
  commands,
  "site-build": siteBuild,
  dev,
};

const args = process.argv.slice(2);
const only = optionValue("--only")?.split(",");
const runs = Number(optionValue("--runs") ?? 5);
const machine = await describeMachine();
mkdirSync(RESULTS, { recursive: true });
for (const [name, bench] of Object.entries(BENCHMARKS)) {
  if (only && !only.includes(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  const started = Date.now();
  const loadBefore = loadavg()[0]!;
  const result = await bench(runs);
  // The 1-minute load average before and after: on a shared machine, the context every figure needs.
  const load = [loadBefore, loadavg()[0]!].map((x) => Math.round(x * 10) / 10);
  writeFileSync(join(RESULTS, `${name}.json`), `${JSON.stringify({ name, date: new Date().toISOString().slice(0, 10), load, machine, result }, null, 2)}\n`);
  process.stderr.write(`bench: ${name} done in ${Math.round((Date.now() - started) / 1000)} s\n`);
}
writeFileSync(join(REPO, "BENCHMARKS.md"), renderBenchmarks(RESULTS));
process.stderr.write("bench: wrote BENCHMARKS.md\n");

function optionValue(name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

function timing(m: Measurement) {
  return { runs: m.runs, seconds: m.seconds, peakMb: m.peakMb, medianSeconds: m.medianSeconds, medianPeakMb: m.medianPeakMb };
}

/** Online Retail through Seg and through pandas + scikit-learn, alternating, and whether the numbers agree. */
function onlineRetail(runs: number) {
  const data = join(RETAIL_DATA, "online_retail.csv.gz");
  if (!existsSync(data)) return { skipped: `${data} not found` };
  const dir = join(RESULTS, ".online-retail");
  mkdirSync(dir, { recursive: true });
  try {
    // The compile cache on from the start, in the folder bin/seg.js's enableCompileCache uses: the bench's entry is
    // TypeScript, which would otherwise be type-stripped (loading Node's stripper, 0.15 s of CPU) before it can turn
    // the cache on itself; bin/seg.js is JavaScript and needs no stripping.
    const compileCached = { ...process.env, NODE_COMPILE_CACHE: join(tmpdir(), "node-compile-cache") };
    // Alternate the two (A B A B …, the first pair a warm-up), so a change in the machine's load hits both alike.
    const segRuns: Measurement[] = [];
    const pandasRuns: Measurement[] = [];
    for (let i = 0; i <= runs; i++) {
      const a = measure(NODE, [join(REPO, "bench/online-retail-seg.ts"), RETAIL_DATA, join(dir, "seg.csv")], { runs: 1, warmup: 0, env: compileCached });
      const b = measure(PYTHON, ["-W", "ignore", join(REPO, "bench/online-retail-pandas.py"), data, join(dir, "pandas.csv")], { runs: 1, warmup: 0 });
      if (i > 0) segRuns.push(a), pandasRuns.push(b);
    }
    const seg = combine(segRuns);
    const pandas = combine(pandasRuns);
    const pairRatios = segRuns.map((a, i) => a.medianSeconds / pandasRuns[i]!.medianSeconds);
    type Figures = { rows: number; customers: number; fitted: number; k: number; candidates: { k: number; inertia: number; silhouette: number }[]; memberships: Record<string, number> };
    const a = lastJson<Figures>(seg.stdout);
    const b = lastJson<Figures>(pandas.stdout);
    const relative = (x: number, y: number) => Math.abs(x - y) / Math.abs(y);
    const perK = a.candidates.map((c, i) => ({ k: c.k, inertia: [c.inertia, b.candidates[i]!.inertia], silhouette: [c.silhouette, b.candidates[i]!.silhouette], inertiaDiff: relative(c.inertia, b.candidates[i]!.inertia), silhouetteDiff: relative(c.silhouette, b.candidates[i]!.silhouette) }));
    return {
      seg: timing(seg),
      pandas: timing(pandas),
      ratio: median(pairRatios),
      pairRatios,
      agreement: {
        rows: [a.rows, b.rows],
        customers: [a.customers, b.customers],
        fitted: [a.fitted, b.fitted],
        k: [a.k, b.k],
        rfmMismatches: rfmMismatches(join(dir, "seg.csv"), join(dir, "pandas.csv")),
        membershipsEqual: JSON.stringify(sorted(a.memberships)) === JSON.stringify(sorted(b.memberships)),
        memberships: a.memberships,
        perK,
        maxInertiaDiff: Math.max(...perK.map((p) => p.inertiaDiff)),
        maxSilhouetteDiff: Math.max(...perK.map((p) => p.silhouetteDiff)),
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Single-run measurements as one: every run's figures, medians over them, the last stdout. */
function combine(list: readonly Measurement[]): Measurement {
  const seconds = list.map((m) => m.medianSeconds);
  const peakMb = list.map((m) => m.medianPeakMb);
  return { command: list[0]!.command, runs: list.length, seconds, peakMb, medianSeconds: median(seconds), medianPeakMb: median(peakMb), stdout: list[list.length - 1]!.stdout };
}

function rfmMismatches(segFile: string, pandasFile: string): number {
  const read = (file: string) => readFileSync(file, "utf8").trim().split("\n").slice(1).map((line) => line.split(",").map(Number));
  const a = read(segFile);
  const b = read(pandasFile);
  if (a.length !== b.length) return Math.max(a.length, b.length);
  return a.filter((row, i) => row.some((v, j) => (j === 3 ? Math.abs(v - b[i]![j]!) > 1e-6 * Math.max(1, Math.abs(v)) : v !== b[i]![j]))).length;
}

function sorted(record: Record<string, number>): [string, number][] {
  return Object.entries(record).sort(([x], [y]) => (x < y ? -1 : 1));
}

/**
 * bench/kmeans.ts: 1,000,000 × 8, k = 5, Seg (one thread and all cores) and
 * scikit-learn alternated in one process, `runs` repetitions; its own figures.
 */
function kmeans(runs: number) {
  const m = measure(NODE, [join(REPO, "bench/kmeans.ts"), "--reps", String(runs)], { runs: 1, warmup: 0, timeout: 7200 });
  return { ...lastJson<object>(m.stdout), process: timing(m) };
}

/**
 * `seg lock --no-cache --threads 2 --memory-limit 8GB` on bench/large over 10,000,000 invoices (and the
 * sizes --large-sizes adds), each set generated once into the temp folder. SEG_PROFILE records every
 * step's wall time, peak RSS (the kernel's high-water mark, reset per step, which is also why the
 * process's peak is taken from it rather than from /usr/bin/time) and DuckDB's memory and spill.
 */
async function large() {
  const sizes = (optionValue("--large-sizes") ?? "10000000").split(",").map(Number);
  const memoryLimit = "8GB";
  const threads = 2;
  const runsBySize = [];
  for (const invoices of sizes) {
    const accounts = invoices / 10;
    const dir = invoices === 10_000_000 ? LARGE_DATA : `${LARGE_DATA}-${invoices}`;
    const started = performance.now();
    const generated = existsSync(join(dir, "invoices.parquet")) ? { dir, reused: true } : { ...(await generateLarge(dir, invoices, accounts)), reused: false };
    const generateSeconds = (performance.now() - started) / 1000;
    const work = mkdtempSync(join(tmpdir(), "seg-bench-large-"));
    try {
      const root = join(work, "ws");
      cpSync(join(REPO, "bench/large"), root, { recursive: true });
      const profileFile = join(work, "profile.json");
      const env = { ...process.env, SEG_PROFILE: profileFile };
      const load = loadavg()[0]!;
      const m = measure(NODE, [join(REPO, "bin/seg.js"), "lock", "--root", root, "--data-dir", dir, "--no-cache", "--threads", String(threads), "--memory-limit", memoryLimit], { runs: 1, warmup: 0, env });
      const profile = JSON.parse(readFileSync(profileFile, "utf8")) as { steps: StepProfileRow[]; peakRssMb: number };
      const lock = JSON.parse(readFileSync(join(root, "segments.lock.json"), "utf8")) as { members: number; inputs: Record<string, { rows: number }>; clusters: { k: number } | null };
      runsBySize.push({
        invoices,
        accounts,
        generated,
        generateSeconds,
        load: [load, loadavg()[0]!].map((x) => Math.round(x * 10) / 10),
        seconds: m.medianSeconds,
        peakRssMb: profile.peakRssMb,
        // Each step without its statements (hundreds of SQL texts); the slowest ones are kept apart.
        steps: profile.steps.map(({ statements: _statements, ...step }) => step),
        slowest: slowestStatements(profile.steps, 8).map((x) => ({ ...x, sql: x.sql.replace(/\s+/g, " ").trim().slice(0, 160) })),
        rows: Object.fromEntries(Object.entries(lock.inputs).map(([name, input]) => [name, input.rows])),
        members: lock.members,
        k: lock.clusters?.k ?? null,
      });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  return { memoryLimit, threads, sizes: runsBySize };
}

/**
 * `seg check` on the example and on a workspace with 1,000 more segments. Warm:
 * after a first run filled Seg's cache (a private one here) and Node's compile
 * cache. Cold: neither cache, as on a fresh CI machine.
 */
function check(runs: number) {
  const cli = join(REPO, "bin/seg.js");
  const cacheDir = mkdtempSync(join(tmpdir(), "seg-bench-cache-"));
  const env = { ...process.env, SEG_CACHE_DIR: cacheDir };
  const coldEnv = { ...process.env, NODE_DISABLE_COMPILE_CACHE: "1" };
  const generated = generateSegmentsWorkspace(1000);
  try {
    const example = measure(NODE, [cli, "check", "--root", REPO, "--format", "json"], { runs, allowExit: [0, 1], env });
    const cold = measure(NODE, [cli, "check", "--root", REPO, "--format", "json", "--no-cache"], { runs: Math.min(runs, 3), allowExit: [0, 1], env: coldEnv });
    const many = measure(NODE, [cli, "check", "--root", generated, "--format", "json"], { runs: Math.min(runs, 3), allowExit: [0, 1], env });
    const diagnostics = (m: Measurement) => (JSON.parse(m.stdout) as { diagnostics?: unknown[] }).diagnostics?.length ?? null;
    return { example: { ...timing(example), diagnostics: diagnostics(example) }, cold: timing(cold), segments1000: { ...timing(many), diagnostics: diagnostics(many) } };
  } finally {
    rmSync(generated, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/**
 * `seg check --threads 2 --memory-limit 8GB` on bench/large over 10,000,000 invoices (--warm-size: another number,
 * with a member per ten invoices, as the large bench generates them), warm, after a segment
 * definition edit (issue #18: under 2 s at 100M): one run fills a private cache, then each timed run follows
 * an edit of market/smb's rule (a new threshold each time, so the memberships change). SEG_PROFILE records
 * the steps of the last one. A `--no-cache` run of the same workspace in the same run is the reference.
 */
async function checkWarm(runs: number) {
  const invoices = Number(optionValue("--warm-size") ?? 10_000_000);
  const dir = invoices === 10_000_000 ? LARGE_DATA : `${LARGE_DATA}-${invoices}`;
  if (!existsSync(join(dir, "invoices.parquet"))) await generateLarge(dir, invoices, invoices / 10);
  const work = mkdtempSync(join(tmpdir(), "seg-bench-check-warm-"));
  try {
    const root = join(work, "ws");
    cpSync(join(REPO, "bench/large"), root, { recursive: true });
    const profileFile = join(work, "profile.json");
    const env = { ...process.env, SEG_CACHE_DIR: join(work, "cache") };
    const args = [join(REPO, "bin/seg.js"), "check", "--root", root, "--data-dir", dir, "--threads", "2", "--memory-limit", "8GB", "--format", "json"];
    const cold = measure(NODE, args, { runs: 1, warmup: 0, allowExit: [0, 1], env });
    const segment = join(root, "segments/market/smb.yaml");
    const original = readFileSync(segment, "utf8");
    const seconds: number[] = [];
    const peakMb: number[] = [];
    for (let i = 1; i <= runs; i++) {
      writeFileSync(segment, original.replace("employees >= 50", `employees >= ${50 + 5 * i}`));
      const m = measure(NODE, args, { runs: 1, warmup: 0, allowExit: [0, 1], env: i === runs ? { ...env, SEG_PROFILE: profileFile } : env });
      seconds.push(...m.seconds);
      peakMb.push(...m.peakMb);
    }
    const profile = JSON.parse(readFileSync(profileFile, "utf8")) as { steps: object[]; peakRssMb: number };
    const uncached = measure(NODE, [...args, "--no-cache"], { runs: 1, warmup: 0, allowExit: [0, 1], env });
    return { invoices, warm: { runs, seconds, peakMb, medianSeconds: median(seconds), medianPeakMb: median(peakMb) }, cold: timing(cold), uncached: timing(uncached), steps: profile.steps };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The commands that recompute on the example, warm (after a warm-up filled Seg's cache and Node's
 * compile cache), alternated round by round — check, explain one member, export every member, diff
 * against HEAD — so a change in the machine's load hits them alike; the first round is the warm-up.
 */
function commands(runs: number) {
  const cli = join(REPO, "bin/seg.js");
  // The example's member that `seg explain` is timed on.
  const member = "ACC-00042";
  const cacheDir = mkdtempSync(join(tmpdir(), "seg-bench-cache-"));
  const out = mkdtempSync(join(tmpdir(), "seg-bench-export-"));
  const env = { ...process.env, SEG_CACHE_DIR: cacheDir };
  const commandArgs: Record<string, string[]> = {
    check: ["check", "--root", REPO, "--format", "json"],
    explain: ["explain", member, "--root", REPO, "--format", "json"],
    export: ["export", "--root", REPO, "--out", join(out, "members.csv")],
    diff: ["diff", "--root", REPO, "--base", "HEAD", "--format", "json"],
  };
  const measured: Record<string, Measurement[]> = Object.fromEntries(Object.keys(commandArgs).map((name) => [name, []]));
  try {
    for (let i = 0; i <= runs; i++) {
      for (const [name, argv] of Object.entries(commandArgs)) {
        const m = measure(NODE, [cli, ...argv], { runs: 1, warmup: 0, allowExit: [0, 1], env });
        if (i > 0) measured[name]!.push(m);
      }
    }
    const exported = readFileSync(join(out, "members.csv"), "utf8").trim().split("\n").length - 1;
    const explained = (JSON.parse(combine(measured.explain!).stdout) as { memberId?: string }).memberId ?? null;
    return {
      member: explained,
      exportedRows: exported,
      ...Object.fromEntries(Object.entries(measured).map(([name, list]) => [name, timing(combine(list))])),
    };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

/** The site engineer's bench/site-build.ts (100 segments, 300 personas): its `seg build` seconds, and the whole process. */
function siteBuild(runs: number) {
  const script = join(REPO, "bench/site-build.ts");
  if (!existsSync(script)) return { skipped: "bench/site-build.ts is not there yet" };
  const processes: Measurement[] = [];
  const buildSeconds: number[] = [];
  let figures: Record<string, unknown> = {};
  for (let i = 0; i < Math.min(runs, 3); i++) {
    const m = measure(NODE, [script], { runs: 1, warmup: i === 0 ? 1 : 0 });
    figures = lastJson<Record<string, unknown>>(m.stdout);
    buildSeconds.push(Number(figures.seconds));
    processes.push(m);
  }
  return { buildSeconds, medianBuildSeconds: median(buildSeconds), process: { seconds: processes.map((m) => m.medianSeconds), peakMb: processes.map((m) => m.medianPeakMb) }, figures };
}

/** bench/dev-edit.ts: `seg dev` on the example, a segment renamed `runs` + 2 times, each timed from the write to the served page showing the new name. */
function dev(runs: number) {
  const m = measure(NODE, [join(REPO, "bench/dev-edit.ts"), "--edits", String(runs + 2)], { runs: 1, warmup: 0 });
  return { ...lastJson<object>(m.stdout), process: timing(m) };
}
