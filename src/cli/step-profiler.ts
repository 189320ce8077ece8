/**
 * `SEG_PROFILE`: time each step of a recompute (engine/step-profile.ts names them)
 * and record the peak memory of the process and of DuckDB, and DuckDB's spill to
 * disk, during each. `SEG_PROFILE=1` prints a table on stderr; any other value is a
 * file the profile is written to as JSON. CPU seconds count every thread of the process.
 * Peak RSS per step comes from the kernel's
 * high-water mark, reset as each step starts (Linux); elsewhere, and for DuckDB's
 * own figures, from samples taken every 50 ms. Each step also lists the DuckDB
 * statements it ran with their wall and CPU seconds, so the statement that costs
 * most is named, not guessed; the printed table ends with the slowest five.
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { ProfileStep, StatementHook, StepHook, UsageProbe } from "../engine/step-profile.ts";
import type { Io } from "./io.ts";

export interface StepProfileRow {
  step: ProfileStep;
  seconds: number;
  /** CPU time of the whole process (every thread, DuckDB's included, user and system) during the step, seconds. */
  cpuSeconds: number;
  /** Peak resident memory of the whole process during the step, MB. */
  peakRssMb: number;
  /** Peak memory DuckDB's buffer manager held during the step, MB (sampled). */
  duckdbPeakMb: number;
  /** Peak bytes DuckDB had spilled to temp files during the step, MB (sampled). */
  spillPeakMb: number;
  /** The DuckDB statements the step ran, in order. */
  statements: StatementTime[];
}

export interface StatementTime {
  sql: string;
  seconds: number;
  /** CPU time of the whole process while the statement ran, seconds. */
  cpuSeconds: number;
}

export interface StepProfiler {
  step: StepHook;
  statement: StatementHook;
  /** Ends the last step and returns every step's row. */
  finish(): StepProfileRow[];
}

const SAMPLE_MS = 50;
const MB = 1024 * 1024;

/** A profiler when SEG_PROFILE is set, else undefined. Starts timing at once, in the step "validate". */
export function profilerFromEnv(io: Io): StepProfiler | undefined {
  return io.env.SEG_PROFILE ? stepProfiler() : undefined;
}

export function stepProfiler(): StepProfiler {
  const rows: StepProfileRow[] = [];
  let current: StepProfileRow | undefined;
  let started = 0;
  let cpuAtStart = 0;
  let probe: UsageProbe | undefined;
  let probing = false;
  const highWater = resetHighWater();
  const sample = () => {
    if (!current) return;
    current.peakRssMb = Math.max(current.peakRssMb, process.memoryUsage.rss() / MB);
    if (!probe || probing) return;
    const row = current;
    probing = true;
    probe()
      .then((usage) => {
        if (!usage) return;
        row.duckdbPeakMb = Math.max(row.duckdbPeakMb, usage.memoryBytes / MB);
        row.spillPeakMb = Math.max(row.spillPeakMb, usage.spillBytes / MB);
      })
      .catch(() => undefined)
      .finally(() => (probing = false));
  };
  const end = () => {
    if (!current) return;
    sample();
    current.seconds = (performance.now() - started) / 1000;
    current.cpuSeconds = cpu() - cpuAtStart;
    const kernel = highWater ? readHighWaterMb() : undefined;
    if (kernel !== undefined) current.peakRssMb = Math.max(current.peakRssMb, kernel);
    rows.push(current);
    current = undefined;
  };
  const begin = (step: ProfileStep, next?: UsageProbe) => {
    end();
    if (next) probe = next;
    if (highWater) resetHighWater();
    started = performance.now();
    cpuAtStart = cpu();
    current = { step, seconds: 0, cpuSeconds: 0, peakRssMb: 0, duckdbPeakMb: 0, spillPeakMb: 0, statements: [] };
    sample();
  };
  const timer = setInterval(sample, SAMPLE_MS);
  timer.unref();
  begin("validate");
  return {
    step(step, next) {
      if (step === "done") end();
      else begin(step, next);
    },
    statement(sql, seconds, cpuSeconds) {
      // A statement that ends after "done" (none does today) belongs to the last step.
      (current ?? rows.at(-1))?.statements.push({ sql, seconds, cpuSeconds });
    },
    finish() {
      end();
      clearInterval(timer);
      return rows;
    },
  };
}

/** The profiler's hooks as engine options (none without a profiler). */
export function profileOptions(profiler: StepProfiler | undefined): { profileStep?: StepHook; profileStatement?: StatementHook } {
  return profiler ? { profileStep: profiler.step, profileStatement: profiler.statement } : {};
}

/** The `count` statements that cost most CPU time over every step, with the step that ran each. */
export function slowestStatements(rows: readonly StepProfileRow[], count: number): (StatementTime & { step: ProfileStep })[] {
  return rows
    .flatMap((row) => row.statements.map((s) => ({ step: row.step, ...s })))
    .sort((a, b) => b.cpuSeconds - a.cpuSeconds)
    .slice(0, count);
}

/** Print the profile (SEG_PROFILE=1) or write it as JSON to the file SEG_PROFILE names. */
export function reportProfile(profiler: StepProfiler | undefined, io: Io): void {
  if (!profiler) return;
  const rows = profiler.finish();
  const target = io.env.SEG_PROFILE!;
  if (target !== "1") {
    writeFileSync(target, `${JSON.stringify({ steps: rows, peakRssMb: Math.max(...rows.map((r) => r.peakRssMb)) }, null, 2)}\n`);
    return;
  }
  const header = ["step", "seconds", "CPU seconds", "peak RSS MB", "DuckDB peak MB", "spill peak MB"];
  const lines = rows.map((r) => [r.step, r.seconds.toFixed(2), r.cpuSeconds.toFixed(2), r.peakRssMb.toFixed(0), r.duckdbPeakMb.toFixed(0), r.spillPeakMb.toFixed(0)]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  io.stderr(`${[format(header), ...lines.map(format)].join("\n")}\n`);
  const slowest = slowestStatements(rows, 5);
  if (slowest.length === 0) return;
  const sql = (text: string) => {
    const flat = text.replace(/\s+/g, " ").trim();
    return flat.length > 100 ? `${flat.slice(0, 99)}…` : flat;
  };
  io.stderr(`\nSlowest statements (CPU seconds, wall seconds, step, SQL):\n${slowest.map((s) => `${s.cpuSeconds.toFixed(2).padStart(8)}  ${s.seconds.toFixed(2).padStart(7)}  ${s.step}: ${sql(s.sql)}`).join("\n")}\n`);
}

/** CPU seconds the process has used so far, user and system, every thread. */
function cpu(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1e6;
}

/** Reset the kernel's peak-RSS mark of this process (Linux); false where that cannot be done. */
function resetHighWater(): boolean {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

function readHighWaterMb(): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}
