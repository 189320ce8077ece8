/**
 * Write a workspace file only when its content changes (an unchanged file keeps
 * its timestamp), never through a link and never half: see write-file-safely.ts.
 */
import { lstatSync, readFileSync } from "node:fs";
import { writeFileSafely } from "./write-file-safely.ts";

export function writeIfChanged(path: string, text: string): boolean {
  // Only a regular file is compared; a link or anything else is refused by the write.
  if (lstatSync(path, { throwIfNoEntry: false })?.isFile() && readFileSync(path, "utf8") === text) return false;
  writeFileSafely(path, text);
  return true;
}
