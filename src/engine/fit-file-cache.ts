/**
 * k-means fits kept between runs, one JSON file per fit in the user's cache
 * folder (see cache-dir.ts). A missing or unreadable entry is a miss.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cacheEntries } from "./cache-entries.ts";
import { cacheKey } from "./cache-dir.ts";
import type { FitCache } from "./cluster/fit-cache.ts";

/** Fits kept: enough for several workspaces and their recent states. */
const KEEP = 32;

export function fitFileCache(cacheDir: string): FitCache {
  const entries = cacheEntries(join(cacheDir, "fits"), KEEP);
  return {
    get(key) {
      const file = cacheKey("fit", key);
      if (!entries.has(file, ["json"])) return undefined;
      try {
        return JSON.parse(readFileSync(entries.path(file, "json"), "utf8")) as unknown;
      } catch {
        return undefined;
      }
    },
    set(key, value) {
      entries.put(cacheKey("fit", key), [{ ext: "json", write: (tmp) => writeFileSync(tmp, JSON.stringify(value)) }]);
    },
  };
}
