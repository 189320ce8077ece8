/**
 * Read and write segments.lock.json. Writes are atomic: a temporary file in the
 * same folder renamed over the old one, so a crash never leaves half a lock.
 */
import { join } from "node:path";
import { decodeUtf8 } from "../workspace/decode-utf8.ts";
import { utf16ByteOrder } from "../workspace/utf16.ts";
import { entryExists, readWorkspaceFile } from "../workspace/workspace-file.ts";
import { lockSchema, type Lock } from "./lock.ts";
import { writeIfChanged } from "../workspace/write-if-changed.ts";
import { stableJson } from "./stable-json.ts";

export const LOCK_FILE = "segments.lock.json";

export type ReadLockResult = { status: "missing" } | { status: "invalid"; message: string } | { status: "ok"; lock: Lock; text: string };

/** Locks past this size are refused unread (a real lock is a few hundred KB). */
export const MAX_LOCK_BYTES = 256 * 1024 * 1024;

export function readLock(root: string): ReadLockResult {
  if (!entryExists(root, LOCK_FILE)) return { status: "missing" };
  const read = readWorkspaceFile(root, LOCK_FILE, { limit: MAX_LOCK_BYTES });
  // The message reads "segments.lock.json is {message}."; it names no link target.
  if (!read.ok) return { status: "invalid", message: read.problem === "folder" ? "a folder, not a file" : read.problem === "too-large" ? `over ${MAX_LOCK_BYTES} bytes` : read.problem === "missing" ? "a link to a file that does not exist" : "a link that leads outside the workspace or into a dot-folder; Seg reads nothing there" };
  const utf16 = utf16ByteOrder(read.bytes);
  if (utf16 !== undefined) return { status: "invalid", message: `UTF-16 (${utf16}) text, not UTF-8: run seg lock to rewrite it, or convert it with iconv -f utf-16${utf16 === "little-endian" ? "le" : "be"} -t utf-8` };
  const decoded = decodeUtf8(read.bytes);
  if (!decoded.ok) return { status: "invalid", message: "not UTF-8 text" };
  const text = decoded.text;
  const parsed = parseLockText(text);
  return parsed.status === "ok" ? { ...parsed, text } : parsed;
}

/** A lock's text as a Lock, or why it is not one (the message reads "segments.lock.json is {message}."). */
export function parseLockText(text: string): { status: "invalid"; message: string } | { status: "ok"; lock: Lock } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { status: "invalid", message: `not valid JSON (${(error as Error).message})` };
  }
  // Parsed into objects, a "__proto__" key would set the object's prototype instead of adding an entry: a segment,
  // source or hash under it would be left out of every comparison, and lookups would fall through to it.
  const proto = protoKeyPath(json);
  if (proto !== undefined) return { status: "invalid", message: `not a Seg lock file (${proto}: "__proto__" is not a name Seg writes)` };
  const parsed = lockSchema.safeParse(json);
  if (!parsed.success) return { status: "invalid", message: `not a Seg lock file (${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message})` };
  return { status: "ok", lock: parsed.data };
}

export function writeLock(root: string, lock: Lock): { path: string; changed: boolean } {
  const path = join(root, LOCK_FILE);
  return { path, changed: writeIfChanged(path, stableJson(lock)) };
}

/** The path of the first "__proto__" key in parsed JSON, if any (walked without recursion: a lock may nest deeply). */
function protoKeyPath(json: unknown): string | undefined {
  const pending: [unknown, string][] = [[json, ""]];
  while (pending.length > 0) {
    const [value, path] = pending.pop()!;
    if (value === null || typeof value !== "object") continue;
    for (const [key, child] of Object.entries(value)) {
      const at = path === "" ? key : `${path}.${key}`;
      if (key === "__proto__") return at;
      pending.push([child, at]);
    }
  }
  return undefined;
}
