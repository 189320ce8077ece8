/**
 * `seg build` as a library call: check the workspace and, only when it has no
 * errors, build the playbook with Astro into a scratch folder that replaces the
 * output folder in one rename. A failed build leaves the previous site as it
 * was, and nothing half-built is ever left where the site goes.
 *
 * Before Astro runs, persona and review bodies are held to a whitelist
 * (Markdown and <Metric/> only, links and images to a publishing policy; see
 * lint/check-markdown-bodies.ts): MDX is code, and nothing in a workspace is
 * executed. Their problems count as errors like any other.
 *
 * Astro never sees the workspace: it builds from a stage (site/stage.ts), a
 * fresh folder outside the workspace with the validated persona and review
 * files, their images and the whitelisted public/ files, with Seg's own
 * configuration only (site/astro-config.ts). So no astro.config.*,
 * vite.config.*, postcss.config.*, .env or .astro of the workspace is read,
 * run or written. `site` and `base` come from the options, else from
 * `site:` in segmentation.yaml.
 *
 * Astro records anonymous telemetry from every programmatic build unless
 * ASTRO_TELEMETRY_DISABLED is set; the seg CLI sets it, library callers
 * should too.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { playbookConfig } from "../site/astro-config.ts";
import { checkOutputFolder, markOutputFolder } from "../site/output-folder.ts";
import { buildSiteModel } from "../site/model/site-model.ts";
import { relativizeLinks } from "../site/relative-links.ts";
import { registerDocuments } from "../site/playbook-documents.ts";
import { stagePlaybook } from "../site/stage.ts";
import { playbookStage } from "./playbook-stage.ts";
import { privateTempFolder } from "./private-temp-folder.ts";
import { discoverFiles } from "../workspace/discover.ts";
import { check, type CheckOptions } from "./check.ts";
import type { CheckResult } from "../lint/check-result.ts";
import { lockHistory } from "../diff/history.ts";

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
  /** The base path the site was built for (the option, else site.base in segmentation.yaml), e.g. /playbook. */
  base: string | undefined;
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  // The check includes the MDX body whitelist (lint/check-markdown-bodies.ts).
  const result = await check(options);
  if (result.counts.error > 0) return { check: result, outDir: undefined, pages: 0, base: undefined };

  const outDir = resolve(result.root, options.outDir ?? "dist");
  checkOutputFolder(result.root, outDir, workspaceFilesOf(result));
  options.progress?.("Rendering charts");
  const hosting = result.workspace.config?.value.site;
  const site = options.site ?? hosting?.url?.replace(/\/+$/, "");
  const base = options.base ?? sitePathBase(hosting?.base);
  const model = await buildSiteModel(result, { base, history: lockHistory(result.root) });
  const scratch = join(dirname(outDir), `.${baseName(outDir)}.building`);
  const cacheDir = playbookCacheDir(result.root);
  rmSync(scratch, { recursive: true, force: true });
  options.progress?.("Building pages");
  const { build: astroBuild } = await import("astro");
  const stageParent = mkdtempSync(join(tmpdir(), "seg-stage-"));
  let withdraw: (() => void) | undefined;
  try {
    const staged = playbookStage(result);
    const stage = stagePlaybook(stageParent, staged.input);
    withdraw = registerDocuments(stage, staged.documents);
    await astroBuild(playbookConfig({ stage, workspace: result.root, outDir: scratch, cacheDir, model, site, base, logLevel: options.logLevel }));
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  } finally {
    withdraw?.();
    rmSync(stageParent, { recursive: true, force: true });
  }
  // Links relative to each page, so the site also works opened from disk (a downloaded CI artifact).
  relativizeLinks(scratch, base ?? "/");
  markOutputFolder(scratch);
  const previous = `${scratch}.previous`;
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(scratch, outDir);
  rmSync(previous, { recursive: true, force: true });
  return { check: result, outDir, pages: countPages(outDir), base };
}

/** "playbook", "/playbook/" → "/playbook"; "" or "/" → no base. */
export function sitePathBase(base: string | undefined): string | undefined {
  const trimmed = base?.replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}` : undefined;
}

/**
 * Astro's cache (content store, Vite's) outside the workspace, one per
 * workspace and kept between builds: Astro may still be writing to it just
 * after a build returns. It is in a temp folder of the user's own, since the
 * bundler loads modules from it (api/private-temp-folder.ts).
 */
export function playbookCacheDir(root: string): string {
  return join(privateTempFolder("seg-astro-cache"), createHash("sha256").update(root).digest("hex").slice(0, 16));
}

/** The files a build must leave alone: every file of the workspace and its data files. */
function workspaceFilesOf(result: CheckResult): string[] {
  const files = discoverFiles(result.root);
  const data = Object.values(result.workspace.config?.value.sources ?? {}).flatMap((source) => (source.path === undefined ? [] : [source.path.replace(/^\.\//, "")]));
  return [files.config, files.suppressions, ...files.segments, ...files.personas, ...files.hypotheses, ...files.reviews, ...data].filter((f): f is string => f !== undefined);
}

function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html")).length;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? "dist";
}
