/**
 * Build a workspace's playbook in a temporary copy, as a user would: `seg lock`
 * first (so the lock on disk is this data's), then `seg build`. Used by the
 * contract tests, which read the expected figures from the engine result and
 * the lock file and look for them on the built pages.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { build, type BuildResult } from "../../../../src/api/build.ts";
import { lock } from "../../../../src/api/lock.ts";

export interface WorkspaceSite {
  root: string;
  outDir: string;
  result: BuildResult;
  /** segments.lock.json as written by `seg lock`, parsed as plain JSON (not through the lock schema). */
  lockJson: LockJson;
  remove(): void;
}

/** The parts of the lock file the contract tests read. */
export interface LockJson {
  members: number;
  clusters: { k: number; features: string[]; ari: number | null; centroids: { id: string; name: string; size: number; share: number; centroid: Record<string, number> }[] } | null;
  schemes: Record<string, { population: number; segments: Record<string, { count: number; share: number }> }>;
}

export interface WorkspaceSiteOptions {
  /** Folder with the workspace files to copy. */
  from?: string;
  /** Files to write instead (path → text). */
  files?: Record<string, string>;
  /** Folder source paths are relative to. */
  dataDir?: string;
  today: string;
}

export async function buildWorkspaceSite(options: WorkspaceSiteOptions): Promise<WorkspaceSite> {
  process.env.ASTRO_TELEMETRY_DISABLED ??= "1";
  const root = mkdtempSync(join(tmpdir(), "seg-contract-"));
  if (options.from) {
    for (const entry of ["segmentation.yaml", "segments", "personas", "hypotheses", "reviews", "data", "segments.lock.json"]) {
      if (existsSync(join(options.from, entry))) cpSync(join(options.from, entry), join(root, entry), { recursive: true });
    }
  }
  for (const [path, text] of Object.entries(options.files ?? {})) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  const common = { root, today: options.today, ...(options.dataDir ? { dataDir: options.dataDir } : {}) };
  await lock(common);
  const outDir = join(root, "dist");
  const result = await build({ ...common, outDir, logLevel: "error" });
  const lockJson = JSON.parse(readFileSync(join(root, "segments.lock.json"), "utf8")) as LockJson;
  return { root, outDir, result, lockJson, remove: () => (process.env.SEG_KEEP_SITE ? undefined : rmSync(root, { recursive: true, force: true })) };
}
