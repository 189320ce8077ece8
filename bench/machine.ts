/** The machine a benchmark ran on, for BENCHMARKS.md: CPU, cores, memory and tool versions. */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { openDatabase } from "../src/engine/duckdb.ts";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  duckdb: string;
  python: string;
  pandas: string;
  sklearn: string;
  numpy: string;
}

export const PYTHON = "/usr/bin/python3";

export async function describeMachine(): Promise<Machine> {
  const cpuinfo = safeRead("/proc/cpuinfo");
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? "unknown";
  const db = await openDatabase();
  const [row] = await db.all("SELECT version() AS v");
  db.close();
  const versions = spawnSync(PYTHON, ["-c", "import sys, pandas, sklearn, numpy; print(sys.version.split()[0], pandas.__version__, sklearn.__version__, numpy.__version__)"], { encoding: "utf8" });
  const [python = "missing", pandas = "missing", sklearn = "missing", numpy = "missing"] = versions.status === 0 ? versions.stdout.trim().split(" ") : [];
  const osRelease = /PRETTY_NAME="([^"]+)"/.exec(safeRead("/etc/os-release"))?.[1] ?? process.platform;
  return { cpu: model, cores: cpus().length, memoryGb: Math.round(totalmem() / 1024 ** 3), os: osRelease, node: process.version, duckdb: String(row?.v ?? "unknown"), python, pandas, sklearn, numpy };
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}
