/**
 * A value kept as one cache entry: a single `.bin` file written with V8's
 * serializer, so every number (NaN, infinities, -0 included) comes back as it
 * was computed. A missing or unreadable entry reads as undefined: it only
 * costs the computation it would have saved.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { deserialize, serialize } from "node:v8";
import type { CacheEntries } from "./cache-entries.ts";

/** The value kept under `key`, or undefined (none, or unreadable); the caller checks its shape where it must. */
export function readKept(entries: CacheEntries, key: string): unknown {
  if (!entries.has(key, ["bin"])) return undefined;
  try {
    return deserialize(readFileSync(entries.path(key, "bin"))) as unknown;
  } catch {
    return undefined;
  }
}

export function keepValue(entries: CacheEntries, key: string, value: unknown): void {
  entries.put(key, [{ ext: "bin", write: (tmp) => writeFileSync(tmp, serialize(value)) }]);
}
