/** Run the seg command as a subprocess, the way a user or CI does. */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

export const SEG_BIN = resolve(import.meta.dirname, "../../bin/seg.js");

export interface SegRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs in `cwd` with a clean CI-like environment: no colors, no GitHub variables unless given. */
export function runSeg(args: readonly string[], options: { cwd: string; env?: Record<string, string> }): SegRun {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !key.startsWith("GITHUB_")) env[key] = value;
  const result = spawnSync(process.execPath, [SEG_BIN, ...args], { cwd: options.cwd, env: { ...env, NO_COLOR: "1", ...options.env }, encoding: "utf8", timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
