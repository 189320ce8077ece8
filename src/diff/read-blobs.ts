/**
 * Many `rev:path` objects read in one `git cat-file --batch` (one process for
 * all), with the hardened git invocation of git.ts. Objects are never run or
 * filtered: cat-file hands back the stored bytes.
 */
import { git } from "./git.ts";

/** Read many `rev:path` objects in one `git cat-file --batch`; undefined for missing ones. */
export function readBlobs(cwd: string, objects: readonly string[]): (string | undefined)[] {
  if (objects.length === 0) return [];
  const out = git(cwd, ["cat-file", "--batch"], { input: `${objects.join("\n")}\n`, maxBuffer: 1024 * 1024 * 1024 });
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
