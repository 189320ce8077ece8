/** Run `seg dev` as a subprocess: wait until it serves, hand its URL to the test, then stop it the way Ctrl+C does. */
import { spawn } from "node:child_process";
import { SEG_BIN } from "./run-seg.ts";

export interface SegDevRun<T> {
  result: T | undefined;
  /** Null when seg dev never served (it exited first); see stdout and stderr. */
  url: string | null;
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment seg dev runs with under the tests: the test runner's own, without Vitest's
 * variables (Astro's dev server leaves its request handler out when VITEST is set).
 */
export function segDevEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", ...extra };
  for (const name of Object.keys(env)) if (name === "VITEST" || name.startsWith("VITEST_")) delete env[name];
  return env;
}

export async function withSegDev<T>(args: readonly string[], cwd: string, use: (url: string) => Promise<T>, env: Record<string, string> = {}): Promise<SegDevRun<T>> {
  const child = spawn(process.execPath, [SEG_BIN, "dev", "--port", "0", ...args], { cwd, env: segDevEnv(env), stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = await new Promise<string | null>((resolve) => {
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const served = /Serving the playbook at (\S+)/.exec(stdout);
      if (served) resolve(served[1]!);
    });
    void exited.then(() => resolve(null));
  });
  let result: T | undefined;
  try {
    if (url) result = await use(url);
  } finally {
    child.kill("SIGTERM");
  }
  const status = await exited;
  return { result, url, status, stdout, stderr };
}
