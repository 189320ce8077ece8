/**
 * `seg diff` as a library call: what a change does to the segmentation. The
 * base revision (and the head, when it is a revision too) is unpacked from git
 * into a temporary folder, never touching the working tree; both sides are
 * checked and recomputed, by default on the head's data so the report shows the
 * effect of the definitions alone; then definitions, sizes, ranks, memberships,
 * clusters and findings are compared.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { diffClusters } from "../diff/cluster-diff.ts";
import { diffDefinitions } from "../diff/definition-diff.ts";
import { hasChanges, type DataMode, type DiffResult, type DiffSide, type SchemeDiff } from "../diff/diff-result.ts";
import { extractRevision } from "../diff/extract-revision.ts";
import { diffFindings } from "../diff/findings-diff.ts";
import { diffHypotheses } from "../diff/hypothesis-diff.ts";
import { existsAt, findRepository, repositoryPath, resolveCommit } from "../diff/git.ts";
import { GitError } from "../diff/git-error.ts";
import { diffMetrics } from "../diff/metric-diff.ts";
import { migrationMatrix } from "../diff/migration-matrix.ts";
import { diffPopulationMetrics } from "../diff/population-metric-diff.ts";
import { readMemberships, type Memberships } from "../diff/read-memberships.ts";
import type { EngineRunOptions } from "../engine/engine-options.ts";
import { CONFIG_FILE } from "../workspace/discover.ts";
import { check } from "./check.ts";
import type { CheckResult } from "../lint/check-result.ts";

/** Both sides run the engine once each, with the machine limits and caches of `seg check`. */
export interface DiffOptions extends Pick<EngineRunOptions, "threads" | "memoryLimit" | "cache" | "warehouse"> {
  /** Workspace folder (in the working tree); it may be a subfolder of the repository. */
  root: string;
  /** The base revision: a branch, tag or commit. */
  base: string;
  /** The head revision; undefined compares with the working tree. */
  head?: string;
  /** Whose data both sides are recomputed on (default head); each: every side its own. */
  data?: DataMode;
  /** Data kept outside the repository: both sides read it from here. */
  dataDir?: string;
  /** Overrides as_of on both sides. */
  asOf?: string;
  /** Today's date (YYYY-MM-DD), for sides without as_of. */
  today: string;
  /** Folder for the unpacked revisions (default: the system's temporary folder). */
  tempDir?: string;
  progress?: (step: string) => void;
}

interface Side {
  info: DiffSide;
  result: CheckResult | undefined;
  memberships: Memberships | undefined;
}

