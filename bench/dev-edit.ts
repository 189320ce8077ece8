/**
 * `seg dev` benchmark (issue #17): edit-to-updated-page time for a definition
 * edit on the example. Copies the example workspace (the repository root) to
 * a temporary folder, starts `seg dev` on it with a private cache, fetches the
 * segment page once, then renames the segment again and again: each time the
 * file is written and the page is fetched until it shows the new name. Then,
 * for a same-load reference, times `seg build` of the same workspace (what the
 * earlier seg dev ran after every edit) as a process, twice. Prints the
 * seconds, and a JSON summary as its last line for bench/run.ts.
 *
 *   node bench/dev-edit.ts [--edits 7]
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const REPO = resolve(import.meta.dirname, "..");
const SEG = join(REPO, "bin/seg.js");
const PAGE = "segments/power-users/";
const { values } = parseArgs({ options: { edits: { type: "string", default: "7" } } });
const edits = Number(values.edits);

const root = mkdtempSync(join(tmpdir(), "seg-bench-dev-"));
const cacheDir = mkdtempSync(join(tmpdir(), "seg-bench-dev-cache-"));
for (const entry of ["segmentation.yaml", "segments.lock.json", "segments", "personas", "hypotheses", "reviews", "data"]) cpSync(join(REPO, entry), join(root, entry), { recursive: true });
const file = join(root, "segments/lifecycle/power-users.yaml");
const original = readFileSync(file, "utf8");

const started = performance.now();
const child = spawn(process.execPath, [SEG, "dev", "--port", "0", "--root", root], { env: { ...process.env, SEG_CACHE_DIR: cacheDir, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
let output = "";
child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
const exited = new Promise<void>((done) => child.once("exit", () => done()));

try {
  const url = await until(async () => /Serving the playbook at (\S+)/.exec(output)?.[1]);
  const serving = (performance.now() - started) / 1000;
  await until(async () => ((await page(url)).includes("Power Users") ? true : undefined));
  const firstPage = (performance.now() - started) / 1000;
  const seconds: number[] = [];
  for (let i = 1; i <= edits; i++) {
    const name = `Power Users ${i}`;
    const at = performance.now();
    writeFileSync(file, original.replace(/^name: Power Users$/m, `name: ${name}`));
    await until(async () => ((await page(url)).includes(`>${name}</h1>`) ? true : undefined), 5);
    seconds.push((performance.now() - at) / 1000);
    // Let the watcher settle before the next edit, so each edit is timed alone.
    await new Promise((done) => setTimeout(done, 500));
  }
  child.kill("SIGTERM");
  await exited;
  const builds: number[] = [];
  for (let i = 0; i < 2; i++) {
    const at = performance.now();
    const run = spawnSync(process.execPath, [SEG, "build", "--root", root, "--out", join(root, "dist")], { env: { ...process.env, SEG_CACHE_DIR: cacheDir }, encoding: "utf8" });
    if (run.status !== 0) throw new Error(`seg build failed:\n${run.stderr}`);
    builds.push((performance.now() - at) / 1000);
  }
  const updated = [...output.matchAll(/Updated in ([\d.]+) s/g)].map((m) => Number(m[1]));
  const sorted = [...seconds].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(`edit to updated page: median ${median.toFixed(2)} s over ${edits} edits (${seconds.map((x) => x.toFixed(2)).join(", ")})`);
  const buildMedian = builds.reduce((a, b) => a + b, 0) / builds.length;
  console.log(`seg build of the same workspace: ${builds.map((x) => x.toFixed(2)).join(", ")} s; edit / build ${(median / buildMedian).toFixed(2)}`);
  console.log(JSON.stringify({ edits, seconds, medianSeconds: median, serverSeconds: updated, servingSeconds: serving, firstPageSeconds: firstPage, buildSeconds: builds, ratioToBuild: median / buildMedian, load: loadavg()[0] }));
} finally {
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  await exited;
  rmSync(root, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
}

async function page(url: string): Promise<string> {
  const response = await fetch(new URL(PAGE, url)).catch(() => undefined);
  return response?.ok ? response.text() : "";
}

/** Poll `get` every `everyMs` until it gives a value; fail after two minutes with seg dev's output. */
async function until<T>(get: () => Promise<T | undefined>, everyMs = 100): Promise<T> {
  const deadline = performance.now() + 120_000;
  for (;;) {
    const value = await get();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`timed out; seg dev printed:\n${output}`);
    await new Promise((done) => setTimeout(done, everyMs));
  }
}
