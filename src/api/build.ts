/**
 * `seg build` as a library call: check the workspace and, only when it has no
 * errors, build the playbook with Astro into a scratch folder that replaces the
 * output folder in one rename. A failed build leaves the previous site as it was.
 */
import { existsSync, renameSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { buildSiteModel } from "../site/model/site-model.ts";
import { segPlaybook } from "../site/integration.ts";
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
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const result = await check(options);
  if (result.counts.error > 0) return { check: result, outDir: undefined };
  const root = result.root;
  const outDir = resolve(root, options.outDir ?? "dist");
  const scratch = join(dirname(outDir), `.${pathName(outDir)}.building`);
  rmSync(scratch, { recursive: true, force: true });
  const { build: astroBuild } = await import("astro");
  try {
    await astroBuild({
      root,
      outDir: scratch,
      logLevel: options.logLevel ?? "warn",
      ...(options.site ? { site: options.site } : {}),
      ...(options.base ? { base: options.base } : {}),
      integrations: [segPlaybook({ model: buildSiteModel(result) })],
    });
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
  const previous = `${scratch}.previous`;
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(scratch, outDir);
  rmSync(previous, { recursive: true, force: true });
  return { check: result, outDir };
}

function pathName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? "dist";
}
