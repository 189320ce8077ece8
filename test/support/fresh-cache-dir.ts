/**
 * Gives every test of a file its own empty Seg cache folder: SEG_CACHE_DIR
 * points at it during the test and is restored after it, the folder is
 * removed, and whatever the test registered with `afterTest` is cleaned up.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";

export interface FreshCacheDir {
  /** The current test's cache folder. */
  readonly path: () => string;
  /** Runs `cleanup` once the current test has finished. */
  readonly afterTest: (cleanup: () => void) => void;
}

export function useFreshCacheDir(prefix: string): FreshCacheDir {
  let dir = "";
  let previous: string | undefined;
  const cleanups: (() => void)[] = [];
  beforeEach(() => {
    previous = process.env.SEG_CACHE_DIR;
    dir = mkdtempSync(join(tmpdir(), prefix));
    process.env.SEG_CACHE_DIR = dir;
  });
  afterEach(() => {
    if (previous === undefined) delete process.env.SEG_CACHE_DIR;
    else process.env.SEG_CACHE_DIR = previous;
    rmSync(dir, { recursive: true, force: true });
    for (const cleanup of cleanups.splice(0)) cleanup();
  });
  return { path: () => dir, afterTest: (cleanup) => cleanups.push(cleanup) };
}
