/**
 * The options of every command that recomputes from the data: the analysis
 * date, where the data lives and how much of the machine DuckDB may use. One
 * table, so check, lock, build and the others describe and apply them the
 * same way.
 */
import { homedir } from "node:os";
import { resolve } from "node:path";
import { WAREHOUSE_ENGINES, type WarehouseRequest } from "../engine/warehouse/warehouse-request.ts";
import type { Io } from "./io.ts";
import type { OptionSpec, ParsedArgs } from "./options.ts";
import { SegError } from "../diagnostics/seg-error.ts";
import { parseDateOption } from "./parse-date-option.ts";

export const AS_OF_OPTION = {
  name: "as-of",
  type: "string",
  placeholder: "YYYY-MM-DD",
  description: "The analysis date (overrides as_of in segmentation.yaml).",
} as const satisfies OptionSpec;

export const DATA_DIR_OPTION = {
  name: "data-dir",
  type: "string",
  placeholder: "DIR",
  description: "Folder that source paths are relative to (default: the workspace), for data kept outside the repository.",
} as const satisfies OptionSpec;

export const ENGINE_OPTIONS = [
  { name: "threads", type: "number", placeholder: "N", description: "DuckDB threads (default: all cores)." },
  { name: "memory-limit", type: "string", placeholder: "SIZE", description: "DuckDB memory limit, e.g. 4GB; larger data spills to disk." },
  { name: "no-cache", type: "boolean", description: "Neither read nor write Seg's cache of typed sources, loads, feature columns, clusterings, segment metrics, impact comparisons and k-means fits ($SEG_CACHE_DIR, else ~/.cache/seg)." },
] as const satisfies readonly OptionSpec[];

/** Where sources that name a table are read from: the options of the commands that recompute (not seg dev). */
export const WAREHOUSE_OPTIONS = [
  {
    name: "engine",
    type: "string",
    choices: ["duckdb", ...WAREHOUSE_ENGINES],
    default: "duckdb",
    description: "Where sources that name a table: are read from. duckdb reads every source's file (so a source with table: and no path: needs a warehouse engine); a warehouse engine reads those sources' tables (the connection comes from a profile, never from the workspace) and the other sources' files.",
  },
  { name: "profile", type: "string", placeholder: "NAME", description: "The connection profile in profiles.yaml for a warehouse engine (default: default, else the engine's environment variables such as PGHOST or DATABASE_URL)." },
  { name: "profiles-dir", type: "string", placeholder: "DIR", description: "The folder holding profiles.yaml (default: $SEG_PROFILES_DIR, else ~/.seg); refused inside the workspace." },
  { name: "dry-run", type: "boolean", description: "With a warehouse engine: print the query of each step (and when it is sent), then stop without connecting." },
] as const satisfies readonly OptionSpec[];

/** --as-of, --data-dir, the engine options and the warehouse options, in the order commands list them. */
export const RECOMPUTE_OPTIONS = [AS_OF_OPTION, DATA_DIR_OPTION, ...ENGINE_OPTIONS, ...WAREHOUSE_OPTIONS] as const;

export interface DataOptionValues {
  dataDir?: string;
  threads?: number;
  memoryLimit?: string;
  cache?: false;
  warehouse?: WarehouseRequest;
}

export interface RecomputeInputs extends DataOptionValues {
  today: string;
  asOf?: string;
}

/** Today, the --as-of date (checked) and the data options that were given: what the api's recomputing calls take. */
export function recomputeInputs(args: Pick<ParsedArgs<typeof RECOMPUTE_OPTIONS>, "options">, io: Io): RecomputeInputs {
  const asOf = parseDateOption(args.options["as-of"], "--as-of");
  return { today: io.today(), ...(asOf ? { asOf } : {}), ...dataOptionValues(args, io) };
}

/** DuckDB needs some room of its own before any data arrives. */
const MIN_MEMORY_BYTES = 64 * 1024 ** 2;
const UNITS: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, tib: 1024 ** 4 };

/** The values of --data-dir (resolved against the current folder), --threads, --memory-limit and --no-cache that were given, checked. */
export function dataOptionValues(args: Pick<ParsedArgs<[typeof DATA_DIR_OPTION, ...typeof ENGINE_OPTIONS, ...typeof WAREHOUSE_OPTIONS]>, "options">, io: Io): DataOptionValues {
  const dataDir = args.options["data-dir"];
  const threads = args.options.threads;
  const memoryLimit = args.options["memory-limit"];
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1 && threads <= 1024)) {
    throw new SegError(`--threads needs a whole number of 1 or more, not ${threads}.`);
  }
  if (memoryLimit !== undefined) checkMemoryLimit(memoryLimit);
  return {
    ...(dataDir ? { dataDir: resolve(io.cwd, dataDir) } : {}),
    ...(threads !== undefined ? { threads } : {}),
    ...(memoryLimit !== undefined ? { memoryLimit } : {}),
    ...(args.options["no-cache"] === true ? { cache: false as const } : {}),
    ...warehouseRequest(args, io),
  };
}

/** The warehouse a command runs with, when --engine names one; --profile and --profiles-dir need one. */
function warehouseRequest(args: Pick<ParsedArgs<typeof WAREHOUSE_OPTIONS>, "options">, io: Io): { warehouse?: WarehouseRequest } {
  const { engine, profile } = args.options;
  const profilesDir = args.options["profiles-dir"];
  if (engine === undefined || engine === "duckdb") {
    if (profile !== undefined || profilesDir !== undefined || args.options["dry-run"]) throw new SegError("--profile, --profiles-dir and --dry-run go with a warehouse engine: add --engine postgres, bigquery or snowflake.");
    return {};
  }
  return {
    warehouse: {
      engine,
      ...(profile !== undefined ? { profile } : {}),
      ...(profilesDir !== undefined ? { profilesDir: resolve(io.cwd, profilesDir) } : {}),
      env: io.env,
      home: io.env.HOME || homedir(),
    },
  };
}

/** "4GB", "512MB", "1.5GiB": a size DuckDB understands, and at least 64 MiB. */
function checkMemoryLimit(value: string): void {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]i?b|b)\s*$/i.exec(value);
  if (!match) throw new SegError(`--memory-limit needs a size such as 4GB or 512MB, not "${value}".`);
  const bytes = Number(match[1]) * UNITS[match[2]!.toLowerCase()]!;
  if (bytes < MIN_MEMORY_BYTES) throw new SegError(`--memory-limit ${value} is too small for DuckDB to work in; give it at least 64MB.`);
}
