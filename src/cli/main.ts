/**
 * argv → command → exit code. The only place that decides the exit code;
 * commands are loaded lazily so `seg --help` stays fast. User mistakes come back
 * as diagnostics (exit 1), usage mistakes as SegError (exit 2), and anything
 * else is a bug: one line saying so, the stack only with --debug.
 */
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import type { Io } from "./io.ts";
import { formatHelp, parseArgs, type CommandSpec, type ParsedArgs } from "./options.ts";
import { SegError } from "../diagnostics/seg-error.ts";

interface CommandModule {
  spec: CommandSpec;
  run(args: ParsedArgs, io: Io): number | Promise<number>;
}

export const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  check: { summary: "Validate, recompute and lint the workspace", load: () => import("./commands/check.ts") },
  lock: { summary: "Recompute from the data and write segments.lock.json", load: () => import("./commands/lock.ts") },
  export: { summary: "Write members with segments and features (CSV, Parquet, JSON)", load: () => import("./commands/export.ts") },
  explain: { summary: "Show why a customer is in each segment", load: () => import("./commands/explain.ts") },
  compile: { summary: "Write SQL (views or dbt models) that computes features and memberships in a warehouse", load: () => import("./commands/compile.ts") },
  build: { summary: "Check, then build the playbook site to dist/", load: () => import("./commands/build.ts") },
  dev: { summary: "Preview the playbook locally, rebuilding when a file changes", load: () => import("./commands/dev.ts") },
  preview: { summary: "Serve the built playbook (dist/) locally", load: () => import("./commands/preview.ts") },
  diff: { summary: "Show what a change does: definitions, sizes, ranks, customer migration, findings", load: () => import("./commands/diff.ts") },
  init: { summary: "Scaffold a new workspace with sample data and a GitHub workflow", load: () => import("./commands/init.ts") },
  schemas: { summary: "Write JSON Schema files for editors to schemas/", load: () => import("./commands/schemas.ts") },
};

import { VERSION } from "../version.ts";

export function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length)) + 2;
  return [
    "Usage: seg <command> [options]",
    "",
    "Segmentation as code: segments, personas and prioritization in git, recomputed from data.",
    "",
    "Commands:",
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}${c.summary}`),
    "",
    "Run seg <command> --help for a command's options.",
    "",
  ].join("\n");
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  const debug = rest.includes("--debug");
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(mainHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    const names = Object.keys(COMMANDS);
    const close = didYouMean(name, names) ?? names.find((n) => n.startsWith(name.slice(0, 3)));
    io.stderr(`seg: unknown command "${name}".${close ? ` Did you mean "${close}"?` : ""} Run seg --help for the commands.\n`);
    return 2;
  }
  try {
    const module = await command.load();
    const args = parseArgs(module.spec, rest);
    if (args.options.help) {
      io.stdout(formatHelp(module.spec));
      return 0;
    }
    return await module.run(args, io);
  } catch (error) {
    // A problem the user can fix (a usage mistake, a file or git problem): its message, its exit code.
    if (error instanceof SegError) {
      io.stderr(`seg ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    const err = error as Error;
    if (err && typeof err === "object" && "code" in err && typeof (err as NodeJS.ErrnoException).code === "string" && (err as NodeJS.ErrnoException).syscall) {
      const e = err as NodeJS.ErrnoException;
      // Node leaves the path out of some errors (a read of a folder, a write to a full disk); say so rather than print an empty name.
      const where = e.path ? ` ${e.path}` : " a file";
      io.stderr(`seg ${name}: could not ${e.syscall}${where}: ${e.code}.${debug ? `\n${err.stack}` : " Check the path and permissions (--debug shows details)."}\n`);
      return 2;
    }
    if (/Out of Memory Error/i.test(err?.message ?? "")) {
      io.stderr(`seg ${name}: DuckDB ran out of memory: ${String(err.message).split("\n")[0]} Raise --memory-limit (or leave it out: DuckDB then uses up to 80% of the machine's memory and spills the rest to disk).\n`);
      return 2;
    }
    io.stderr(`seg ${name}: internal error: ${err?.message ?? String(error)}. This is a bug in Seg; please report it${debug ? "" : " with the output of --debug"}.\n`);
    if (debug && err?.stack) io.stderr(`${err.stack}\n`);
    return 2;
  }
}
