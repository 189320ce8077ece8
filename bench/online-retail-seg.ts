/**
 * The Online Retail pipeline through Seg, as one process: load the 541,909
 * invoice lines, clean them (the workspace's filter), compute RFM values and
 * scores, fit k-means for k = 2..8 on log1p + standardized RFM with silhouette
 * (outliers set aside, as Seg does), and assign memberships. Writes each
 * customer's RFM to `rfm.csv` and prints the figures as JSON on the last line.
 *
 *   node bench/online-retail-seg.ts <data-dir> <rfm.csv>
 */
import { writeFileSync } from "node:fs";
import module from "node:module";
import { resolve } from "node:path";

// As bin/seg.js does: V8's code cache spares compiling and type-stripping Seg's modules on every run
// (bench/run.ts also sets NODE_COMPILE_CACHE, so this file, TypeScript unlike bin/seg.js, is not stripped either).
module.enableCompileCache?.();
const { checkDefinitions } = await import("../src/api/check.ts");
const { runClustering } = await import("../src/engine/cluster/run-clustering.ts");
const { runEngine } = await import("../src/engine/run-engine.ts");

const [dataDir, rfmFile] = process.argv.slice(2);
if (!dataDir || !rfmFile) throw new Error("usage: node bench/online-retail-seg.ts <data-dir> <rfm.csv>");
const root = resolve(import.meta.dirname, "../examples/online-retail");

const definitions = checkDefinitions({ root, today: "2011-12-10", dataDir });
const config = definitions.workspace.config!.value;
// The engine would cluster with the silhouette on a 3,000-row sample; this run clusters
// once, below, with the silhouette on every fitted row, as the reference does.
const clusteringConfig = config.clustering!;
config.clustering = undefined;
// The reference computes memberships and their counts: the segment metrics, no findings or impact.
const engine = await runEngine(definitions.workspace, definitions.catalog, definitions.expressions, { dataRoot: resolve(dataDir), asOf: definitions.asOf, keepDatabase: true, outputs: new Set(["metrics"]) });
const db = engine.db!;
try {
  // Silhouette on every fitted row, as scikit-learn's silhouette_score without sample_size.
  const clustering = await runClustering(db, clusteringConfig, { silhouetteSample: 1_000_000 });
  if (clustering.status !== "fitted") throw new Error(clustering.message);
  const rows = await db.all(`SELECT CAST(member_id AS VARCHAR) AS id, recency_days, frequency, monetary, r_score, f_score, m_score FROM features ORDER BY member_id`);
  writeFileSync(rfmFile, ["id,recency,frequency,monetary,r,f,m", ...rows.map((r) => [r.id, r.recency_days, r.frequency, r.monetary, r.r_score, r.f_score, r.m_score].join(","))].join("\n") + "\n");
  const scheme = engine.schemes.find((s) => s.scheme === "rfm")!;
  process.stdout.write(
    `${JSON.stringify({
      rows: engine.sources[0]!.rows,
      customers: engine.members,
      fitted: clustering.fitted,
      k: clustering.k,
      candidates: clustering.candidates.map((c) => ({ k: c.k, inertia: c.inertia, silhouette: c.silhouette })),
      memberships: Object.fromEntries(scheme.segments.map((s) => [s.segment ?? "(none)", s.count])),
    })}\n`,
  );
} finally {
  db.close();
}
