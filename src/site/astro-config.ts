/**
 * The Astro configuration Seg builds the playbook with, and all of it: Seg
 * owns the configuration, so nothing of the workspace is loaded as config.
 * Astro's root is the stage (site/stage.ts: a fresh folder outside the
 * workspace holding only the validated persona and review files, their images
 * and the whitelisted public/ files), with no Astro config file
 * (`configFile: false`), an explicit empty PostCSS config (so no
 * postcss.config.* or tailwind.config.* is searched for), no .env files, and
 * Astro's and Vite's caches outside the workspace. This folder is Astro's
 * srcDir, so the content collections and routes come from Seg.
 *
 * Images go through Astro's passthrough image service: they are published as
 * they are, without a native image library.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroInlineConfig } from "astro";
import { passthroughImageService } from "astro/config";
import { segFolders, segPlaybook } from "./integration.ts";
import type { LivePlaybook } from "./live-playbook.ts";
import type { SiteModel } from "./model/site-model.ts";

export interface PlaybookConfigOptions {
  /** The stage folder (site/stage.ts), never the workspace. */
  stage: string;
  /** The workspace, whose files are never loaded as modules (see integration.ts). */
  workspace: string;
  outDir: string;
  /** Astro's cache folder (content layer store, Vite cache). */
  cacheDir: string;
  model: SiteModel;
  site?: string | undefined;
  base?: string | undefined;
  logLevel?: "debug" | "info" | "warn" | "error" | "silent";
  /** `seg dev`: the model kept in step with the workspace, and where the dev server listens. */
  live?: LivePlaybook | undefined;
  host?: string | undefined;
  port?: number | undefined;
}

export function playbookConfig(options: PlaybookConfigOptions): AstroInlineConfig {
  return {
    configFile: false,
    root: options.stage,
    srcDir: fileURLToPath(new URL("./", import.meta.url)),
    publicDir: join(options.stage, "public"),
    outDir: options.outDir,
    cacheDir: options.cacheDir,
    logLevel: options.logLevel ?? "warn",
    output: "static",
    trailingSlash: "ignore",
    // The prerendered chunks go here, not into <cwd>/.astro (see the seg-static adapter in integration.ts).
    build: { format: "directory", server: join(options.stage, ".server") },
    devToolbar: { enabled: false },
    image: { service: passthroughImageService() },
    vite: {
      // Vite's cache would otherwise go to <root>/node_modules/.vite.
      cacheDir: join(options.cacheDir, "vite"),
      // An inline PostCSS config: Vite then searches for no postcss.config.* (nor, through it, tailwind.config.*).
      css: { postcss: { plugins: [] } },
      envDir: false,
      // seg dev: the port asked for or none (Vite would move to the next free one), and files served only from
      // the stage, Astro's cache and Seg's own code and dependencies: never from the workspace or elsewhere.
      server: { strictPort: true, fs: { strict: true, allow: [options.stage, options.cacheDir, ...segFolders()] } },
    },
    server: { host: options.host ?? "127.0.0.1", port: options.port ?? 4321 },
    ...(options.site ? { site: options.site } : {}),
    ...(options.base ? { base: options.base } : {}),
    integrations: [segPlaybook({ model: options.model, stage: options.stage, workspace: options.workspace, cacheDir: options.cacheDir, live: options.live })],
  };
}
