/**
 * `seg lock`'s recompute on the large synthetic workspace (bench/large over the
 * data of generate-large.ts), in one process with a DuckDB memory limit so that
 * DuckDB spills to disk rather than running out of memory: validate, load,
 * features, memberships, segment metrics, then k-means on the deterministic
 * sample and nearest-centroid assignment of every member in SQL. Prints the
 * seconds of each step as JSON on the last line; the runner reads wall time and
 * peak memory of the whole process from /usr/bin/time.
 *
 *   node bench/large-pipeline.ts <data-dir> [memory-limit] [threads]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { checkDefinitions } from "../src/api/check.ts";
import { runClustering } from "../src/engine/cluster/run-clustering.ts";
import { runEngine } from "../src/engine/run-engine.ts";

const [dataDir, memoryLimit = "4GB", threads = "2"] = process.argv.slice(2);
if (!dataDir) throw new Error("usage: node bench/large-pipeline.ts <data-dir> [memory-limit] [threads]");
const root = resolve(import.meta.dirname, "large");
const spill = mkdtempSync(join(tmpdir(), "seg-bench-spill-"));
const steps: Record<string, number> = {};
let step = "Validating";
let since = performance.now();
const progress = (next: string) => {
  steps[step] = (performance.now() - since) / 1000;
  step = next;
  since = performance.now();
};
try {
  const definitions = checkDefinitions({ root, today: "2026-11-01", dataDir });
  const errors = definitions.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((d) => `${d.file}:${d.line} ${d.message}`).join("\n"));
  const engine = await runEngine(definitions.workspace, definitions.catalog, definitions.expressions, {
    dataRoot: resolve(dataDir),
    asOf: definitions.asOf,
    keepDatabase: true,
    memoryLimit,
    threads: Number(threads),
    tempDirectory: spill,
    progress,
  });
  if (engine.diagnostics.length > 0) throw new Error(engine.diagnostics.map((d) => d.message).join("\n"));
  const db = engine.db!;
  try {
    // The engine clusters as part of the recompute; older engines left it to the caller.
    let clustering = engine.clustering;
    if (!clustering) {
      progress("Clustering (after the engine)");
      const fitted = await runClustering(db, definitions.workspace.config!.value.clustering!);
      if (fitted.status !== "fitted") throw new Error(fitted.message);
      clustering = { ...fitted, agreement: undefined };
    }
    progress("done");
    process.stdout.write(
      `${JSON.stringify({
        rows: Object.fromEntries(engine.sources.map((s) => [s.name, s.rows])),
        members: engine.members,
        memoryLimit,
        threads: Number(threads),
        k: clustering.k,
        sampled: clustering.sampled,
        fitted: clustering.fitted,
        steps,
        memberships: Object.fromEntries(engine.schemes.map((s) => [s.scheme, Object.fromEntries(s.segments.map((m) => [m.segment ?? "(none)", m.count]))])),
      })}\n`,
    );
  } finally {
    db.close();
  }
} finally {
  rmSync(spill, { recursive: true, force: true });
}
