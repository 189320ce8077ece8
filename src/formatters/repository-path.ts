/** A workspace-relative path as other tools see it: under the workspace's folder in the repository. */
import type { FormatOptions } from "./formatter.ts";

export function repositoryPath(file: string, options: FormatOptions): string {
  const prefix = (options.pathPrefix ?? "").replace(/\\/g, "/").replace(/^\.(\/|$)/, "").replace(/\/+$/, "");
  return prefix === "" ? file : `${prefix}/${file}`;
}
