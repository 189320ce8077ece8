/**
 * Where `seg build` may put the site. Building replaces the output folder as a
 * whole, so the folder must be one Seg may replace:
 *
 * - never the workspace, a folder that contains it, or a link;
 * - inside the workspace: not a dot-folder (`.git`) and no folder that holds a
 *   file Seg reads (segments/, personas/, data files, …);
 * - outside the workspace: only an empty or missing folder, or one an earlier
 *   `seg build` wrote (it holds the marker file `.seg-build`).
 *
 * A refusal is a FileError (exit 2) that names the folder and the rule. A
 * `.astro` link in the workspace, which Astro would write through, is refused too.
 */
import { lstatSync, readdirSync, realpathSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { FileError } from "../workspace/file-error.ts";
import { isInsideFolder } from "../workspace/is-inside-folder.ts";
import { realPathToBe } from "../workspace/real-path-to-be.ts";

/** The file every built site holds, so a later build knows the folder is its own. */
export const BUILD_MARKER = ".seg-build";

/**
 * Throws when `outDir` may not be replaced by a build of `root`. `readFiles`
 * are the workspace-relative files the workspace is made of (they must survive).
 */
export function checkOutputFolder(root: string, outDir: string, readFiles: readonly string[]): void {
  const shown = `--out ${outDir}`;
  const refuse = (why: string, hint: string): never => {
    throw new FileError(`${shown}: ${why} ${hint}`);
  };
  const stat = lstatSync(outDir, { throwIfNoEntry: false });
  if (stat?.isSymbolicLink()) refuse("the output folder is a link; Seg does not build through links.", "Remove the link, or give the real folder.");
  if (stat && !stat.isDirectory()) refuse("this is a file, not a folder; the build would replace it.", "Choose a folder name such as dist.");
  const realRoot = realpathSync(root);
  const realOut = realPathToBe(outDir, (link) => refuse(`${link} is a broken link, so where the build would write is unknown.`, "Remove the link, or give another folder."));
  const rel = relative(realRoot, realOut);
  if (rel === "") refuse("this is the workspace itself; the build replaces its output folder, which would delete the workspace.", "Use a folder inside it, such as dist (the default).");
  if (isInsideFolder(realRoot, realOut)) refuse("this folder contains the workspace; the build replaces its output folder, which would delete the workspace.", "Use a folder inside the workspace, such as dist (the default), or an empty folder elsewhere.");
  if (isInsideFolder(realOut, realRoot)) {
    const parts = rel.split(sep);
    if (parts.some((part) => part.startsWith("."))) refuse("this is a dot-folder of the workspace (such as .git); the build would replace it.", "Use a visible folder such as dist.");
    const prefix = `${parts.join("/")}/`;
    const held = readFiles.find((file) => file.startsWith(prefix));
    if (held !== undefined) refuse(`this folder holds ${held}, a file of the workspace; the build would replace the folder.`, "Use a folder of its own, such as dist.");
    return;
  }
  if (!stat) return;
  const entries = readdirSync(outDir);
  if (entries.length > 0 && !entries.includes(BUILD_MARKER)) {
    refuse(`the folder is outside the workspace, is not empty and was not written by seg build (it has no ${BUILD_MARKER} file); the build would replace it.`, "Give an empty or new folder, or one an earlier seg build wrote.");
  }
}

/** Mark a freshly built site as Seg's, before it takes the output folder's place. */
export function markOutputFolder(dir: string): void {
  writeFileSync(join(dir, BUILD_MARKER), "Built by seg build. seg build replaces this whole folder; do not keep other files here.\n", { flag: "wx" });
}
