/**
 * `seg build` as a library call: check the workspace and, only when it has no
 * errors, build the playbook with Astro into a scratch folder that replaces the
 * output folder in one rename. A failed build leaves the previous site as it
 * was, and nothing half-built is ever left where the site goes.
 *
 * Before Astro runs, persona and review bodies are held to a whitelist
 * (Markdown and <Metric/> only; see site/model/check-markdown-bodies.ts): MDX
 * is code, and nothing in a workspace is executed. Their problems count as
 * errors like any other.
 *
 * Astro records anonymous telemetry from every programmatic build unless
 * ASTRO_TELEMETRY_DISABLED is set; the seg CLI sets it, library callers
 * should too.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { playbookConfig } from "../site/astro-config.ts";
import { checkAstroFolder, checkOutputFolder, markOutputFolder } from "../site/output-folder.ts";
import { buildSiteModel } from "../site/model/site-model.ts";
import { relativizeLinks } from "../site/relative-links.ts";
import { discoverFiles } from "../workspace/discover.ts";
import { check, type CheckOptions, type CheckResult } from "./check.ts";

export interface BuildOptions extends CheckOptions {
  /** Output folder, relative to the workspace (default dist). */
  outDir?: string;
  /** Public URL of the site, e.g. https://acme.github.io. */
  site?: string;
  /** Base path, e.g. /playbook for GitHub Pages project sites. */
  base?: string;
  /** Astro's log level. */
  logLevel?: "debug" | "info" | "warn" | "error" | "silent";
}

export interface BuildResult {
  check: CheckResult;
  /** Absolute output folder when the site was built, else undefined. */
  outDir: string | undefined;
  /** HTML pages written. */
  pages: number;
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  // The check includes the MDX body whitelist (lint/check-markdown-bodies.ts).
  const result = await check(options);
  if (result.counts.error > 0) return { check: result, outDir: undefined, pages: 0 };

  const outDir = resolve(result.root, options.outDir ?? "dist");
  checkOutputFolder(result.root, outDir, workspaceFilesOf(result));
  checkAstroFolder(result.root);
  options.progress?.("Rendering charts");
  const model = await buildSiteModel(result, { base: options.base });
  const scratch = join(dirname(outDir), `.${baseName(outDir)}.building`);
  const cacheDir = astroCacheDir(result.root);
  rmSync(scratch, { recursive: true, force: true });
  options.progress?.("Building pages");
  const { build: astroBuild } = await import("astro");
  // Astro writes generated types to <root>/.astro; a workspace that did not have the folder gets none left behind.
  const dotAstro = join(result.root, ".astro");
  const keepDotAstro = existsSync(dotAstro);
  try {
    await astroBuild(playbookConfig({ root: result.root, outDir: scratch, cacheDir, model, site: options.site, base: options.base, logLevel: options.logLevel }));
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  } finally {
    if (!keepDotAstro) rmSync(dotAstro, { recursive: true, force: true });
  }
  // Links relative to each page, so the site also works opened from disk (a downloaded CI artifact).
  relativizeLinks(scratch, options.base ?? "/");
  markOutputFolder(scratch);
  const previous = `${scratch}.previous`;
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(scratch, outDir);
  rmSync(previous, { recursive: true, force: true });
  return { check: result, outDir, pages: countPages(outDir) };
}

/**
 * Astro's cache (content store, Vite's) outside the workspace, one per
 * workspace and kept between builds: Astro may still be writing to it just
 * after a build returns.
 */
function astroCacheDir(root: string): string {
  return join(tmpdir(), "seg-astro-cache", createHash("sha256").update(root).digest("hex").slice(0, 16));
}

/** The files a build must leave alone: every file of the workspace and its data files. */
function workspaceFilesOf(result: CheckResult): string[] {
  const files = discoverFiles(result.root);
  const data = Object.values(result.workspace.config?.value.sources ?? {}).map((source) => source.path.replace(/^\.\//, ""));
  return [files.config, files.suppressions, ...files.segments, ...files.personas, ...files.hypotheses, ...files.reviews, ...data].filter((f): f is string => f !== undefined);
}

function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html")).length;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? "dist";
}
