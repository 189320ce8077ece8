/**
 * The one gate every file Seg reads from a workspace passes: segmentation.yaml,
 * segments, personas, hypotheses, reviews, the suppressions file, the lock and
 * every data file. A file is accepted only when it is a regular file whose real
 * path (links resolved) lies inside the folder it belongs to, and no part of
 * that path is a dot-folder or dotfile (`.git/config` is never data).
 *
 * A refused file is described by its workspace-relative path alone: nothing of
 * what a link points at (its target, its content) appears in a message.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { isInsideFolder } from "./is-inside-folder.ts";

export type WorkspaceFileProblem =
  | "absolute"
  | "leaves-workspace"
  | "hidden"
  | "missing"
  | "folder"
  | "not-regular"
  | "link-outside"
  | "link-hidden"
  | "too-large";

export type WorkspaceFileCheck =
  | { ok: true; /** Real path, links resolved: open exactly this. */ realPath: string; size: number }
  | { ok: false; problem: WorkspaceFileProblem; message: string; hint: string };

export type WorkspaceFileRead =
  | { ok: true; realPath: string; bytes: Buffer }
  | { ok: false; problem: WorkspaceFileProblem; message: string; hint: string; /** Bytes, for "too-large". */ size?: number };

/**
 * Where `relPath` (relative to `root`) may be read from, or why not. `what`
 * names the file in messages ("The data file", "The segment file").
 */
export function checkWorkspaceFile(root: string, relPath: string, what = "The file"): WorkspaceFileCheck {
  const refuse = (problem: WorkspaceFileProblem, message: string, hint: string): WorkspaceFileCheck => ({ ok: false, problem, message, hint });
  const shown = JSON.stringify(relPath);
  if (isAbsolute(relPath) || /^[a-zA-Z]:[\\/]/.test(relPath)) {
    return refuse("absolute", `${what} ${shown} is an absolute path; paths are relative to the workspace.`, "Write the path relative to the workspace, or pass --data-dir for data kept elsewhere.");
  }
  const full = resolve(root, relPath);
  const lexical = relative(resolve(root), full);
  if (full === resolve(root) || !isInsideFolder(full, resolve(root))) {
    return refuse("leaves-workspace", `${what} ${shown} leaves the workspace.`, "Keep the file inside the workspace, or pass --data-dir for data kept elsewhere.");
  }
  if (hasHiddenPart(lexical)) {
    return refuse("hidden", `${what} ${shown} is inside a dot-folder or is a dotfile; Seg reads no file under .git/ or any other hidden folder.`, "Move the file to a visible folder of the workspace, such as data/.");
  }
  const link = lstatSync(full, { throwIfNoEntry: false });
  if (!link) return refuse("missing", `${what} ${shown} does not exist.`, "Check the path (relative to the workspace, or to --data-dir), or generate the data.");
  let real: string;
  try {
    real = realpathSync(full);
  } catch {
    // A dangling link: say only that it is a link, not where it points.
    return refuse("missing", `${what} ${shown} is a link to a file that does not exist.`, "Replace the link with the file itself.");
  }
  const realRoot = realpathSync(root);
  const inside = relative(realRoot, real);
  if (real === realRoot || !isInsideFolder(real, realRoot)) {
    return refuse("link-outside", `${what} ${shown} is a link that leads outside the workspace; Seg reads nothing outside it.`, "Replace the link with a copy of the file inside the workspace (data kept elsewhere: pass --data-dir).");
  }
  if (hasHiddenPart(inside)) {
    return refuse("link-hidden", `${what} ${shown} is a link into a dot-folder or dotfile; Seg reads no file under .git/ or any other hidden folder.`, "Replace the link with the file itself.");
  }
  const stat = statSync(real);
  if (stat.isDirectory()) return refuse("folder", `${what} ${shown} is a folder, not a file.`, "Point at a file, or rename the folder.");
  if (!stat.isFile()) return refuse("not-regular", `${what} ${shown} is not a regular file (a device, pipe or socket).`, "Replace it with a regular file.");
  return { ok: true, realPath: real, size: stat.size };
}

/**
 * Read a file that passed `checkWorkspaceFile`, at most `limit` bytes (larger
 * files are refused unread). The file is opened without following a link in
 * its last part and checked again once open, so it cannot be swapped for a
 * link between the check and the read.
 */
export function readWorkspaceFile(root: string, relPath: string, options: { what?: string; limit: number }): WorkspaceFileRead {
  const checked = checkWorkspaceFile(root, relPath, options.what);
  if (!checked.ok) return checked;
  if (checked.size > options.limit) {
    return { ok: false, problem: "too-large", size: checked.size, message: `The file is ${checked.size} bytes; Seg reads files of this kind up to ${options.limit} bytes.`, hint: "Split it into smaller files." };
  }
  const fd = openSync(checked.realPath, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, problem: "not-regular", message: `${options.what ?? "The file"} ${JSON.stringify(relPath)} is not a regular file.`, hint: "Replace it with a regular file." };
    const size = Math.min(stat.size, options.limit + 1);
    const bytes = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { ok: true, realPath: checked.realPath, bytes: bytes.subarray(0, read) };
  } finally {
    closeSync(fd);
  }
}

/** True when a folder entry exists (file, folder or link), without following links. */
export function entryExists(root: string, relPath: string): boolean {
  return lstatSync(join(root, relPath), { throwIfNoEntry: false }) !== undefined;
}

/** A part of the path that starts with a dot: `.git`, `.env`, `.hidden.csv`. */
function hasHiddenPart(rel: string): boolean {
  return rel.split(/[\\/]/).some((part) => part.startsWith(".") && part !== "." && part !== "..");
}
