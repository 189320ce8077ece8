/**
 * The options of every command that recomputes from the data: where the data
 * lives and how much of the machine DuckDB may use. One table, so check, lock,
 * build and the others describe and apply them the same way.
 */
import { resolve } from "node:path";
import type { Io } from "./io.ts";
import type { OptionSpec, ParsedArgs } from "./options.ts";

export const DATA_DIR_OPTION: OptionSpec = {
  name: "data-dir",
  type: "string",
  placeholder: "DIR",
  description: "Folder that source paths are relative to (default: the workspace), for data kept outside the repository.",
};

export const ENGINE_OPTIONS: readonly OptionSpec[] = [
  { name: "threads", type: "number", placeholder: "N", description: "DuckDB threads (default: all cores)." },
  { name: "memory-limit", type: "string", placeholder: "SIZE", description: "DuckDB memory limit, e.g. 4GB; larger data spills to disk." },
  { name: "no-cache", type: "boolean", description: "Neither read nor write Seg's cache of typed sources and k-means fits ($SEG_CACHE_DIR, else ~/.cache/seg)." },
];

export interface DataOptionValues {
  dataDir?: string;
  threads?: number;
  memoryLimit?: string;
  cache?: false;
}

/** The values of --data-dir (resolved against the current folder), --threads and --memory-limit that were given. */
export function dataOptionValues(args: ParsedArgs, io: Io): DataOptionValues {
  const dataDir = args.options["data-dir"] as string | undefined;
  const threads = args.options.threads as number | undefined;
  const memoryLimit = args.options["memory-limit"] as string | undefined;
  return {
    ...(dataDir ? { dataDir: resolve(io.cwd, dataDir) } : {}),
    ...(threads !== undefined ? { threads } : {}),
    ...(memoryLimit !== undefined ? { memoryLimit } : {}),
    ...(args.options["no-cache"] === true ? { cache: false as const } : {}),
  };
}
