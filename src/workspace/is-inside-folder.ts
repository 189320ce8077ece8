/**
 * Whether `path` is `folder` itself or lies below it, compared as written
 * (callers pass real paths when links matter). A name that merely starts with
 * two dots, such as `..notes`, is inside.
 */
import { isAbsolute, relative, sep } from "node:path";

export function isInsideFolder(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
