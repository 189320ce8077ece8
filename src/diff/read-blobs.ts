/**
 * Many `rev:path` objects read in one `git cat-file --batch` (one process for
 * all), with the hardened git invocation of git.ts. Objects are never run or
 * filtered: cat-file hands back the stored bytes.
 *
 * Every object is hostile data, and git stores a file compressed: a committed
 * lock of gigabytes of spaces takes kilobytes in the repository. So sizes are
 * asked first (`--batch-check`), an object over `maxBytes` is never read (it is
 * reported as too large), and the rest are read in groups of at most
 * GROUP_BYTES, so no read holds more than that in memory at once.
 */
import { git } from "./git.ts";

/** An object that was not read because it is larger than the caller allows. */
export interface TooLarge {
  tooLarge: number;
}

/** What one group of `--batch` output may hold. */
const GROUP_BYTES = 256 * 1024 * 1024;

/**
 * Read many `rev:path` objects: each blob's text, undefined for missing ones (and for objects that are not blobs),
 * and `{ tooLarge: size }` for blobs over `maxBytes`, which are never read.
 */
export function readBlobs(cwd: string, objects: readonly string[], maxBytes: number): (string | undefined | TooLarge)[] {
  if (objects.length === 0) return [];
  const texts: (string | undefined | TooLarge)[] = objects.map(() => undefined);
  const sizes = blobSizes(cwd, objects);
  let group: number[] = [];
  let groupBytes = 0;
  const flush = () => {
    if (group.length === 0) return;
    const read = batch(cwd, group.map((i) => objects[i]!), groupBytes);
    group.forEach((i, j) => (texts[i] = read[j]));
    group = [];
    groupBytes = 0;
  };
  sizes.forEach((size, i) => {
    if (size === undefined) return;
    if (size > maxBytes) {
      texts[i] = { tooLarge: size };
      return;
    }
    if (group.length > 0 && groupBytes + size > GROUP_BYTES) flush();
    group.push(i);
    groupBytes += size;
  });
  flush();
  return texts;
}

/** Each object's size when it is a blob, else undefined (missing, or a tree or commit). */
function blobSizes(cwd: string, objects: readonly string[]): (number | undefined)[] {
  const lines = git(cwd, ["cat-file", "--batch-check"], { input: `${objects.join("\n")}\n` }).toString("utf8").split("\n");
  return objects.map((_, i) => {
    const match = /^\S+ (\w+) (\d+)$/.exec(lines[i] ?? "");
    return match && match[1] === "blob" ? Number(match[2]) : undefined;
  });
}

/** The texts of blobs known to exist, `bytes` in all. */
function batch(cwd: string, objects: readonly string[], bytes: number): (string | undefined)[] {
  // Each object's header line is at most a name and two numbers; the name is echoed, so allow for it too.
  const headers = objects.reduce((sum, o) => sum + o.length + 64, 0);
  const out = git(cwd, ["cat-file", "--batch"], { input: `${objects.join("\n")}\n`, maxBuffer: bytes + headers + 1024 });
  const texts: (string | undefined)[] = [];
  let at = 0;
  for (let i = 0; i < objects.length; i++) {
    const end = out.indexOf(0x0a, at);
    const header = out.subarray(at, end).toString("utf8");
    at = end + 1;
    const match = /^\S+ (\w+) (\d+)$/.exec(header);
    if (!match) {
      texts.push(undefined); // "<object> missing": no content follows
      continue;
    }
    const size = Number(match[2]);
    texts.push(match[1] === "blob" ? out.subarray(at, at + size).toString("utf8") : undefined);
    at += size + 1;
  }
  return texts;
}
