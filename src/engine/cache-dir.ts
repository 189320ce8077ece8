/**
 * Where Seg keeps what it can recompute but would rather not: typed copies of
 * loaded sources and k-means fits, each filed under a hash of everything it was
 * computed from, so one cache serves every workspace on the machine.
 *
 * The cache lives in the user's cache folder, never in the workspace: a
 * workspace (a fork's pull request, say) cannot ship entries that a check would
 * trust. SEG_CACHE_DIR overrides the place; XDG_CACHE_HOME is honoured.
 */
import { createHash } from "node:crypto";
import { homedir } from "node:os";
import { join } from "node:path";
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

/** A hex key for an entry: Seg's version and the cache format are always part of it. */
export function cacheKey(...parts: readonly unknown[]): string {
  return createHash("sha256").update(JSON.stringify([VERSION, CACHE_FORMAT, ...parts])).digest("hex");
}
