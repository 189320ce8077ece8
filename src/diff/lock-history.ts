/**
 * The history of segments.lock.json from git: every commit that changed it
 * (`git log -- <path>`), each version read (`git cat-file --batch`, one process
 * for all of them) and parsed with the lock schema, turned into time series per
 * segment (count, share, value, rank) and per cluster (size and centroid). The
 * playbook charts them; versions that do not parse are listed and skipped.
 *
 * Every version is hostile data: git runs with the hardened options of git.ts
 * (nothing a repository's config names is run), the text must be JSON that the
 * lock schema accepts, and keys are kept in Maps or prefixed, never used bare.
 */
import type { Lock } from "../lock/lock.ts";
import { MAX_LOCK_BYTES, parseLockText } from "../lock/lock-file.ts";
import { gitText, repositoryPath, type Repository } from "./git.ts";
import { readBlobs, type TooLarge } from "./read-blobs.ts";
import type { SegmentFigures } from "./metric-diff.ts";

export interface LockVersion {
  commit: string;
  /** Commit date, YYYY-MM-DD. */
  date: string;
  /** The commit's subject line. */
  subject: string;
  status: "ok" | "invalid";
  /** Why the version was skipped. */
  problem?: string;
  /** What a version that parsed says, for comparing consecutive versions. */
  summary?: LockSummary;
}

/** The parts of one lock the changes page compares between versions. */
export interface LockSummary {
  asOf: string;
  /** Definition hash by "scheme/segment". */
  definitions: Record<string, string>;
  /** Hash by segmentation.yaml section (features, thresholds…). */
  config: Record<string, string>;
  /** sha256 by source. */
  inputs: Record<string, string>;
  /** By scheme: members in scope and members in no segment. */
  schemes: Record<string, { population: number; unassigned: number }>;
  k: number | null;
  ari: number | null;
}

/** A segment's figures in one committed lock. */
export interface SegmentPoint extends SegmentFigures {
  commit: string;
  date: string;
  /** The lock's as-of date: what the numbers describe. */
  asOf: string;
}

export interface UnassignedPoint {
  commit: string;
  date: string;
  asOf: string;
  population: number;
  count: number;
  share: number;
}

export interface CentroidPoint {
  commit: string;
  date: string;
  asOf: string;
  name: string;
  size: number;
  share: number;
  /** In original feature units. */
  centroid: Record<string, number>;
}

export interface LockHistory {
  /** Versions of the lock, oldest first. */
  versions: LockVersion[];
  /** By "scheme/segment", oldest first; a segment absent from a version has no point there. */
  segments: Record<string, SegmentPoint[]>;
  /** By scheme. */
  unassigned: Record<string, UnassignedPoint[]>;
  /** By cluster id. */
  clusters: Record<string, CentroidPoint[]>;
}

export interface HistoryOptions {
  /** The newest this many versions (default 500). */
  limit?: number;
  /** Versions larger than this are listed as invalid and never read (default MAX_LOCK_BYTES, as for the lock on disk). */
  maxVersionBytes?: number;
}

export function readLockHistory(repository: Repository, lockFile: string, options: HistoryOptions = {}): LockHistory {
  const path = repositoryPath(repository, lockFile);
  const log = gitText(repository.top, ["log", `--max-count=${options.limit ?? 500}`, "--no-show-signature", "--format=%H %cs %s", "--", path]);
  const commits = log
    .split("\n")
    .map((line) => /^([0-9a-f]{40,64}) (\d{4}-\d{2}-\d{2}) (.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(([, commit, date, subject]) => ({ commit: commit!, date: date!, subject: subject! }))
    .reverse();
  const maxBytes = options.maxVersionBytes ?? MAX_LOCK_BYTES;
  const texts = readBlobs(repository.top, commits.map((c) => `${c.commit}:${path}`), maxBytes);
  const history: LockHistory = { versions: [], segments: {}, unassigned: {}, clusters: {} };
  commits.forEach(({ commit, date, subject }, i) => {
    const parsed = parseLock(texts[i], maxBytes);
    if ("problem" in parsed) {
      history.versions.push({ commit, date, subject, status: "invalid", problem: parsed.problem });
      return;
    }
    history.versions.push({ commit, date, subject, status: "ok", summary: summarize(parsed.lock) });
    addPoints(history, parsed.lock, commit, date);
  });
  return history;
}

function addPoints(history: LockHistory, lock: Lock, commit: string, date: string): void {
  const at = { commit, date, asOf: lock.asOf };
  for (const [scheme, result] of Object.entries(lock.schemes)) {
    series(history.unassigned, scheme).push({ ...at, population: result.population, ...result.unassigned });
    for (const [id, s] of Object.entries(result.segments)) {
      const priority = lock.prioritization?.segments[id];
      series(history.segments, `${scheme}/${id}`).push({ ...at, count: s.count, share: s.share, value: s.value, valueShare: s.valueShare, total: priority?.total ?? null, rank: priority?.rank ?? null });
    }
  }
  for (const c of lock.clusters?.centroids ?? []) series(history.clusters, c.id).push({ ...at, name: c.name, size: c.size, share: c.share, centroid: c.centroid });
}

/** The series under `key`, created as an own property (a lock's ids are data: "__proto__" is just a name). */
function series<T>(record: Record<string, T[]>, key: string): T[] {
  if (!Object.hasOwn(record, key)) Object.defineProperty(record, key, { value: [], enumerable: true, writable: true, configurable: true });
  return record[key]!;
}

function summarize(lock: Lock): LockSummary {
  return {
    asOf: lock.asOf,
    definitions: { ...lock.hashes.segments },
    config: { ...lock.hashes.config },
    inputs: Object.fromEntries(Object.entries(lock.inputs).map(([name, input]) => [name, input.sha256])),
    schemes: Object.fromEntries(Object.entries(lock.schemes).map(([id, s]) => [id, { population: s.population, unassigned: s.unassigned.count }])),
    k: lock.clusters?.k ?? null,
    ari: lock.clusters?.ari ?? null,
  };
}

function parseLock(text: string | undefined | TooLarge, maxBytes: number): { lock: Lock } | { problem: string } {
  if (text === undefined) return { problem: "missing at this commit" };
  if (typeof text !== "string") return { problem: `${text.tooLarge} bytes, over the limit of ${maxBytes} bytes for a lock; not read` };
  const parsed = parseLockText(text);
  return parsed.status === "ok" ? { lock: parsed.lock } : { problem: parsed.message };
}
