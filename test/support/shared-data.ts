/**
 * Paths to the shared real data sets and the Python reference. Tests that need
 * them call `requireData` / `requirePython`, which explain in the test output
 * what is missing instead of failing obscurely.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

export const SHARED_DATA = resolve(import.meta.dirname, "../../../shared/data");
export const PYTHON = "/usr/bin/python3";

export function dataPath(...parts: string[]): string {
  return resolve(SHARED_DATA, ...parts);
}

/** Undefined when present; otherwise the reason to print and skip. */
export function missingData(...parts: string[]): string | undefined {
  const path = dataPath(...parts);
  return existsSync(path) ? undefined : `shared data set not found at ${path} (../shared/data is expected beside the project)`;
}

export function missingPython(): string | undefined {
  const probe = spawnSync(PYTHON, ["-c", "import pandas, sklearn"], { encoding: "utf8" });
  return probe.status === 0 ? undefined : `${PYTHON} with pandas and scikit-learn is not available (apt-get install python3-pandas python3-sklearn; .ci/run installs them)`;
}

export function runPython(script: string, args: string[]): string {
  const result = spawnSync(PYTHON, [resolve(import.meta.dirname, "../reference", script), ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${script} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}
