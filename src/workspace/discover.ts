/**
 * Find the files of a workspace by convention: segmentation.yaml,
 * segments/<scheme>/*.yaml, personas/*.mdx, hypotheses/*.yaml, reviews/*.md and
 * the suppressions file. Paths come back workspace-relative, sorted.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export const CONFIG_FILE = "segmentation.yaml";
export const SUPPRESSIONS_FILE = "seg-suppressions.json";
export const LOCK_FILE = "segments.lock.json";

export interface WorkspaceFiles {
  config: string | undefined;
  /** scheme folder → segment files. */
  segments: string[];
  personas: string[];
  hypotheses: string[];
  reviews: string[];
  suppressions: string | undefined;
}

export function discoverFiles(root: string): WorkspaceFiles {
  const segments: string[] = [];
  const segmentsDir = join(root, "segments");
  if (isDir(segmentsDir)) {
    for (const scheme of sortedEntries(segmentsDir)) {
      if (!isDir(join(segmentsDir, scheme))) continue;
      for (const name of sortedEntries(join(segmentsDir, scheme))) {
        if (/\.ya?ml$/.test(name)) segments.push(`segments/${scheme}/${name}`);
      }
    }
  }
  return {
    config: existsSync(join(root, CONFIG_FILE)) ? CONFIG_FILE : undefined,
    segments,
    personas: filesIn(root, "personas", /\.mdx?$/),
    hypotheses: filesIn(root, "hypotheses", /\.ya?ml$/),
    reviews: filesIn(root, "reviews", /\.mdx?$/),
    suppressions: existsSync(join(root, SUPPRESSIONS_FILE)) ? SUPPRESSIONS_FILE : undefined,
  };
}

function filesIn(root: string, dir: string, pattern: RegExp): string[] {
  const full = join(root, dir);
  if (!isDir(full)) return [];
  return sortedEntries(full)
    .filter((name) => pattern.test(name) && !name.startsWith("."))
    .map((name) => `${dir}/${name}`);
}

function sortedEntries(dir: string): string[] {
  return readdirSync(dir).sort();
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
