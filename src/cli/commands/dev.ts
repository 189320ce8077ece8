/**
 * `seg dev`: build the playbook into a temporary folder, serve it, and rebuild
 * when a workspace file changes; open pages reload after each good build. It is
 * `seg build` on a loop with a static server, so what you preview is exactly
 * what `seg build` publishes. A change that introduces errors keeps the last
 * good site up and prints the errors.
 */
import { existsSync, mkdtempSync, rmSync, watch, type FSWatcher } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { build, type BuildResult } from "../../api/build.ts";
import { stylish } from "../../formatters/stylish.ts";
import { serveStatic } from "../../site/serve-static.ts";
import { useColor, type Io } from "../io.ts";
import type { CommandSpec, ParsedArgs } from "../options.ts";
import { parseDateOption } from "../parse-date-option.ts";
import { UsageError } from "../usage-error.ts";
import { baseOption } from "./build.ts";

export const spec: CommandSpec = {
  name: "dev",
  summary: "Preview the playbook locally and rebuild it when a workspace file changes.",
  usage: "seg dev [options]",
  options: [
    { name: "port", type: "number", placeholder: "PORT", default: 4321, description: "Port to serve on (0 picks a free one)." },
    { name: "host", type: "string", placeholder: "HOST", default: "127.0.0.1", description: "Address to listen on; 0.0.0.0 makes the preview reachable from other machines." },
    { name: "base", type: "string", placeholder: "PATH", description: "Base path, as for seg build (e.g. /playbook)." },
    { name: "as-of", type: "string", placeholder: "YYYY-MM-DD", description: "The analysis date (overrides as_of in segmentation.yaml)." },
  ],
  examples: ["seg dev", "seg dev --port 8080"],
};

/** Workspace folders whose files feed the playbook. */
const WATCHED_FOLDERS = ["segments", "personas", "hypotheses", "reviews", "data", "public"];
const DEBOUNCE_MS = 250;

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const root = resolve(io.cwd, (args.options.root as string | undefined) ?? ".");
  const asOf = parseDateOption(args.options["as-of"], "--as-of");
  const base = baseOption(args.options.base as string | undefined);
  const port = (args.options.port as number | undefined) ?? 4321;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port needs a port number from 0 to 65535, not ${port}.`);
  if (!existsSync(join(root, "segmentation.yaml"))) throw new UsageError(`${root} has no segmentation.yaml. Run seg dev in a workspace, or pass --root.`);
  process.env.ASTRO_TELEMETRY_DISABLED ??= "1";

  const scratch = mkdtempSync(join(tmpdir(), "seg-dev-"));
  const outDir = join(scratch, "site");
  const color = useColor(io);
  const rebuild = async (): Promise<BuildResult | undefined> => {
    const started = Date.now();
    try {
      const result = await build({ root, outDir, today: io.today(), ...(asOf ? { asOf } : {}), ...(base ? { base } : {}), logLevel: "error" });
      if (!result.outDir) {
        io.stderr(stylish({ root: result.check.root, asOf: result.check.asOf, diagnostics: result.check.diagnostics, counts: result.check.counts }, { color }));
        io.stderr(`Not rebuilt: fix the ${result.check.counts.error} error${result.check.counts.error === 1 ? "" : "s"} above; still serving the last good build.\n`);
      } else {
        io.stdout(`Built ${result.pages} pages in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
      }
      return result;
    } catch (error) {
      io.stderr(`Build failed: ${error instanceof Error ? error.message : String(error)}\n`);
      return undefined;
    }
  };

  io.stdout(`Building the playbook from ${relative(io.cwd, root) || "."}…\n`);
  await rebuild();
  if (!existsSync(outDir)) {
    rmSync(scratch, { recursive: true, force: true });
    io.stderr("seg dev: nothing to serve until the workspace builds; fix the errors above and run seg dev again.\n");
    return 1;
  }
  const server = await serveStatic({ dir: outDir, base: base ?? "/", host: (args.options.host as string | undefined) ?? "127.0.0.1", port, liveReload: true });
  io.stdout(`Serving the playbook at ${server.url} — edit the workspace and the page reloads. Ctrl+C stops.\n`);

  let building = false;
  let pending = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = (file: string) => {
    if (isOwnOutput(file, root)) return;
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (building) {
        pending = true;
        return;
      }
      building = true;
      do {
        pending = false;
        io.stdout(`Changed: ${relative(root, file) || file}. Rebuilding…\n`);
        const result = await rebuild();
        if (result?.outDir) server.reload();
      } while (pending);
      building = false;
    }, DEBOUNCE_MS);
  };
  const watchers = watchWorkspace(root, schedule);

  await new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  clearTimeout(timer);
  for (const w of watchers) w.close();
  await server.close();
  rmSync(scratch, { recursive: true, force: true });
  io.stdout("Stopped.\n");
  return 0;
}

/** Watch the workspace's own files: the root folder (not recursively) and the folders Seg reads. */
function watchWorkspace(root: string, onChange: (file: string) => void): FSWatcher[] {
  const watchers: FSWatcher[] = [watch(root, (_, name) => name && onChange(join(root, name.toString())))];
  for (const folder of WATCHED_FOLDERS) {
    const dir = join(root, folder);
    if (existsSync(dir)) watchers.push(watch(dir, { recursive: true }, (_, name) => name && onChange(join(dir, name.toString()))));
  }
  return watchers;
}

/** Files Seg or Astro write during a build, which must not trigger another. */
function isOwnOutput(file: string, root: string): boolean {
  const rel = relative(root, file);
  const first = rel.split(sep)[0] ?? "";
  return first.startsWith(".") || first === "dist" || first === "node_modules" || dirname(rel) === "." && /\.(tmp|swp)$|~$/.test(rel);
}
