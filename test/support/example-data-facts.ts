/**
 * Turn hand-written `ExampleData` into the `DataFacts` the engine would compute
 * for the same workspace: segment metrics with comparisons against the rest of
 * the scheme, IDSAA verdicts, source statistics, and a lock built the way
 * `seg lock` builds it, then compared with the stored one.
 */
import type { DefinitionsResult } from "../../src/lint/check-result.ts";
import type { FeatureCoverage } from "../../src/engine/feature-coverage.ts";
import { evaluateIdsaa, type IdsaaResult } from "../../src/engine/idsaa.ts";
import type { SourceStats } from "../../src/engine/load-sources.ts";
import { percentWeights } from "../../src/engine/prioritize.ts";
import { definingNamesBySegment } from "../../src/engine/segment-defining-names.ts";
import type { FeatureComparison, SchemeMetrics, SegmentMetrics } from "../../src/engine/segment-metrics.ts";
import type { Summary } from "../../src/engine/stats/two-sample.ts";
import { buildLock } from "../../src/lock/build-lock.ts";
import { compareLocks } from "../../src/lock/compare-lock.ts";
import type { Lock } from "../../src/lock/lock.ts";
import type { DataFacts } from "../../src/rules/define-rule.ts";
import type { ExampleData, ExampleLock, ExampleScheme } from "../../src/rules/example-data.ts";

export function exampleDataFacts(example: ExampleData, definitions: DefinitionsResult): DataFacts {
  const { workspace } = definitions;
  const config = workspace.config?.value;
  if (!config) throw new Error("data facts need a segmentation.yaml");
  for (const scheme of Object.keys(example.schemes ?? {})) {
    if (!config.schemes[scheme]) throw new Error(`example data names the scheme "${scheme}", which segmentation.yaml does not declare`);
  }
  const schemes = Object.entries(example.schemes ?? {}).map(([scheme, spec]) => schemeMetrics(scheme, spec, config.schemes[scheme]!.exclusive));
  const members = Math.max(0, ...schemes.map((s) => s.population));
  const sources: SourceStats[] = Object.entries(config.sources).map(([name, source]) => ({
    name,
    path: source.path!,
    sha256: "0".repeat(64),
    bytes: 0,
    rowsRead: members,
    rows: members,
    newest: example.sources?.[name]?.newest ?? null,
    oldest: null,
  }));
  const idsaa: Record<string, IdsaaResult> = {};
  // Like the engine: every segment of a measured scheme gets a verdict, members or not.
  const defining = definingNamesBySegment(workspace.segments, config, definitions.expressions);
  for (const segment of workspace.segments) {
    const scheme = schemes.find((s) => s.scheme === segment.scheme);
    if (!scheme) continue;
    const metrics = scheme.segments.find((m) => m.segment === segment.value.id);
    idsaa[`${segment.scheme}/${segment.value.id}`] = evaluateIdsaa(segment.value, metrics, defining.get(segment) ?? [], config);
  }
  Object.assign(idsaa, example.idsaa);
  const hypotheses = example.hypotheses ?? [];
  const coverage: FeatureCoverage[] = Object.entries(example.coverage ?? {}).map(([feature, c]) => {
    const spec = config.features[feature];
    if (!spec) throw new Error(`example coverage names the feature "${feature}", which segmentation.yaml does not declare`);
    const origin: FeatureCoverage["origin"] =
      "aggregate" in spec ? { kind: "aggregate", source: spec.source, column: spec.column } : "column" in spec ? { kind: "column", source: spec.source, column: spec.column } : { kind: "expression" };
    return { feature, members: c.members, values: c.values, missing: c.members - c.values, share: c.members > 0 ? c.values / c.members : 1, origin };
  });
  const weights = config.prioritization && definitions.weights?.scale !== "invalid" ? percentWeights(config.prioritization.factors) : undefined;
  const freshLock = buildLock({
    config,
    segments: workspace.segments,
    asOf: definitions.asOf,
    engine: { sources, members, schemes, hypotheses, idsaa, normalization: [], coverage, clustering: undefined, impact: undefined, diagnostics: [] },
    priorities: definitions.priorities,
    weights,
  });
  const data: DataFacts = { members, sources, schemes, hypotheses, idsaa, lock: storedLock(example.lock ?? "fresh", freshLock), freshLock, sensitivity: undefined, quadrants: {} };
  if (example.clusters) data.clusters = example.clusters;
  if (example.impact) data.impact = example.impact;
  data.coverage = coverage;
  if (example.setAside) data.setAside = { outlierFeatures: {}, ...example.setAside };
  if (example.valueLabels) {
    data.valueLabels = Object.fromEntries(
      Object.entries(example.valueLabels).map(([label, m]) => [
        label,
        { measure: m.measure, population: { n: members, median: m.median }, segments: Object.fromEntries(Object.entries(m.segments).map(([id, s]) => [id, { n: s.n ?? 1, ...s }])) },
      ]),
    );
  }
  if (example.skewness) data.skewness = Object.entries(example.skewness).map(([feature, s]) => ({ feature, transformedSkewness: null, ...s }));
  return data;
}

