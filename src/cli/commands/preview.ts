/**
 * `seg preview`: serve a playbook that `seg build` made (or a CI artifact
 * unzipped into a folder) on this machine. It builds nothing and needs no
 * workspace, only the folder with index.html; the port is tried before
 * anything else, so a busy one is a usage error that says what to do.
 */
import { existsSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { serveStatic } from "../../site/serve-static.ts";
import { checkPort, listenProblem } from "../check-port.ts";
import type { Io } from "../io.ts";
import type { CommandSpec, ParsedArgs } from "../options.ts";
import { SegError } from "../../diagnostics/seg-error.ts";
import { baseOption } from "./build.ts";

export const spec = {
  name: "preview",
  summary: "Serve the built playbook (dist/, or the folder given) on this machine. Nothing is rebuilt; run seg build first, or seg dev to see the workspace's edits as you make them.",
  usage: "seg preview [dir] [options]",
  positionals: [{ name: "dir", description: "The built site (default: dist in the workspace, or in the current folder)." }],
  options: [
    { name: "port", type: "number", placeholder: "PORT", default: 4321, description: "Port to serve on (0 picks a free one)." },
    { name: "host", type: "string", placeholder: "HOST", default: "127.0.0.1", description: "Address to listen on; 0.0.0.0 makes the preview reachable from other machines." },
    { name: "base", type: "string", placeholder: "PATH", description: "The base path the site was built with (seg build --base), e.g. /playbook." },
  ],
  examples: ["seg preview", "seg preview --port 8080", "seg preview ~/Downloads/playbook"],
} as const satisfies CommandSpec;

export async function run(args: ParsedArgs<typeof spec.options>, io: Io): Promise<number> {
  if (args.positionals.length > 1) throw new SegError(`give at most one folder, got "${args.positionals.join(" ")}".`);
  const host = args.options.host ?? "127.0.0.1";
  const port = args.options.port ?? 4321;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new SegError(`--port needs a port number from 0 to 65535, not ${port}.`);
  const base = baseOption(args.options.base) ?? "/";
  const root = resolve(io.cwd, args.options.root ?? ".");
  const dir = resolve(root, args.positionals[0] ?? "dist");
  const shown = relative(io.cwd, dir) || ".";
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new SegError(`there is no folder ${shown} to serve. Build the playbook with seg build first, or give the folder that holds it.`);
  if (!existsSync(join(dir, "index.html"))) throw new SegError(`${shown} has no index.html, so it is no built playbook. Build it with seg build first, or give the folder that holds it.`);
  await checkPort(host, port);
  let server;
  try {
    server = await serveStatic({ dir, base, host, port });
  } catch (error) {
    throw listenProblem(error, host, port) ?? error;
  }
  io.stdout(`Serving ${shown} at ${server.url} — Ctrl+C stops.\n`);
  await new Promise<void>((resolveStop) => {
    process.once("SIGINT", () => resolveStop());
    process.once("SIGTERM", () => resolveStop());
  });
  await server.close();
  io.stdout("Stopped.\n");
  return 0;
}
