/**
 * The two equal windows around a launch date, and whether the data covers them.
 * A window that starts before a source's first row or ends after its last (or
 * after as_of) would compare a part-window with a whole one, so it is reported
 * and the measure is not compared, never silently cut short.
 */
import type { SourceStats } from "../load-sources.ts";

/** Days from `start` (inclusive) to `end` (exclusive), both YYYY-MM-DD. */
export interface ImpactWindow {
  start: string;
  end: string;
}

export interface ImpactWindows {
  launch: string;
  days: number;
  before: ImpactWindow;
  after: ImpactWindow;
}

export interface WindowProblem {
  source: string;
  /** before-data: the before window opens before the source's first row; after-data: the after window closes after its last; after-as-of: after as_of. */
  problem: "before-data" | "after-data" | "after-as-of";
  /** The window's first day (before-data) or last day (the others). */
  windowDay: string;
  /** The source's first or last day, or as_of; null for a source without rows. */
  limit: string | null;
}

const MS_PER_DAY = 86_400_000;

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

export function impactWindows(launch: string, days: number): ImpactWindows {
  return { launch, days, before: { start: addDays(launch, -days), end: launch }, after: { start: launch, end: addDays(launch, days) } };
}

/**
 * The first reason the windows do not fit the data of `source`, or null. A
 * source without a timestamp (a dated flag on the accounts) is bounded by as_of only.
 */
export function windowProblem(windows: ImpactWindows, source: string, stats: SourceStats | undefined, timestamped: boolean, asOf: string): WindowProblem | null {
  const lastDay = addDays(windows.after.end, -1);
  if (windows.after.end > asOf) return { source, problem: "after-as-of", windowDay: lastDay, limit: asOf };
  if (!timestamped) return null;
  const oldest = stats?.oldest?.slice(0, 10) ?? null;
  const newest = stats?.newest?.slice(0, 10) ?? null;
  if (oldest === null || oldest > windows.before.start) return { source, problem: "before-data", windowDay: windows.before.start, limit: oldest };
  if (newest === null || newest < lastDay) return { source, problem: "after-data", windowDay: lastDay, limit: newest };
  return null;
}
