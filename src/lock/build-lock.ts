/** Assemble the lock from a recompute. Values are rounded so the file is stable byte for byte. */
import type { PriorityRow } from "../engine/prioritize.ts";
import type { EngineResult } from "../engine/run-engine.ts";
import type { Config } from "../schema/config.ts";
import { VERSION } from "../version.ts";
import type { LoadedSegment } from "../workspace/workspace.ts";
import { definitionHashes } from "./definition-hashes.ts";
import type { Lock } from "./lock.ts";
import { roundTo } from "./round.ts";

export interface LockInputs {
  config: Config;
  segments: readonly LoadedSegment[];
  asOf: string;
  engine: EngineResult;
  priorities: readonly PriorityRow[];
  weights: Record<string, number> | undefined;
}

/** The sha256 the lock records for a source: a run without the "digest" output (engine-outputs.ts) has none, and gets no lock. */
function digestOf(source: EngineResult["sources"][number]): string {
  if (source.sha256 === undefined) throw new Error(`No lock can be built: the digest of source "${source.name}" was not computed (the recompute ran without the "digest" output).`);
  return source.sha256;
}

export function buildLock(inputs: LockInputs): Lock {
  const { engine } = inputs;
  const schemes: Lock["schemes"] = {};
  for (const scheme of engine.schemes) {
    const unassigned = scheme.segments.find((s) => s.segment === null);
    const segments: Lock["schemes"][string]["segments"] = {};
    for (const s of scheme.segments) {
      if (s.segment === null) continue;
      segments[s.segment] = {
        count: s.count,
        share: roundTo(s.share, 6),
        value: s.value === null ? null : roundTo(s.value, 2),
        valueShare: s.valueShare === null ? null : roundTo(s.valueShare, 6),
      };
    }
    schemes[scheme.scheme] = { population: scheme.population, unassigned: { count: unassigned?.count ?? 0, share: roundTo(unassigned?.share ?? 0, 6) }, segments };
  }
  const inputsOut: Lock["inputs"] = {};
  for (const s of engine.sources) inputsOut[s.name] = { ...(s.path !== undefined ? { path: s.path } : {}), ...(s.table !== undefined ? { table: s.table } : {}), sha256: digestOf(s), ...(s.bytes !== undefined ? { bytes: s.bytes } : {}), rowsRead: s.rowsRead, rows: s.rows, newest: s.newest, oldest: s.oldest };
  const scored = inputs.priorities.filter((p) => !Number.isNaN(p.total));
  return {
    version: 1,
    tool: `seg ${VERSION}`,
    asOf: inputs.asOf,
    hashes: definitionHashes(inputs.config, inputs.segments),
    inputs: inputsOut,
    members: engine.members,
    schemes,
    clusters: lockClusters(engine),
    coverage: Object.fromEntries(engine.coverage.map((c) => [c.feature, { values: c.values, missing: c.missing, share: roundTo(c.share, 6) }])),
    prioritization: inputs.weights
      ? { weights: Object.fromEntries(Object.entries(inputs.weights).map(([k, v]) => [k, roundTo(v, 6)])), segments: Object.fromEntries(scored.map((p) => [p.id, { total: roundTo(p.total, 6), rank: p.rank }])) }
      : null,
  };
}

function lockClusters(engine: EngineResult): Lock["clusters"] {
  const c = engine.clustering;
  if (!c) return null;
  const r9 = (x: number) => roundTo(x, 9);
  return {
    k: c.k,
    features: [...c.features],
    transform: c.transform.steps.map((step) => (step.kind === "log1p" ? { kind: "log1p" as const } : { kind: "standardize" as const, means: step.means.map(r9), sds: step.sds.map(r9) })),
    centroids: c.clusters.map((cluster) => ({
      id: cluster.id,
      name: cluster.name,
      size: cluster.size,
      share: roundTo(cluster.share, 6),
      centroid: Object.fromEntries(c.features.map((f, i) => [f, roundTo(cluster.centroidOriginal[i]!, 6)])),
      transformed: cluster.centroid.map(r9),
    })),
    ari: c.agreement?.ari === null || c.agreement === undefined ? null : roundTo(c.agreement.ari, 6),
    setAside: { outliers: c.outlierMembers, missing: c.incomplete },
    ...(c.silhouetteSample.rows < c.silhouetteSample.of ? { silhouetteSample: { ...c.silhouetteSample } } : {}),
  };
}
