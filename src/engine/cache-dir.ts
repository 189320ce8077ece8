/**
 * Where Seg keeps what it can recompute but would rather not: typed copies of
 * loaded sources and k-means fits, each filed under a hash of everything it was
 * computed from, so one cache serves every workspace on the machine.
 *
 * The cache lives in the user's cache folder, never in the workspace: a
 * workspace (a fork's pull request, say) cannot ship entries that a check would
 * trust. SEG_CACHE_DIR overrides the place; XDG_CACHE_HOME is honoured. Either
 * naming a folder inside the workspace (as written or through a link) is
 * refused, as is a folder that is not the user's own and private: entries are
 * read back as typed tables and v8-serialized results, so whoever can write
 * them decides what a check reports.
 */
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, realpathSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { SegError } from "../diagnostics/seg-error.ts";
import { isInsideFolder } from "../workspace/is-inside-folder.ts";
import { realPathToBe } from "../workspace/real-path-to-be.ts";
import { VERSION } from "../version.ts";

/** Bump when what a cache entry holds changes shape or meaning. */
const CACHE_FORMAT = 1;

// The library's default cache folder follows the user's environment (SEG_CACHE_DIR, XDG_CACHE_HOME);
// callers and tests may pass another environment.
// eslint-disable-next-line no-restricted-syntax
export function cacheDirectory(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.SEG_CACHE_DIR) return env.SEG_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, "seg");
  const home = homedir();
  return home ? join(home, ".cache", "seg") : undefined;
}

/**
 * The cache folder for a run on the workspace at `workspaceRoot`: made (0700) when missing, and returned
 * as a real path; undefined when there is no home or it cannot be made (the run then keeps nothing).
 * Throws SegError when it lies inside the workspace (or the workspace inside it), or is not a folder that
 * is the user's own and that only they can write to.
 */
// eslint-disable-next-line no-restricted-syntax
export function cacheFolderFor(workspaceRoot: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = cacheDirectory(env);
  if (dir === undefined) return undefined;
  const named = env.SEG_CACHE_DIR ? "$SEG_CACHE_DIR" : env.XDG_CACHE_HOME ? "$XDG_CACHE_HOME/seg" : "the default cache folder";
  const absolute = resolve(dir);
  const real = realPathToBe(absolute, (link) => {
    throw new SegError(`Refusing the cache folder ${absolute} (${named}): ${link} is a broken link. Remove it, point SEG_CACHE_DIR elsewhere, or pass --no-cache.`);
  });
  const root = realpathSync(workspaceRoot);
  if (isInsideFolder(real, root)) {
    throw new SegError(`Refusing the cache folder ${absolute} (${named}): it is inside the workspace ${root}, where a pull request could ship cache entries that seg would trust. Point SEG_CACHE_DIR at a folder outside the workspace, or pass --no-cache.`);
  }
  if (isInsideFolder(root, real)) {
    throw new SegError(`Refusing the cache folder ${absolute} (${named}): the workspace ${root} is inside the cache folder, so its files could stand for cache entries. Point SEG_CACHE_DIR at a folder of its own, or pass --no-cache.`);
  }
  let stat;
  try {
    mkdirSync(real, { recursive: true, mode: 0o700 });
  } catch {
    // A file in the way is refused below; a folder that cannot be made leaves the run without a cache.
  }
  try {
    stat = lstatSync(real);
  } catch {
    return undefined;
  }
  const uid = process.getuid?.();
  const problem = !stat.isDirectory() ? "it is not a folder" : uid !== undefined && stat.uid !== uid ? `it is owned by another user (uid ${stat.uid})` : uid !== undefined && (stat.mode & 0o022) !== 0 ? `it is writable by others (mode ${(stat.mode & 0o777).toString(8)})` : undefined;
  if (problem !== undefined) {
    throw new SegError(`Refusing the cache folder ${absolute} (${named}): ${problem}, and whoever can write cache entries decides what seg reports. Use a folder of your own that only you can write to (chmod 700), or pass --no-cache.`);
  }
  return real;
}

/** A hex key for an entry: Seg's version and the cache format are always part of it. */
export function cacheKey(...parts: readonly unknown[]): string {
  return createHash("sha256").update(JSON.stringify([VERSION, CACHE_FORMAT, ...parts])).digest("hex");
}
