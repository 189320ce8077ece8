/**
 * A workspace's `public/` folder holds files the playbook serves as they are:
 * a logo, a font, a PDF handout. Served from the playbook's origin, an HTML or
 * script file (or an SVG, which can carry script) would run with the
 * playbook's authority, and a link could publish any file of the machine that
 * builds it. So only regular files with a whitelisted extension, under folders
 * that are not links or hidden, are published; every other entry is named in
 * a warning, so nothing is left out silently.
 */
import { publicNotPublished } from "../checks/public.ts";
import { report } from "../checks/report.ts";
import { lstatSync, readdirSync } from "node:fs";
import { join, posix } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";

export const PUBLIC_FOLDER = "public";
export const PUBLIC_EXTENSIONS: readonly string[] = ["png", "jpg", "jpeg", "gif", "webp", "avif", "ico", "woff", "woff2", "ttf", "otf", "pdf"];
export const MAX_PUBLIC_BYTES = 50_000_000;

export interface PublicFolder {
  /** Workspace paths (public/…) of the files the build publishes. */
  files: string[];
  diagnostics: Diagnostic[];
}

export function checkPublicFolder(root: string): PublicFolder {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const skip = (path: string, why: string) =>
    diagnostics.push(
      report({
        check: publicNotPublished,
        messageId: "skipped",
        words: { path, why },
        hint: `public/ publishes regular files of these types only: ${PUBLIC_EXTENSIONS.join(", ")}. Remove the entry, or copy the file in as one of those types.`,
        at: { file: path, span: { line: 1, column: 1, endLine: 1, endColumn: 1 } },
      }),
    );
  const visit = (path: string) => {
    let stat;
    try {
      stat = lstatSync(join(root, ...path.split("/")));
    } catch {
      return;
    }
    const name = posix.basename(path);
    if (stat.isSymbolicLink()) return skip(path, "it is a symbolic link, and the playbook never publishes what a link points to");
    if (name.startsWith(".")) return skip(path, "hidden files and folders are never published");
    if (stat.isDirectory()) {
      for (const entry of readdirSync(join(root, ...path.split("/"))).sort()) visit(`${path}/${entry}`);
      return;
    }
    if (!stat.isFile()) return skip(path, "it is not a regular file");
    const extension = posix.extname(name).slice(1).toLowerCase();
    if (!PUBLIC_EXTENSIONS.includes(extension)) return skip(path, extension === "" ? "it has no file type" : `.${extension} files could run script or are not assets the playbook serves`);
    if (stat.size > MAX_PUBLIC_BYTES) return skip(path, `it is ${stat.size} bytes, more than the ${MAX_PUBLIC_BYTES} the playbook publishes`);
    files.push(path);
  };
  let top;
  try {
    top = lstatSync(join(root, PUBLIC_FOLDER));
  } catch {
    return { files, diagnostics };
  }
  if (top.isSymbolicLink()) skip(PUBLIC_FOLDER, "the folder is a symbolic link, and the playbook never publishes what a link points to");
  else if (top.isDirectory()) for (const entry of readdirSync(join(root, PUBLIC_FOLDER)).sort()) visit(`${PUBLIC_FOLDER}/${entry}`);
  return { files, diagnostics };
}
