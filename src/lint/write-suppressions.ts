/**
 * Write seg-suppressions.json atomically (a temporary file in the same folder
 * renamed over the old one), as sorted, stable JSON.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stableJson } from "../lock/stable-json.ts";
import type { Suppressions } from "../schema/suppressions.ts";
import { SUPPRESSIONS_FILE } from "../workspace/discover.ts";

export function writeSuppressions(root: string, value: Suppressions): { path: string; changed: boolean } {
  const path = join(root, SUPPRESSIONS_FILE);
  const text = stableJson(value);
  if (existsSync(path) && readFileSync(path, "utf8") === text) return { path, changed: false };
  const temporary = `${path}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
  return { path, changed: true };
}
