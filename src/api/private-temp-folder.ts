/**
 * A folder of the current user's own in the system's temp folder, for what Seg
 * keeps there between runs and later trusts (Astro's cache, whose modules the
 * playbook's bundler loads: site/integration.ts). /tmp is shared: under a fixed
 * name, another user of the machine could make the folder first and put modules
 * in it. So the name carries the user id, the folder is made private (0700),
 * and one that is not a folder of this user's that only they can write to is
 * refused rather than used.
 */
import { lstatSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SegError } from "../diagnostics/seg-error.ts";

export function privateTempFolder(name: string): string {
  const uid = process.getuid?.();
  // Windows: each user has a temp folder of their own, and no uid.
  if (uid === undefined) return join(tmpdir(), name);
  const folder = join(tmpdir(), `${name}-${uid}`);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const stat = lstatSync(folder);
  if (!stat.isDirectory() || stat.uid !== uid || (stat.mode & 0o022) !== 0) {
    throw new SegError(`${folder} is not a folder only you can write to (it is ${stat.isSymbolicLink() ? "a link" : !stat.isDirectory() ? "not a folder" : stat.uid !== uid ? "another user's" : "writable by others"}); Seg keeps its build cache there and would load code from it. Remove it, then run the command again.`);
  }
  return folder;
}
