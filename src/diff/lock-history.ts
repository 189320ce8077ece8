/**
 * The history of segments.lock.json from git: every commit that changed it
 * (`git log -- <path>`), each version read (`git cat-file --batch`, one process
 * for all of them) and parsed with the lock schema, turned into time series per
 * segment (count, share, value, rank) and per cluster (size and centroid). The
 * playbook charts them; versions that do not parse are listed and skipped.
 */
import { execFileSync } from "node:child_process";
import { lockSchema, type Lock } from "../lock/lock.ts";
import { gitText, repositoryPath, type Repository } from "./git.ts";

export interface LockVersion {
  commit: string;
  /** Commit date, YYYY-MM-DD. */
  date: string;
  status: "ok" | "invalid";
  /** Why the version was skipped. */
  problem?: string;
}

export interface SegmentPoint {
  commit: string;
  date: string;
  /** The lock's as-of date: what the numbers describe. */
  asOf: string;
  count: number;
  share: number;
  value: number | null;
  valueShare: number | null;
  total: number | null;
  rank: number | null;
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
}

export function readLockHistory(repository: Repository, lockFile: string, options: HistoryOptions = {}): LockHistory {
  const path = repositoryPath(repository, lockFile);
  const log = gitText(repository.top, ["log", `--max-count=${options.limit ?? 500}`, "--format=%H%x09%cs", "--", path]);
  const commits = log
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [commit, date] = line.split("\t") as [string, string];
      return { commit, date };
    })
    .reverse();
  const texts = readBlobs(repository.top, commits.map((c) => `${c.commit}:${path}`));
  const history: LockHistory = { versions: [], segments: {}, unassigned: {}, clusters: {} };
  commits.forEach(({ commit, date }, i) => {
    const parsed = parseLock(texts[i]);
    if ("problem" in parsed) {
      history.versions.push({ commit, date, status: "invalid", problem: parsed.problem });
      return;
    }
    history.versions.push({ commit, date, status: "ok" });
    addPoints(history, parsed.lock, commit, date);
  });
  return history;
}

function addPoints(history: LockHistory, lock: Lock, commit: string, date: string): void {
  const at = { commit, date, asOf: lock.asOf };
  for (const [scheme, result] of Object.entries(lock.schemes)) {
    (history.unassigned[scheme] ??= []).push({ ...at, population: result.population, ...result.unassigned });
    for (const [id, s] of Object.entries(result.segments)) {
      const priority = lock.prioritization?.segments[id];
      (history.segments[`${scheme}/${id}`] ??= []).push({ ...at, count: s.count, share: s.share, value: s.value, valueShare: s.valueShare, total: priority?.total ?? null, rank: priority?.rank ?? null });
    }
  }
  for (const c of lock.clusters?.centroids ?? []) (history.clusters[c.id] ??= []).push({ ...at, name: c.name, size: c.size, share: c.share, centroid: c.centroid });
}

function parseLock(text: string | undefined): { lock: Lock } | { problem: string } {
  if (text === undefined) return { problem: "missing at this commit" };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problem: `not valid JSON (${(error as Error).message})` };
  }
  const parsed = lockSchema.safeParse(json);
  if (!parsed.success) return { problem: `not a Seg lock file (${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message})` };
  return { lock: parsed.data };
}

/** Read many `rev:path` objects in one `git cat-file --batch`; undefined for missing ones. */
function readBlobs(cwd: string, objects: readonly string[]): (string | undefined)[] {
  if (objects.length === 0) return [];
  const out = execFileSync("git", ["cat-file", "--batch"], { cwd, input: `${objects.join("\n")}\n`, maxBuffer: 1024 * 1024 * 1024, stdio: ["pipe", "pipe", "pipe"] });
  const texts: (string | undefined)[] = [];
  let at = 0;
  for (let i = 0; i < objects.length; i++) {
    const end = out.indexOf(0x0a, at);
    const header = out.subarray(at, end).toString("utf8");
    at = end + 1;
    const match = /^\S+ blob (\d+)$/.exec(header);
    if (!match) {
      texts.push(undefined);
      continue;
    }
    const size = Number(match[1]);
    texts.push(out.subarray(at, at + size).toString("utf8"));
    at += size + 1;
  }
  return texts;
}
