/**
 * Read and write segments.lock.json. Writes are atomic: a temporary file in the
 * same folder renamed over the old one, so a crash never leaves half a lock.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { lockSchema, type Lock } from "./lock.ts";
import { writeIfChanged } from "../workspace/write-if-changed.ts";
import { stableJson } from "./stable-json.ts";

export const LOCK_FILE = "segments.lock.json";

export type ReadLockResult = { status: "missing" } | { status: "invalid"; message: string } | { status: "ok"; lock: Lock; text: string };

export function readLock(root: string): ReadLockResult {
  const path = join(root, LOCK_FILE);
  if (!existsSync(path)) return { status: "missing" };
  const text = readFileSync(path, "utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { status: "invalid", message: `not valid JSON (${(error as Error).message})` };
  }
  const parsed = lockSchema.safeParse(json);
  if (!parsed.success) return { status: "invalid", message: `not a Seg lock file (${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message})` };
  return { status: "ok", lock: parsed.data, text };
}

export function writeLock(root: string, lock: Lock): { path: string; changed: boolean } {
  const path = join(root, LOCK_FILE);
  return { path, changed: writeIfChanged(path, stableJson(lock)) };
}