function schemeMetrics(scheme: string, spec: ExampleScheme, exclusive: boolean): SchemeMetrics {
  const entries = Object.entries(spec.segments);
  const assigned = entries.reduce((sum, [, s]) => sum + s.count, 0);
  const unassigned = spec.unassigned ?? (exclusive ? spec.population - assigned : 0);
  if (unassigned < 0) throw new Error(`example scheme "${scheme}": segment counts add up to ${assigned}, more than its population of ${spec.population}`);
  const summaries = new Map(entries.map(([id, s]) => [id, Object.entries(s.features ?? {}).map(([feature, f]) => ({ feature, summary: { n: f.n ?? s.count, mean: f.mean, variance: f.sd ** 2 } }))]));
  const segments: SegmentMetrics[] = entries.map(([id, s]) => ({
    scheme,
    segment: id,
    count: s.count,
    share: spec.population > 0 ? s.count / spec.population : 0,
    value: s.value ?? null,
    valueShare: s.valueShare ?? null,
    rfm: null,
    metrics: s.metrics ?? {},
    features: Object.fromEntries(Object.entries(s.features ?? {}).map(([feature, f]) => [feature, { n: f.n ?? s.count, mean: (f.n ?? s.count) > 0 ? f.mean : null }])),
    comparisons: (summaries.get(id) ?? []).map(({ feature, summary }): FeatureComparison => ({
      feature,
      segment: summary,
      rest: pooled([...summaries].filter(([other]) => other !== id).flatMap(([, list]) => list.filter((c) => c.feature === feature).map((c) => c.summary))),
    })),
  }));
  if (unassigned > 0) {
    segments.push({ scheme, segment: null, count: unassigned, share: unassigned / spec.population, value: null, valueShare: null, rfm: null, metrics: {}, comparisons: [] });
  }
  return { scheme, population: spec.population, segments, overlap: spec.overlap ?? {} };
}

/** The summary of several groups taken together. */
function pooled(groups: Summary[]): Summary {
  const n = groups.reduce((s, g) => s + g.n, 0);
  if (n === 0) return { n: 0, mean: Number.NaN, variance: Number.NaN };
  const mean = groups.reduce((s, g) => s + g.n * g.mean, 0) / n;
  const squares = groups.reduce((s, g) => s + (g.n - 1) * g.variance + g.n * (g.mean - mean) ** 2, 0);
  return { n, mean, variance: n > 1 ? squares / (n - 1) : Number.NaN };
}

function storedLock(spec: NonNullable<ExampleData["lock"]>, fresh: Lock): DataFacts["lock"] {
  if (spec === "missing") return { status: "missing" };
  if (spec === "fresh") return { status: "ok", lock: structuredClone(fresh), changes: [] };
  if ("invalid" in spec) return { status: "invalid", message: spec.invalid };
  const stored = olderLock(spec, fresh);
  return { status: "ok", lock: stored, changes: compareLocks(stored, fresh) };
}

function olderLock(spec: ExampleLock, fresh: Lock): Lock {
  const stored = structuredClone(fresh);
  if (spec.segments) {
    const known = new Set(spec.segments);
    for (const key of Object.keys(stored.hashes.segments)) if (!known.has(key)) delete stored.hashes.segments[key];
    for (const key of known) stored.hashes.segments[key] ??= "0000000000000000";
    for (const [scheme, result] of Object.entries(stored.schemes)) {
      for (const id of Object.keys(result.segments)) if (!known.has(`${scheme}/${id}`)) delete result.segments[id];
    }
  }
  for (const [key, share] of Object.entries(spec.shares ?? {})) {
    const [scheme, id] = key.split("/") as [string, string];
    const result = stored.schemes[scheme];
    if (!result) throw new Error(`example lock: no scheme "${scheme}" was measured`);
    result.segments[id] = { ...(result.segments[id] ?? { value: null, valueShare: null }), share, count: Math.round(share * result.population) };
  }
  for (const key of spec.changed ?? []) stored.hashes.segments[key] = "ffffffffffffffff";
  return stored;
}
