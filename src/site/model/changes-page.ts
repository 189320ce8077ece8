/**
 * Page data for "Changes": what each committed segments.lock.json said, oldest
 * first. Per commit (dated, with its subject): every segment's members, share
 * and value share, k and ARI, and what changed since the previous lock —
 * which segment definitions (their hashes in the lock), which settings of
 * segmentation.yaml, which data files — with how many members each segment
 * gained or lost and how many at least changed segment.
 *
 * The lock keeps counts, not members, so moves that cancel out are not seen
 * here; `seg diff` recomputes both revisions member by member.
 *
 * The history is read once by `seg build` (diff/history.ts); the lock versions
 * in it are hostile data already parsed with the lock schema. Keys from them
 * are held in Maps, never used as bare object keys.
 */
import type { LockHistoryResult } from "../../diff/history.ts";
import type { FieldChange } from "../../diff/definition-diff.ts";
import type { LockVersion } from "../../diff/lock-history.ts";

export interface ChangesSegmentValue {
  count: number;
  share: number;
  valueShare: number | null;
  /** Members gained (+) or lost (−) since the previous lock; null when the segment is new there. */
  delta: number | null;
}

export interface ChangesDefinitionChange {
  /** "scheme/segment". */
  key: string;
  scheme: string;
  id: string;
  kind: "added" | "removed" | "changed";
  /** The definition's fields that changed (from the segment file at both commits), e.g. definition.where. */
  fields: { path: string; before: string | null; after: string | null }[];
}

export interface ChangesSchemeMove {
  scheme: string;
  /**
   * At least this many members changed segment (or left or joined the scheme's
   * segments): the members segments and "in no segment" gained, less the growth
   * of the population. Null for the first lock.
   */
  moved: number | null;
  population: number;
  unassigned: number;
}

export interface ChangesCommit {
  commit: string;
  short: string;
  date: string;
  subject: string;
  asOf: string;
  k: number | null;
  ari: number | null;
  /** "scheme/segment" → its figures in this lock (a Map's entries: ids are data). */
  segments: [string, ChangesSegmentValue][];
  schemes: ChangesSchemeMove[];
  definitions: ChangesDefinitionChange[];
  /** segmentation.yaml sections whose hash changed. */
  settings: string[];
  /** Sources whose file changed. */
  data: string[];
  /** True for the first readable lock (nothing to compare with). */
  first: boolean;
}

export interface ChangesSchemeTable {
  scheme: string;
  label: string;
  /** Segments seen in any lock of the scheme: "scheme/segment", its id, its current name and page when it still exists. */
  segments: { key: string; id: string; name: string; url: string | null }[];
}

export interface ChangesPage {
  /** "available" when at least one lock version was read. */
  status: "available" | "no-repository" | "no-git" | "shallow" | "not-committed";
  /** Why there is no history, for the reader. */
  reason: string | null;
  commits: ChangesCommit[];
  /** Lock versions that could not be read, with why. */
  skipped: { commit: string; short: string; date: string; subject: string; problem: string }[];
  schemes: ChangesSchemeTable[];
  hasValue: boolean;
  hasClusters: boolean;
  charts: { members: Record<string, string>; k: string | null; ari: string | null };
}

export interface ChangesContext {
  /** Scheme id → label. */
  schemeLabels: Map<string, string>;
  /** Current segments: "scheme/segment" → name and page. */
  segments: Map<string, { name: string; url: string }>;
}

export function buildChanges(history: LockHistoryResult | undefined, context: ChangesContext): ChangesPage {
  const page: ChangesPage = { status: "available", reason: null, commits: [], skipped: [], schemes: [], hasValue: false, hasClusters: false, charts: { members: {}, k: null, ari: null } };
  if (!history || !history.available) {
    page.status = history?.missing === "full-history" ? "shallow" : history?.missing === "git" ? "no-git" : "no-repository";
    page.reason = history?.reason ?? "the build was not given the lock's history.";
    return page;
  }
  page.skipped = history.versions
    .filter((v) => v.status === "invalid")
    .map((v) => ({ commit: v.commit, short: v.commit.slice(0, 7), date: v.date, subject: v.subject, problem: v.problem ?? "not readable" }));
  const counts = segmentSeries(history);
  let previous: LockVersion | undefined;
  for (const version of history.versions) {
    if (version.status !== "ok" || !version.summary) continue;
    page.commits.push(commitOf(version, previous, counts, history.definitionChanges.get(version.commit)));
    previous = version;
  }
  if (page.commits.length === 0) {
    page.status = "not-committed";
    page.reason = page.skipped.length > 0 ? "no committed version of segments.lock.json could be read." : "segments.lock.json has never been committed.";
    return page;
  }
  page.hasValue = page.commits.some((c) => c.segments.some(([, s]) => s.valueShare !== null));
  page.hasClusters = page.commits.some((c) => c.k !== null);
  page.schemes = schemeTables(page.commits, context);
  return page;
}

/** Per commit, "scheme/segment" → figures, from the history's series. */
function segmentSeries(history: LockHistoryResult): Map<string, Map<string, ChangesSegmentValue>> {
  const byCommit = new Map<string, Map<string, ChangesSegmentValue>>();
  for (const [key, points] of Object.entries(history.segments)) {
    for (const p of points) {
      let at = byCommit.get(p.commit);
      if (!at) byCommit.set(p.commit, (at = new Map()));
      at.set(key, { count: p.count, share: p.share, valueShare: p.valueShare, delta: null });
    }
  }
  return byCommit;
}

