/**
 * One folder of cache entries, each a few files named `<key>.<ext>`. Files are
 * written to unique temporary names and renamed into place, so readers (other
 * seg processes included) see whole files or none. Beyond `keep` entries the
 * least recently used go: the folder is listed on the first write of a process
 * and then only once an eighth of `keep` more entries were written (listing and
 * stating 1,000 entries on every one of a run's 3,000 writes took 28 of the 45
 * seconds of a check of 1,000 segments). Every failure only costs time: a cache
 * that cannot be read or written behaves as empty.
 *
 * The folder is made private (0700). A folder that is a link or another user's
 * is neither read nor written, and an entry file that is a link, not a regular
 * file or another user's is not read: what is read back is trusted, so only
 * what this user's Seg wrote counts (cache-dir.ts checks the cache folder above).
 */
import { randomBytes } from "node:crypto";
import { lstatSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync, type Stats } from "node:fs";
import { join } from "node:path";

export interface CacheFile<W> {
  ext: string;
  /** Writes the file's content to `tmpPath`. */
  write: (tmpPath: string) => W;
}

export interface CacheEntries {
  /** The folder the entries live in. */
  folder: string;
  /**
   * Makes the folder (0700) when missing, before anything is written to it; put does so itself, and a caller
   * whose database writes the files calls it first (the database is only allowed into folders that exist).
   * False when it is not a folder of this user's own (a file, a link, another user's): it is then neither read nor written.
   */
  makeFolder(): boolean;
  /** Path of the entry's file with this extension. */
  path(key: string, ext: string): string;
  /** True when every listed file of the entry exists; marks the entry as used. */
  has(key: string, exts: readonly string[]): boolean;
  put(key: string, files: readonly CacheFile<void>[]): void;
  putAsync(key: string, files: readonly CacheFile<Promise<void>>[]): Promise<void>;
}

/** Temporary files older than this are left over from a process that died mid-write. */
const ORPHAN_MS = 60 * 60 * 1000;

export function cacheEntries(dir: string, keep: number): CacheEntries {
  const path = (key: string, ext: string) => join(dir, `${key}.${ext}`);
  // Entries in the folder as of this process's last listing, plus those it wrote since (a rewrite counts too).
  let count: number | undefined;
  const slack = Math.floor(keep / 8);
  const makeFolder = () => {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
    } catch {
      // A file in the way, or no permission: not a folder of this user's own, checked below.
    }
    return ownFolder(dir);
  };
  const staging = (key: string, files: readonly { ext: string }[]) => {
    if (!makeFolder()) throw new Error(`${dir} is not a folder of this user's own`);
    const tag = `${process.pid}-${randomBytes(4).toString("hex")}`;
    return files.map((file) => ({ tmp: `${path(key, file.ext)}.${tag}.tmp`, final: path(key, file.ext) }));
  };
  const commit = (moves: readonly { tmp: string; final: string }[]) => {
    for (const { tmp, final } of moves) renameSync(tmp, final);
    count = count === undefined || count + 1 > keep + slack ? prune(dir, keep) : count + 1;
  };
  const discard = (moves: readonly { tmp: string }[]) => {
    for (const { tmp } of moves) rmSync(tmp, { force: true });
  };
  return {
    folder: dir,
    makeFolder,
    path,
    has(key, exts) {
      try {
        if (!ownFolder(dir) || !exts.every((ext) => ownFile(path(key, ext)))) return false;
        const now = new Date();
        for (const ext of exts) utimesSync(path(key, ext), now, now);
        return true;
      } catch {
        return false;
      }
    },
    put(key, files) {
      let moves: { tmp: string; final: string }[] = [];
      try {
        moves = staging(key, files);
        files.forEach((file, i) => file.write(moves[i]!.tmp));
        commit(moves);
      } catch {
        discard(moves);
      }
    },
    async putAsync(key, files) {
      let moves: { tmp: string; final: string }[] = [];
      try {
        moves = staging(key, files);
        for (const [i, file] of files.entries()) await file.write(moves[i]!.tmp);
        commit(moves);
      } catch {
        discard(moves);
      }
    },
  };
}

/** The user's own, by uid (Windows has none). */
function owned(stat: Stats): boolean {
  const uid = process.getuid?.();
  return uid === undefined || stat.uid === uid;
}

/** A folder (not a link to one) of this user's own. */
function ownFolder(path: string): boolean {
  try {
    const stat = lstatSync(path);
    return stat.isDirectory() && owned(stat);
  } catch {
    return false;
  }
}

/** A regular file (not a link) of this user's own. */
function ownFile(path: string): boolean {
  try {
    const stat = lstatSync(path);
    return stat.isFile() && owned(stat);
  } catch {
    return false;
  }
}

/** Removes the least recently used entries beyond `keep` (an entry is the files sharing a key), and orphaned temporary files; returns the entries left. */
function prune(dir: string, keep: number): number {
  const used = new Map<string, number>();
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    const mtime = statSync(join(dir, name)).mtimeMs;
    if (name.endsWith(".tmp")) {
      if (now - mtime > ORPHAN_MS) rmSync(join(dir, name), { force: true });
      continue;
    }
    const key = name.slice(0, name.indexOf("."));
    used.set(key, Math.max(used.get(key) ?? 0, mtime));
  }
  const stale = new Set([...used].sort((a, b) => b[1] - a[1]).slice(keep).map(([key]) => key));
  if (stale.size === 0) return used.size;
  for (const name of readdirSync(dir)) if (!name.endsWith(".tmp") && stale.has(name.slice(0, name.indexOf(".")))) rmSync(join(dir, name), { force: true });
  return used.size - stale.size;
}
