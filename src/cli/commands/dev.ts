/* eslint max-lines-per-function: "off" -- run reads top to bottom as the steps of the dev loop (see below). */
/**
 * `seg dev`: serve the playbook from Astro's dev server (api/dev.ts) and keep
 * it in step with the workspace: after each edit the workspace is checked
 * again, only what the edit touched is recomputed (the engine's caches), the
 * new model is swapped into the server and open pages reload, in about a
 * second. An edit that introduces errors prints them with file:line:col and
 * keeps the last good playbook served. The port is tried before the first
 * check, so a busy one is reported at once; watching is cli/watch-workspace.ts
 * (folder by folder, links not followed, editors' temporary files ignored).
 *
 * `run` is longer than most functions on purpose: it reads top to bottom as a
 * dev session's life (check the options, watch, serve, update, stop).
 */
import { relative } from "node:path";
import { startDev, type DevServer } from "../../api/dev.ts";
import type { CheckResult } from "../../lint/check-result.ts";
import { stylish } from "../../formatters/stylish.ts";
import { checkPort, listenProblem } from "../check-port.ts";
import { AS_OF_OPTION, DATA_DIR_OPTION, dataOptionValues, ENGINE_OPTIONS } from "../data-options.ts";
import { useColor, type Io } from "../io.ts";
import type { CommandSpec, ParsedArgs } from "../options.ts";
import { parseDateOption } from "../parse-date-option.ts";
import { SegError } from "../../diagnostics/seg-error.ts";
import { watchWorkspace } from "../watch-workspace.ts";
import { workspaceRoot } from "../workspace-root.ts";
import { baseOption } from "./build.ts";

export const spec = {
  name: "dev",
  summary: "Serve the playbook locally and update it when a workspace file changes. Data under a --data-dir outside the workspace is read again at each update, but changes there do not start one.",
  usage: "seg dev [options]",
  options: [
    { name: "port", type: "number", placeholder: "PORT", default: 4321, description: "Port to serve on (0 picks a free one)." },
    { name: "host", type: "string", placeholder: "HOST", default: "127.0.0.1", description: "Address to listen on; 0.0.0.0 makes the preview reachable from other machines." },
    { name: "base", type: "string", placeholder: "PATH", description: "Base path, as for seg build (e.g. /playbook)." },
    AS_OF_OPTION,
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
  // Before the first check, which takes seconds: a busy port should not cost them.
  await checkPort(host, port);
  process.env.ASTRO_TELEMETRY_DISABLED ??= "1";
  // Astro's dev server leaves integrations' server hooks out (so pages would never update) when NODE_ENV is
  // production, and its hot channel out when it is test: seg dev is development whatever the shell says.
  process.env.NODE_ENV = "development";
  const color = useColor(io);
  const showErrors = (result: CheckResult) =>
    io.stderr(stylish({ root: result.root, asOf: result.asOf, diagnostics: result.diagnostics, counts: result.counts }, { color }));

  // Watch from before the first check, so an edit made while it runs is not missed.
  const changed = new Set<string>();
  let server: DevServer | undefined = undefined;
  let updating: Promise<void> | undefined;
  const updateWhileChanged = async () => {
    while (changed.size > 0 && server) {
      const files = [...changed];
      changed.clear();
      io.stdout(`Changed: ${describeChanges(files)}. Updating…\n`);
      const started = Date.now();
      try {
        const { check: result, reused } = await server.refresh();
        if (result.counts.error > 0) {
          showErrors(result);
          io.stderr(`Not updated: fix the ${result.counts.error} error${result.counts.error === 1 ? "" : "s"} above; still serving the last good playbook.\n`);
        } else io.stdout(`Updated in ${((Date.now() - started) / 1000).toFixed(1)} s${reused ? " (figures reused: the edit changes none)" : ""}.\n`);
      } catch (error) {
        io.stderr(`Update failed: ${error instanceof Error ? error.message : String(error)}; still serving the last good playbook.\n`);
      }
    }
    updating = undefined;
  };
  const watcher = watchWorkspace(root, {
    onChange: (files) => {
      for (const file of files) changed.add(file);
      if (server && !updating) updating = updateWhileChanged();
    },
    onError: (message) => io.stderr(`seg dev: ${message}; changes there will not update the playbook.\n`),
  });

  io.stdout(`Checking the workspace ${relative(io.cwd, root) || "."}…\n`);
  let started;
  try {
    started = await startDev({
      root,
      today: io.today(),
      ...(asOf ? { asOf } : {}),
      ...(base ? { base } : {}),
      ...dataOptions,
      host,
      port,
      // Astro's warnings are about Astro's internals, which a workspace cannot act on; --debug shows them.
      logLevel: args.options.debug ? "info" : "error",
    });
  } catch (error) {
    watcher.close();
    throw listenProblem(error, host, port) ?? error;
  }
  if (!started.server) {
    watcher.close();
    showErrors(started.check);
    io.stderr("seg dev: nothing to serve until the workspace has no errors; fix the errors above and run seg dev again.\n");
    return 1;
  }
  server = started.server;
  io.stdout(`Serving the playbook at ${server.url} — edit the workspace and the page updates. Ctrl+C stops.\n`);
  if (changed.size > 0) updating = updateWhileChanged();

  await new Promise<void>((resolveStop) => {
    process.once("SIGINT", () => resolveStop());
    process.once("SIGTERM", () => resolveStop());
  });
  watcher.close();
  await updating;
  await server.close();
  io.stdout("Stopped.\n");
  return 0;
}

/** "segments/usage/heavy.yaml", or "a, b, c and 2 more". */
function describeChanges(files: readonly string[]): string {
  if (files.length <= NAMED_CHANGES) return files.join(", ");
  return `${files.slice(0, NAMED_CHANGES).join(", ")} and ${files.length - NAMED_CHANGES} more`;
}
