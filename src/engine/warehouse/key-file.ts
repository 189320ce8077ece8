/**
 * A warehouse credential file (a BigQuery service-account key, a Snowflake
 * private key) is named by its path, never copied into a profile, and refused
 * when it lies inside the workspace, where it could be committed.
 */
import { existsSync, realpathSync } from "node:fs";
import { resolve } from "node:path";
import { SegError } from "../../diagnostics/seg-error.ts";
import { isInsideFolder } from "../../workspace/is-inside-folder.ts";

/** A key file's absolute path, refused inside the workspace (where it could be committed). */
export function keyFileOutside(path: string, workspaceRoot: string, origin: string): string {
  const absolute = resolve(path);
  if (!existsSync(absolute)) throw new SegError(`${origin} names the key file ${absolute}, which does not exist.`);
  if (isInsideFolder(realpathSync(absolute), realpathSync(workspaceRoot))) {
    throw new SegError(`Refusing the key file ${absolute} (${origin}): it is inside the workspace, where it could be committed. Keep it outside.`);
  }
  return absolute;
}