function commitOf(version: LockVersion, previous: LockVersion | undefined, counts: Map<string, Map<string, ChangesSegmentValue>>, fields: Map<string, FieldChange[]> | undefined): ChangesCommit {
  const summary = version.summary!;
  const before = previous ? (counts.get(previous.commit) ?? new Map<string, ChangesSegmentValue>()) : undefined;
  const now = counts.get(version.commit) ?? new Map<string, ChangesSegmentValue>();
  const segments = [...now.entries()].map(([key, s]): [string, ChangesSegmentValue] => {
    const old = before?.get(key);
    return [key, { ...s, delta: old ? s.count - old.count : before ? s.count : null }];
  });
  const schemes = Object.entries(summary.schemes).map(([scheme, figures]) => {
    const old = previous?.summary ? new Map(Object.entries(previous.summary.schemes)).get(scheme) : undefined;
    return { scheme, population: figures.population, unassigned: figures.unassigned, moved: previous ? movedAtLeast(scheme, figures, old, now, before!) : null };
  });
  return {
    commit: version.commit,
    short: version.commit.slice(0, 7),
    date: version.date,
    subject: version.subject,
    asOf: summary.asOf,
    k: summary.k,
    ari: summary.ari,
    segments,
    schemes,
    definitions: previous?.summary ? definitionChanges(previous.summary.definitions, summary.definitions, fields) : [],
    settings: previous?.summary ? changedKeys(previous.summary.config, summary.config) : [],
    data: previous?.summary ? changedKeys(previous.summary.inputs, summary.inputs) : [],
    first: previous === undefined,
  };
}

/**
 * The members the scheme's segments and "in no segment" gained between two
 * locks, less the population's growth: in an exclusive scheme with the same
 * population, exactly the net number of members that changed segment.
 */
function movedAtLeast(
  scheme: string,
  now: { population: number; unassigned: number },
  old: { population: number; unassigned: number } | undefined,
  segments: Map<string, ChangesSegmentValue>,
  before: Map<string, ChangesSegmentValue>,
): number {
  const prefix = `${scheme}/`;
  const keys = new Set([...segments.keys(), ...before.keys()].filter((k) => k.startsWith(prefix)));
  let gained = Math.max(0, now.unassigned - (old?.unassigned ?? 0));
  for (const key of keys) gained += Math.max(0, (segments.get(key)?.count ?? 0) - (before.get(key)?.count ?? 0));
  return Math.max(0, gained - Math.max(0, now.population - (old?.population ?? 0)));
}

function definitionChanges(before: Record<string, string>, after: Record<string, string>, fields: Map<string, FieldChange[]> | undefined): ChangesDefinitionChange[] {
  const old = new Map(Object.entries(before));
  const now = new Map(Object.entries(after));
  const changes: ChangesDefinitionChange[] = [];
  const split = (key: string) => {
    const at = key.indexOf("/");
    return { scheme: at < 0 ? "" : key.slice(0, at), id: at < 0 ? key : key.slice(at + 1) };
  };
  for (const [key, hash] of now) {
    const was = old.get(key);
    if (was === undefined) changes.push({ key, ...split(key), kind: "added", fields: [] });
    else if (was !== hash) changes.push({ key, ...split(key), kind: "changed", fields: (fields?.get(key) ?? []).map((f) => ({ path: f.path, before: shown(f.before), after: shown(f.after) })) });
  }
  for (const key of old.keys()) if (!now.has(key)) changes.push({ key, ...split(key), kind: "removed", fields: [] });
  return changes.sort((a, b) => a.key.localeCompare(b.key));
}

/** A field's value as the page shows it: text as is, anything else as JSON; absent is null. */
function shown(value: unknown): string | null {
  return value === undefined ? null : typeof value === "string" ? value : JSON.stringify(value);
}

function changedKeys(before: Record<string, string>, after: Record<string, string>): string[] {
  const old = new Map(Object.entries(before));
  const now = new Map(Object.entries(after));
  return [...new Set([...old.keys(), ...now.keys()])].filter((k) => old.get(k) !== now.get(k)).sort();
}

function schemeTables(commits: readonly ChangesCommit[], context: ChangesContext): ChangesSchemeTable[] {
  const keysByScheme = new Map<string, Set<string>>();
  for (const c of commits) {
    for (const s of c.schemes) if (!keysByScheme.has(s.scheme)) keysByScheme.set(s.scheme, new Set());
    for (const [key] of c.segments) {
      const scheme = key.slice(0, key.indexOf("/"));
      if (!keysByScheme.has(scheme)) keysByScheme.set(scheme, new Set());
      keysByScheme.get(scheme)!.add(key);
    }
  }
  return [...keysByScheme.entries()].map(([scheme, keys]) => ({
    scheme,
    label: context.schemeLabels.get(scheme) ?? scheme,
    segments: [...keys].sort().map((key) => {
      const current = context.segments.get(key);
      return { key, id: key.slice(scheme.length + 1), name: current?.name ?? key.slice(scheme.length + 1), url: current?.url ?? null };
    }),
  }));
}
