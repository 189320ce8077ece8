/**
 * Vitest global setup: the whole run shares one fresh Seg cache folder, so
 * tests exercise the cache as a user's second run would, and nothing is left
 * in the home folder of the machine that runs them.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), "seg-test-cache-"));
  process.env.SEG_CACHE_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