export async function diff(options: DiffOptions): Promise<DiffResult> {
  const root = resolve(options.root);
  const mode = options.data ?? "head";
  const repository = findRepository(root);
  const baseCommit = resolveCommit(repository, options.base);
  const headCommit = options.head === undefined ? undefined : resolveCommit(repository, options.head);
  const scratch = mkdtempSync(join(options.tempDir ?? tmpdir(), "seg-diff-"));
  try {
    const configPath = repositoryPath(repository, CONFIG_FILE);
    const baseRoot = existsAt(repository, baseCommit, configPath) ? extractRevision(repository, baseCommit, join(scratch, "base")) : undefined;
    let headRoot = root;
    if (headCommit !== undefined) {
      if (!existsAt(repository, headCommit, configPath)) {
        throw new GitError(`there is no ${configPath} at ${options.head}; --head must be a revision that has the workspace.`);
      }
      headRoot = extractRevision(repository, headCommit, join(scratch, "head"));
    }
    const dataFor = (side: "base" | "head"): { dir: string; from: DiffSide["data"] } => {
      if (options.dataDir !== undefined) return { dir: resolve(options.dataDir), from: "data-dir" };
      const from = mode === "each" ? side : mode;
      // A base without the workspace has no data of its own: use the head's.
      return { dir: from === "base" && baseRoot ? baseRoot : headRoot, from: from === "base" && baseRoot ? "base" : "head" };
    };
    const step = (label: string) => (options.progress ? (s: string) => options.progress!(`${label}: ${s}`) : undefined);
    const base = baseRoot
      ? await runSide(baseRoot, dataFor("base"), options, { label: options.base, commit: baseCommit }, step("base"))
      : absentSide(options.base, baseCommit);
    const head = await runSide(headRoot, dataFor("head"), options, { label: options.head ?? "working tree", commit: headCommit ?? null }, step("head"));
    return compare(base, head, mode);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function runSide(
  root: string,
  data: { dir: string; from: DiffSide["data"] },
  options: DiffOptions,
  revision: { label: string; commit: string | null },
  progress: ((step: string) => void) | undefined,
): Promise<Side> {
  // One engine run per side, as `seg check` runs it (caches, threads, memory limit, the side's lock for cluster
  // ids); its database stays open for the memberships and is closed here.
  const result = await check({
    root,
    today: options.today,
    dataDir: data.dir,
    keepDatabase: true,
    ...(options.asOf ? { asOf: options.asOf } : {}),
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
    ...(options.memoryLimit !== undefined ? { memoryLimit: options.memoryLimit } : {}),
    ...(options.cache === false ? { cache: false } : {}),
    // Both sides read the warehouse's one current state: the diff is then of the definitions alone.
    ...(options.warehouse ? { warehouse: options.warehouse } : {}),
    ...(progress ? { progress } : {}),
  });
  let memberships: Memberships | undefined;
  const db = result.data?.engine.db;
  try {
    if (db && !result.data!.engine.diagnostics.some((d) => d.severity === "error")) {
      progress?.("Reading memberships");
      const schemes = Object.entries(result.workspace.config!.value.schemes).map(([scheme, settings]) => ({ scheme, exclusive: settings.exclusive }));
      memberships = await readMemberships(db, schemes);
    }
  } finally {
    db?.close();
  }
  const blocking = result.data ? result.data.engine.diagnostics.filter((d) => d.severity === "error") : result.diagnostics.filter((d) => d.severity === "error");
  return {
    info: {
      ...revision,
      exists: true,
      asOf: result.asOf,
      data: data.from,
      recomputed: memberships !== undefined,
      counts: result.counts,
      blocking: memberships ? [] : blocking,
    },
    result,
    memberships,
  };
}

function absentSide(label: string, commit: string): Side {
  return {
    info: { label, commit, exists: false, asOf: null, data: "head", recomputed: false, counts: { error: 0, warning: 0, info: 0 }, blocking: [] },
    result: undefined,
    memberships: undefined,
  };
}

function compare(base: Side, head: Side, mode: DataMode): DiffResult {
  const metrics = diffMetrics(
    { workspace: base.result?.workspace, schemes: base.memberships ? base.result?.data?.engine.schemes : undefined, priorities: base.result?.priorities ?? [] },
    { workspace: head.result?.workspace, schemes: head.memberships ? head.result?.data?.engine.schemes : undefined, priorities: head.result?.priorities ?? [] },
  );
  // A base without the workspace migrates from nobody: everyone at head is new.
  const baseMemberships = base.info.exists ? base.memberships : new Map();
  const schemes: SchemeDiff[] = metrics.map((m) => ({
    ...m,
    migration: baseMemberships && head.memberships ? migrationMatrix(baseMemberships.get(m.scheme), head.memberships.get(m.scheme)) : null,
  }));
  const result: Omit<DiffResult, "changed"> = {
    base: base.info,
    head: head.info,
    data: mode,
    definitions: diffDefinitions(base.result?.workspace, head.result!.workspace),
    schemes,
    clusters: diffClusters(base.result?.data?.lock.clusters, head.result?.data?.lock.clusters),
    findings: diffFindings(base.result?.diagnostics ?? [], head.result?.diagnostics ?? []),
    hypotheses: diffHypotheses(base.result?.data?.engine.hypotheses, head.result?.data?.engine.hypotheses),
    population: diffPopulationMetrics(
      { config: base.result?.workspace.config?.value, schemes: base.memberships ? base.result?.data?.engine.schemes : undefined },
      { config: head.result?.workspace.config?.value, schemes: head.memberships ? head.result?.data?.engine.schemes : undefined },
    ),
  };
  return { ...result, changed: hasChanges(result) };
}
