/**
 * A small JSON cache file (e.g. .seg-cache/clustering.json in the workspace)
 * keeping the most recent entries. A missing or corrupt file is an empty
 * cache; writes are atomic.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { FitCache } from "./cluster/fit-cache.ts";

const MAX_ENTRIES = 4;

export function fileCache(path: string): FitCache {
  let entries: [string, unknown][] = [];
  try {
    if (existsSync(path)) {
      const parsed = JSON.parse(readFileSync(path, "utf8")) as unknown;
      if (Array.isArray(parsed)) entries = parsed.filter((e): e is [string, unknown] => Array.isArray(e) && typeof e[0] === "string");
    }
  } catch {
    entries = [];
  }
  return {
    get: (key) => entries.find(([k]) => k === key)?.[1],
    set(key, value) {
      entries = [[key, value] as [string, unknown], ...entries.filter(([k]) => k !== key)].slice(0, MAX_ENTRIES);
      try {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(`${path}.tmp`, JSON.stringify(entries));
        renameSync(`${path}.tmp`, path);
      } catch {
        // A cache that cannot be written only costs time.
      }
    },
  };
}
