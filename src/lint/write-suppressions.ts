/**
 * Write seg-suppressions.json atomically (a temporary file in the same folder
 * renamed over the old one), as sorted, stable JSON.
 */
import { join } from "node:path";
import { stableJson } from "../lock/stable-json.ts";
import type { Suppressions } from "../schema/suppressions.ts";
import { SUPPRESSIONS_FILE } from "../workspace/discover.ts";
import { writeIfChanged } from "../workspace/write-if-changed.ts";

export function writeSuppressions(root: string, value: Suppressions): { path: string; changed: boolean } {
  const path = join(root, SUPPRESSIONS_FILE);
  return { path, changed: writeIfChanged(path, stableJson(value)) };
}
