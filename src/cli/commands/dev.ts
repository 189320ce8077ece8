/* eslint max-lines-per-function: "off" -- run reads top to bottom as the steps of the dev loop (see below). */
/**
 * `seg dev`: build the playbook into a temporary folder, serve it, and rebuild
 * when a workspace file changes; open pages reload after each good build. It is
 * `seg build` on a loop with a static server, so what you preview is exactly
 * what `seg build` publishes, and it takes build's data and engine options. A
 * change that introduces errors keeps the last good site up and prints the
 * errors. The port is tried before the first build, so a busy one is reported
 * at once; watching is cli/watch-workspace.ts.
 *
 * `run` is longer than most functions on purpose: it reads top to bottom as a
 * dev session's life (check the options, watch, build, serve, rebuild, stop).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { build, type BuildOptions } from "../../api/build.ts";
import { stylish } from "../../formatters/stylish.ts";
import { serveStatic, type StaticServer } from "../../site/serve-static.ts";
import { checkPort, listenProblem } from "../check-port.ts";
import { DATA_DIR_OPTION, dataOptionValues, ENGINE_OPTIONS } from "../data-options.ts";
import { useColor, type Io } from "../io.ts";
import type { CommandSpec, ParsedArgs } from "../options.ts";
import { parseDateOption } from "../parse-date-option.ts";
import { SegError } from "../../diagnostics/seg-error.ts";
import { watchWorkspace } from "../watch-workspace.ts";
import { workspaceRoot } from "../workspace-root.ts";
import { baseOption } from "./build.ts";

export const spec = {
  name: "dev",
  summary: "Preview the playbook locally and rebuild it when a workspace file changes. Data under a --data-dir outside the workspace is read again at each rebuild, but changes there do not start one.",
  usage: "seg dev [options]",
  options: [
    { name: "port", type: "number", placeholder: "PORT", default: 4321, description: "Port to serve on (0 picks a free one)." },
    { name: "host", type: "string", placeholder: "HOST", default: "127.0.0.1", description: "Address to listen on; 0.0.0.0 makes the preview reachable from other machines." },
    { name: "base", type: "string", placeholder: "PATH", description: "Base path, as for seg build (e.g. /playbook)." },
    { name: "as-of", type: "string", placeholder: "YYYY-MM-DD", description: "The analysis date (overrides as_of in segmentation.yaml)." },
    DATA_DIR_OPTION,
    ...ENGINE_OPTIONS,
  ],
  examples: ["seg dev", "seg dev --port 8080", "seg dev --root examples/online-retail --data-dir ../shared/data/online-retail"],
} as const satisfies CommandSpec;

/** How many changed files the "Changed:" line names before it counts the rest. */
const NAMED_CHANGES = 3;

export async function run(args: ParsedArgs<typeof spec.options>, io: Io): Promise<number> {
  const root = workspaceRoot(args, io);
  const asOf = parseDateOption(args.options["as-of"], "--as-of");
  const base = baseOption(args.options.base);
  const dataOptions = dataOptionValues(args, io);
  const host = args.options.host ?? "127.0.0.1";
  const port = args.options.port ?? 4321;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new SegError(`--port needs a port number from 0 to 65535, not ${port}.`);
  // Before the first build, which takes seconds: a busy port should not cost them.
  await checkPort(host, port);
  process.env.ASTRO_TELEMETRY_DISABLED ??= "1";

  const scratch = mkdtempSync(join(tmpdir(), "seg-dev-"));
  const outDir = join(scratch, "site");
  // The base path may also come from site.base in segmentation.yaml; the server follows what was built.
  let builtBase = base;
  const rebuild = builder(
    { root, outDir, today: io.today(), ...(asOf ? { asOf } : {}), ...(base ? { base } : {}), ...dataOptions, logLevel: args.options.debug ? "info" : "error" },
    io,
    (built) => (builtBase ??= built),
  );

  // Watch from before the first build, so an edit made while it runs is not missed.
  const changed = new Set<string>();
  let server: StaticServer | undefined;
  let building: Promise<void> | undefined;
  const rebuildWhileChanged = async () => {
    while (changed.size > 0) {
      const files = [...changed];
      changed.clear();
      io.stdout(`Changed: ${describeChanges(files)}. Rebuilding…\n`);
      if (await rebuild()) server?.reload();
    }
    building = undefined;
  };
  const watcher = watchWorkspace(root, {
    ignore: [scratch],
    onChange: (files) => {
      for (const file of files) changed.add(file);
      if (server && !building) building = rebuildWhileChanged();
    },
    onError: (message) => io.stderr(`seg dev: ${message}; changes there will not rebuild the playbook.\n`),
  });

  const stop = async (code: number): Promise<number> => {
    watcher.close();
    await building;
    await server?.close();
    rmSync(scratch, { recursive: true, force: true });
    return code;
  };

  io.stdout(`Building the playbook from ${relative(io.cwd, root) || "."}…\n`);
  if (!(await rebuild())) {
    io.stderr("seg dev: nothing to serve until the workspace builds; fix the errors above and run seg dev again.\n");
    return stop(1);
  }
  try {
    server = await serveStatic({ dir: outDir, base: builtBase ?? "/", host, port, liveReload: true });
  } catch (error) {
    await stop(2);
    throw listenProblem(error, host, port) ?? error;
  }
  io.stdout(`Serving the playbook at ${server.url} — edit the workspace and the page reloads. Ctrl+C stops.\n`);
  if (changed.size > 0) building = rebuildWhileChanged();

  await new Promise<void>((resolveStop) => {
    process.once("SIGINT", () => resolveStop());
    process.once("SIGTERM", () => resolveStop());
  });
  await stop(0);
  io.stdout("Stopped.\n");
  return 0;
}

/** One build into the dev folder, reported on one line, or with the errors that kept the last good site up; true when it built. */
function builder(options: BuildOptions, io: Io, onBase: (base: string | undefined) => void): () => Promise<boolean> {
  const color = useColor(io);
  return async () => {
    const started = Date.now();
    try {
      const result = await build(options);
      if (!result.outDir) {
        io.stderr(stylish({ root: result.check.root, asOf: result.check.asOf, diagnostics: result.check.diagnostics, counts: result.check.counts }, { color }));
        io.stderr(`Not rebuilt: fix the ${result.check.counts.error} error${result.check.counts.error === 1 ? "" : "s"} above; still serving the last good build.\n`);
        return false;
      }
      onBase(result.base);
      io.stdout(`Built ${result.pages} pages in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
      return true;
    } catch (error) {
      io.stderr(`Build failed: ${error instanceof Error ? error.message : String(error)}\n`);
      return false;
    }
  };
}

/** "segments/usage/heavy.yaml", or "a, b, c and 2 more". */
function describeChanges(files: readonly string[]): string {
  if (files.length <= NAMED_CHANGES) return files.join(", ");
  return `${files.slice(0, NAMED_CHANGES).join(", ")} and ${files.length - NAMED_CHANGES} more`;
}
