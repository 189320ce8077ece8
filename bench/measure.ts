/**
 * Whole-process timing for the benchmarks: run a command several times after a
 * warm-up, each under /usr/bin/time (wall seconds and peak resident memory as
 * the kernel accounts them), and report medians. The last run's stdout is kept
 * so a benchmark can print its own figures as JSON on its last line.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Measurement {
  command: string;
  runs: number;
  /** Wall seconds of each counted run. */
  seconds: number[];
  /** Peak resident set size of each counted run, MB (largest process). */
  peakMb: number[];
  medianSeconds: number;
  medianPeakMb: number;
  /** stdout of the last run. */
  stdout: string;
}

export interface MeasureOptions {
  runs?: number;
  warmup?: number;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Per run, seconds (default 1 hour). */
  timeout?: number;
  /** Exit codes that count as success (default [0]); `seg check` exits 1 on findings. */
  allowExit?: readonly number[];
}

const TIME = "/usr/bin/time";

export function measure(command: string, args: readonly string[], options: MeasureOptions = {}): Measurement {
  const runs = options.runs ?? 5;
  const warmup = options.warmup ?? 1;
  const dir = mkdtempSync(join(tmpdir(), "seg-bench-time-"));
  const seconds: number[] = [];
  const peakMb: number[] = [];
  let stdout = "";
  try {
    for (let i = 0; i < warmup + runs; i++) {
      const report = join(dir, `run-${i}.txt`);
      const timed = existsSync(TIME);
      const started = performance.now();
      const result = spawnSync(timed ? TIME : command, timed ? ["-f", "%e %M", "-o", report, command, ...args] : [...args], {
        cwd: options.cwd,
        env: options.env ?? process.env,
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
        timeout: (options.timeout ?? 3600) * 1000,
      });
      const elapsed = (performance.now() - started) / 1000;
      if (result.status === null || !(options.allowExit ?? [0]).includes(result.status)) throw new Error(`${command} ${args.join(" ")} failed (${result.status ?? result.signal}):\n${result.stderr.slice(-4000)}`);
      if (i < warmup) continue;
      stdout = result.stdout;
      if (timed) {
        const [wall, kb] = readFileSync(report, "utf8").trim().split("\n").pop()!.split(" ").map(Number);
        seconds.push(wall!);
        peakMb.push(kb! / 1024);
      } else {
        seconds.push(elapsed);
        peakMb.push(Number.NaN);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { command: [command, ...args].join(" "), runs, seconds, peakMb, medianSeconds: median(seconds), medianPeakMb: median(peakMb), stdout };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? Number.NaN : sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The JSON object a benchmark script printed on its last line. */
export function lastJson<T>(stdout: string): T {
  const line = stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(line) as T;
}
