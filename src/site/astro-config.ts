/**
 * The Astro configuration Seg builds the playbook with. The workspace is
 * Astro's root (so `astro.config.mjs` there can set hosting options and
 * `public/` there is published), and this folder is Astro's srcDir (so the
 * content collections and routes come from Seg, not from the workspace).
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroInlineConfig } from "astro";
import { segPlaybook } from "./integration.ts";
import type { SiteModel } from "./model/site-model.ts";

export interface PlaybookConfigOptions {
  root: string;
  outDir: string;
  /** Astro's cache folder (content layer store, Vite cache). */
  cacheDir: string;
  model: SiteModel;
  site?: string | undefined;
  base?: string | undefined;
  logLevel?: "debug" | "info" | "warn" | "error" | "silent";
}

export function playbookConfig(options: PlaybookConfigOptions): AstroInlineConfig {
  return {
    root: options.root,
    srcDir: fileURLToPath(new URL("./", import.meta.url)),
    outDir: options.outDir,
    cacheDir: options.cacheDir,
    logLevel: options.logLevel ?? "warn",
    output: "static",
    trailingSlash: "ignore",
    build: { format: "directory" },
    devToolbar: { enabled: false },
    // Vite's cache would otherwise go to <workspace>/node_modules/.vite, which a workspace of YAML and data does not have.
    vite: { cacheDir: join(options.cacheDir, "vite") },
    ...(options.site ? { site: options.site } : {}),
    ...(options.base ? { base: options.base } : {}),
    integrations: [segPlaybook({ model: options.model })],
  };
}
