/**
 * The steps a recompute reports when profiled (`SEG_PROFILE`), in pipeline order.
 * The engine only names each step as it starts and offers a probe of DuckDB's
 * memory and spill; the caller (cli/step-profiler.ts) times the steps and reads the
 * process's memory, which the engine never touches.
 */
import type { DatabaseUsage } from "./duckdb.ts";

export const PROFILE_STEPS = [
  // Before the engine: Node start, reading and validating the workspace (the caller names it).
  "validate",
  "load",
  "RFM",
  "features",
  "clustering sample",
  "clustering fit",
  "assignment",
  "memberships",
  "metrics",
  "checks",
  "lock writing",
] as const;

export type ProfileStep = (typeof PROFILE_STEPS)[number];

/** DuckDB's memory and spill right now; undefined once the database is closed. */
export type UsageProbe = () => Promise<DatabaseUsage | undefined>;

/** Called as each step starts (the previous one ends there); "done" ends the last. */
export type StepHook = (step: ProfileStep | "done", probe?: UsageProbe) => void;

/** Called after each statement DuckDB ran: its SQL, wall seconds and the process's CPU seconds (every thread) meanwhile. */
export type StatementHook = (sql: string, seconds: number, cpuSeconds: number) => void;
