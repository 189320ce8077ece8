/**
 * Write a workspace file atomically (a temporary file in the same folder renamed
 * over the old one), and only when its content changes, so a crash never
 * leaves half a file and an unchanged file keeps its timestamp.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";

export function writeIfChanged(path: string, text: string): boolean {
  if (existsSync(path) && readFileSync(path, "utf8") === text) return false;
  const temporary = `${path}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
  return true;
}
