/**
 * The workspace a command works on: --root when given, which must hold
 * segmentation.yaml; otherwise the current folder or the nearest folder above
 * it that holds one (so seg runs from segments/lifecycle/ as from the top),
 * stopping at the repository's top. No workspace is a usage error: exit 2 with
 * what to do, never a finding about a file that is not there.
 */
import { existsSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { CONFIG_FILE } from "../workspace/discover.ts";
import type { Io } from "./io.ts";
import type { ParsedArgs } from "./options.ts";
import { SegError } from "../diagnostics/seg-error.ts";

const NEXT_STEP = "Run seg in a workspace folder (the one with segmentation.yaml), pass --root DIR, or create one with seg init.";

export function workspaceRoot(args: ParsedArgs, io: Io): string {
  const given = args.options.root;
  if (given !== undefined) {
    const root = resolve(io.cwd, given);
    if (!existsSync(root)) throw new SegError(`--root ${given}: there is no such folder. ${NEXT_STEP}`);
    if (!statSync(root).isDirectory()) throw new SegError(`--root ${given} is a file; give the workspace folder (the one with segmentation.yaml).`);
    if (existsSync(join(root, CONFIG_FILE))) return root;
    const above = nearestWorkspace(dirname(root));
    throw new SegError(`--root ${given} has no segmentation.yaml.${above ? ` The workspace above it is ${shown(io, above)} (pass --root ${shown(io, above)}).` : ` ${NEXT_STEP}`}`);
  }
  const found = nearestWorkspace(io.cwd);
  if (found) return found;
  throw new SegError(`there is no segmentation.yaml in ${shown(io, io.cwd)} or the folders above it. ${NEXT_STEP}`);
}

/** The folder itself or the nearest one above it with segmentation.yaml, not leaving the git repository it is in. */
function nearestWorkspace(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
    if (existsSync(join(dir, ".git")) || dirname(dir) === dir) return undefined;
  }
}

function shown(io: Io, dir: string): string {
  return relative(io.cwd, dir) || ".";
}
