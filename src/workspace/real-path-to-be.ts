/**
 * The real path a file or folder will have once made, for checks that must see
 * through links before anything is created: where Seg may keep its cache, where
 * `seg build` may write the site. The nearest existing ancestor is resolved
 * (links followed) and the rest of the path is kept as written.
 */
import { lstatSync, realpathSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/**
 * The real path `path` (resolved against the current folder) will have once made. When the nearest
 * existing ancestor is a link whose target is missing, `brokenLink` is called with it and decides what
 * to throw: the caller names what was refused.
 */
export function realPathToBe(path: string, brokenLink: (link: string) => never): string {
  const rest: string[] = [];
  let at = resolve(path);
  while (!lstatSync(at, { throwIfNoEntry: false })) {
    const parent = dirname(at);
    if (parent === at) break;
    rest.unshift(basename(at));
    at = parent;
  }
  let real;
  try {
    real = realpathSync(at);
  } catch {
    return brokenLink(at);
  }
  return join(real, ...rest);
}
