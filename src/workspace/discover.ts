/**
 * Find the files of a workspace by convention: segmentation.yaml,
 * segments/<scheme>/*.yaml, personas/*.mdx, hypotheses/*.yaml, reviews/*.md and
 * the suppressions file. Paths come back workspace-relative, sorted.
 *
 * Dot entries (`.git`, `.draft.yaml`, editor swap files) are never content.
 * A content folder that is a link leading outside the workspace is not
 * listed; it comes back in `linkedFolders` so it can be reported. YAML files
 * under segments/ that are not in a scheme's folder (segments/heavy.yaml,
 * segments/usage/old/heavy.yaml) are not read either, and come back in
 * `ignoredSegments` so nothing is skipped silently.
 */
import { lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import { join } from "node:path";
import { isInsideFolder } from "./is-inside-folder.ts";

export const CONFIG_FILE = "segmentation.yaml";
export const SUPPRESSIONS_FILE = "seg-suppressions.json";

export interface WorkspaceFiles {
  config: string | undefined;
  /** scheme folder → segment files. */
  segments: string[];
  personas: string[];
  hypotheses: string[];
  reviews: string[];
  suppressions: string | undefined;
  /** Content folders that are links leading outside the workspace (not read). */
  linkedFolders: string[];
  /** YAML files under segments/ outside a scheme's folder (not read). */
  ignoredSegments: string[];
}

export function discoverFiles(root: string): WorkspaceFiles {
  const linkedFolders: string[] = [];
  const folder = (rel: string): boolean => {
    const full = join(root, rel);
    if (!isDir(full)) return false;
    if (insideRoot(root, full)) return true;
    linkedFolders.push(rel);
    return false;
  };
  const segments: string[] = [];
  const ignoredSegments: string[] = [];
  const yaml = (name: string) => /\.ya?ml$/.test(name);
  if (folder("segments")) {
    for (const scheme of sortedEntries(join(root, "segments"))) {
      if (!folder(`segments/${scheme}`)) {
        if (yaml(scheme)) ignoredSegments.push(`segments/${scheme}`);
        continue;
      }
      for (const name of sortedEntries(join(root, "segments", scheme))) {
        if (yaml(name)) segments.push(`segments/${scheme}/${name}`);
        else if (folder(`segments/${scheme}/${name}`)) {
          for (const nested of sortedEntries(join(root, "segments", scheme, name))) if (yaml(nested)) ignoredSegments.push(`segments/${scheme}/${name}/${nested}`);
        }
      }
    }
  }
  const filesIn = (dir: string, pattern: RegExp): string[] =>
    folder(dir)
      ? sortedEntries(join(root, dir))
          .filter((name) => pattern.test(name))
          .map((name) => `${dir}/${name}`)
      : [];
  return {
    config: exists(join(root, CONFIG_FILE)) ? CONFIG_FILE : undefined,
    segments,
    personas: filesIn("personas", /\.mdx?$/),
    hypotheses: filesIn("hypotheses", /\.ya?ml$/),
    reviews: filesIn("reviews", /\.mdx?$/),
    suppressions: exists(join(root, SUPPRESSIONS_FILE)) ? SUPPRESSIONS_FILE : undefined,
    linkedFolders,
    ignoredSegments,
  };
}

/** Folder entries, sorted, without dot entries. */
function sortedEntries(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => !name.startsWith("."))
    .sort();
}

/** Present as an entry, even as a dangling link (which the reader then reports). */
function exists(path: string): boolean {
  return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function insideRoot(root: string, full: string): boolean {
  return isInsideFolder(realpathSync(full), realpathSync(root));
}
