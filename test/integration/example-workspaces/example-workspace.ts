/**
 * Runs an example workspace (examples/<name>) on its shared data set the way a
 * user does: `seg check`, `seg lock` and `seg export` as subprocesses, and the
 * check as a library call for the engine's figures (k-means candidates, skewness).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect } from "vitest";
import { check } from "../../../src/api/check.ts";
import type { CheckResult } from "../../../src/lint/check-result.ts";
import { runSeg } from "../../support/run-seg.ts";
import { dataPath, missingData, missingPython, runPython } from "../../support/shared-data.ts";

/** What `seg check` is measured against: the date vitest.config.ts gives every subprocess. */
export const TODAY = "2026-11-23";

export interface ExampleWorkspace {
  root: string;
  dataDir: string;
  /** Why the workspace cannot run here (no shared data, no Python reference), or undefined. */
  missing: string | undefined;
}

export function exampleWorkspace(name: string, dataSet: string, file: string): ExampleWorkspace {
  const missing = missingData(dataSet, file) ?? missingPython();
  if (missing) console.warn(`examples/${name} skipped: ${missing}`);
  return { root: resolve(import.meta.dirname, "../../../examples", name), dataDir: dataPath(dataSet), missing };
}

export interface CheckedExample {
  status: number | null;
  /** Every finding as "file:line:column severity rule-id message", in the order seg prints them. */
  findings: string[];
  stderr: string;
}

/** `seg check --format json` from the workspace folder, as CI runs it. */
export function checkExample(example: ExampleWorkspace): CheckedExample {
  const run = runSeg(["check", "--format", "json", "--data-dir", example.dataDir], { cwd: example.root, env: { SEG_TODAY: TODAY } });
  const report = JSON.parse(run.stdout || "{}") as { diagnostics?: { file: string; line: number; column: number; severity: string; ruleId: string; message: string }[] };
  const findings = (report.diagnostics ?? []).map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}`);
  return { status: run.status, findings, stderr: run.stderr };
}

/** The check as a library call, for the engine's own figures. */
export function checkInProcess(example: ExampleWorkspace): Promise<CheckResult> {
  return check({ root: example.root, today: TODAY, dataDir: example.dataDir, cache: false });
}

export interface Relocked {
  stdout: string;
  status: number | null;
  committed: string;
  written: string;
}

/** `seg lock` on a copy of the workspace (committed lock included, so cluster ids keep their history). */
export function relockCopy(example: ExampleWorkspace): Relocked {
  const copy = mkdtempSync(join(tmpdir(), "seg-example-relock-"));
  try {
    cpSync(example.root, copy, { recursive: true });
    const run = runSeg(["lock", "--data-dir", example.dataDir], { cwd: copy, env: { SEG_TODAY: TODAY } });
    return {
      stdout: run.stdout,
      status: run.status,
      committed: readFileSync(join(example.root, "segments.lock.json"), "utf8"),
      written: readFileSync(join(copy, "segments.lock.json"), "utf8"),
    };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

export interface ClusterFigures {
  sizes: number[];
  inertia: number;
  silhouette: number;
  outcomeShares?: number[];
  ariLabel?: number;
  ariSegments?: number;
}

export interface ClusterReference {
  members: number;
  /** Members of the data file that the export lacks (joined by id, or by row number without a key column). */
  unmatched: number;
  outliers: number;
  sklearn: ClusterFigures;
  ours: ClusterFigures;
  ariOursSklearn: number;
}

export interface ReferenceRequest {
  csv: string;
  key: string | null;
  features: string[];
  transform: string[];
  k: number;
  segments?: string;
  label?: string;
  outcome?: { column: string; value: string };
}

/**
 * Exports the members with `seg export`, then has scikit-learn cluster the same
 * file as the workspace declares (test/reference/example_clusters_reference.py)
 * and measure both partitions.
 */
export function clusterReference(example: ExampleWorkspace, request: ReferenceRequest): ClusterReference {
  const dir = mkdtempSync(join(tmpdir(), "seg-example-reference-"));
  try {
    const out = join(dir, "members.csv");
    const exported = runSeg(["export", "--out", out, "--data-dir", example.dataDir], { cwd: example.root });
    if (exported.status !== 0) throw new Error(`seg export failed (${exported.status}): ${exported.stderr}`);
    const file = join(dir, "request.json");
    writeFileSync(file, JSON.stringify({ ...request, export: out }));
    return JSON.parse(runPython("example_clusters_reference.py", [file])) as ClusterReference;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface SegmentsReference {
  segments: Record<string, Record<string, number>>;
  hypotheses: Record<string, { n: [number, number]; values: [number, number]; statistic: number }>;
}

/** The example's segment rules and hypotheses recomputed with pandas and SciPy (test/reference/example_segments_reference.py). */
export function segmentsReference(name: "mall" | "wholesale" | "telco", csv: string): SegmentsReference {
  return JSON.parse(runPython("example_segments_reference.py", [name, csv])) as SegmentsReference;
}

/** Member counts per segment as the lock records them, in the reference's shape. */
export function lockedSegmentCounts(result: CheckResult): Record<string, Record<string, number>> {
  const schemes = result.data!.lock.schemes;
  return Object.fromEntries(Object.entries(schemes).map(([scheme, s]) => [scheme, Object.fromEntries(Object.entries(s.segments).map(([id, seg]) => [id, seg.count]))]));
}

/** Each hypothesis as the engine tested it, in the reference's shape. */
export function testedHypotheses(result: CheckResult): SegmentsReference["hypotheses"] {
  return Object.fromEntries(
    result.data!.engine.hypotheses.map((h) => [h.id, { n: [h.groups[0].n, h.groups[1].n], values: [h.groups[0].value, h.groups[1].value], statistic: h.test!.statistic }]),
  ) as SegmentsReference["hypotheses"];
}

/** The lock's segment counts and the engine's hypothesis tests equal the pandas / SciPy reference. */
export function expectReferenceSegmentsAndTests(result: CheckResult, reference: SegmentsReference): void {
  expect(lockedSegmentCounts(result)).toEqual(reference.segments);
  const tested = testedHypotheses(result);
  expect(Object.keys(tested).sort()).toEqual(Object.keys(reference.hypotheses).sort());
  for (const [id, expected] of Object.entries(reference.hypotheses)) {
    const ours = tested[id]!;
    expect(ours.n, id).toEqual(expected.n);
    ours.values.forEach((value, i) => expect(value, `${id} group ${i + 1}`).toBeCloseTo(expected.values[i]!, 9));
    expect(ours.statistic, `${id} statistic`).toBeCloseTo(expected.statistic, 9);
  }
}
