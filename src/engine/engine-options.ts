/**
 * How every command runs the engine on a checked workspace: data root, as-of date, the stored
 * lock's clusters (so cluster ids stay stable), machine limits, progress, and the fit and source
 * caches in the user's cache folder unless the caller turned caching off.
 */
import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { readLock, type ReadLockResult } from "../lock/lock-file.ts";
import { previousClustersOf } from "../lock/previous-clusters.ts";
import type { Workspace } from "../workspace/workspace.ts";
import { cacheFolderFor } from "./cache-dir.ts";
import { clusteringFileCache } from "./clustering-cache.ts";
import { featureFileCache } from "./feature-cache.ts";
import { fitFileCache } from "./fit-file-cache.ts";
import { impactMemoEntries } from "./impact/impact-memo.ts";
import { loadRecordFileCache } from "./load-record-cache.ts";
import { membershipFileCache } from "./membership-cache.ts";
import { metricsMemoEntries, metricsTableCache } from "./metrics-memo.ts";
import type { EngineOptions } from "./run-engine.ts";
import { sourceFileCache } from "./source-cache.ts";
import type { StatementHook, StepHook } from "./step-profile.ts";
import type { WarehouseRequest } from "./warehouse/warehouse-request.ts";

/** What a command says about where the data is and how the engine may use the machine. */
export interface EngineRunOptions {
  /** Workspace folder. */
  root: string;
  /** Folder that source paths are relative to (default: the workspace). */
  dataDir?: string;
  /** Reports long steps. */
  progress?: (step: string) => void;
  /** Keep typed sources, loads, feature columns, clusterings and k-means fits in the user cache folder between runs (default true; see engine/cache-dir.ts). */
  cache?: boolean;
  /** DuckDB threads (default: all cores). */
  threads?: number;
  /** DuckDB memory limit, e.g. "4GB"; beyond it DuckDB spills to disk. */
  memoryLimit?: string;
  /** Folder DuckDB spills to beyond the memory limit (default: DuckDB's own choice). */
  tempDirectory?: string;
  /** Names each step as it starts, for a profile (engine/step-profile.ts). */
  profileStep?: StepHook;
  /** Told each DuckDB statement's SQL and time, for a profile. */
  profileStatement?: StatementHook;
  /** Read the sources that name a table from this warehouse (--engine postgres|bigquery|snowflake). */
  warehouse?: WarehouseRequest;
  /** Hash every data file whole even when the cache knows it (seg lock; see engine/file-identity.ts). */
  verifyContent?: boolean;
}

export function engineOptions(
  definitions: { asOf: string; today?: string; workspace: Pick<Workspace, "root"> },
  options: EngineRunOptions,
  read: ReadLockResult = readLock(definitions.workspace.root),
): EngineOptions {
  const previousClusters = read.status === "ok" ? previousClustersOf(read.lock) : undefined;
  const cacheDir = options.cache === false ? undefined : cacheFolderFor(definitions.workspace.root);
  return {
    dataRoot: resolve(options.root, options.dataDir ?? "."),
    asOf: definitions.asOf,
    ...(definitions.today !== undefined ? { today: definitions.today } : {}),
    ...(previousClusters ? { previousClusters } : {}),
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
    ...(options.memoryLimit !== undefined ? { memoryLimit: options.memoryLimit } : {}),
    ...(cacheDir
      ? {
          fitCache: fitFileCache(cacheDir),
          sourceCache: sourceFileCache(cacheDir),
          loadRecords: loadRecordFileCache(cacheDir),
          featureCache: featureFileCache(cacheDir),
          clusteringCache: clusteringFileCache(cacheDir),
          membershipCache: membershipFileCache(cacheDir),
          metricsEntries: metricsMemoEntries(cacheDir),
          metricsTables: metricsTableCache(cacheDir),
          impactEntries: impactMemoEntries(cacheDir),
        }
      : {}),
    ...(options.verifyContent ? { verifyContent: true } : {}),
    // DuckDB would spill into ./.tmp of whatever folder the command runs in; a folder of this run's own in the
    // system's temp folder instead (DuckDB makes it when it first spills and removes it on close).
    tempDirectory: options.tempDirectory ?? join(tmpdir(), `seg-spill-${randomUUID()}`),
    ...(options.progress ? { progress: options.progress } : {}),
    ...(options.profileStep ? { profileStep: options.profileStep } : {}),
    ...(options.profileStatement ? { profileStatement: options.profileStatement } : {}),
    ...(options.warehouse ? { warehouse: options.warehouse } : {}),
  };
}
