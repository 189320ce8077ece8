/**
 * The Astro integration that publishes the playbook: it adds MDX, injects the
 * playbook's routes and hands the precomputed page data to them through the
 * virtual module `virtual:seg/model`. Page data is computed once, before Astro
 * starts, by `seg build`.
 *
 * It also keeps the bundler to Seg's own files: the seg-workspace-guard plugin
 * refuses to load any module that is not in the stage (site/stage.ts), Seg's
 * own code, the packages Seg depends on, or Astro's cache, so a workspace file
 * (or any file of the machine) can never be imported, parsed or run, whatever
 * slipped past `seg check`. Astro's runtime always comes from Seg's own
 * dependencies, never from a node_modules the workspace brings.
 */
import mdx from "@astrojs/mdx";
import { existsSync } from "node:fs";
import { extname, isAbsolute, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import type { SiteModel } from "./model/site-model.ts";
import { isInsideFolder } from "../workspace/is-inside-folder.ts";
import { MODEL_MODULE, RESOLVED_MODEL_MODULE, type LivePlaybook } from "./live-playbook.ts";

/** Imports of Astro's runtime from workspace files resolve from here when the workspace has no Astro of its own. */
const SEG_IMPORTER = fileURLToPath(import.meta.url);
/** Route scripts sit beside this module: .ts in a checkout, .js in the published package (see scripts/build-package.ts). */
const SCRIPT_EXT = extname(SEG_IMPORTER);

interface PluginResolver {
  resolve(source: string, importer: string, options: object): Promise<{ id: string } | null>;
}

export interface PlaybookOptions {
  model: SiteModel;
  /** The folder Astro builds from. */
  stage: string;
  /** The workspace: nothing in it is loaded as a module. */
  workspace: string;
  /** Astro's cache folder (its generated modules are loaded from there). */
  cacheDir: string;
  /** `seg dev`: the model served and updated as the workspace changes (then `model` is only the first one). */
  live?: LivePlaybook | undefined;
}

/** Seg's package folder: its own code (src/ in a checkout, lib/ when installed) and dependencies. */
const SEG_PACKAGE = fileURLToPath(new URL("../../", import.meta.url));

/**
 * The node_modules folder Seg is installed in (undefined in a checkout): npm hoists Seg's
 * dependencies there. In a workspace that installed Seg, that is the workspace's own
 * node_modules, written by the user's `npm ci`, not by the workspace's files.
 */
const SEG_INSTALL_FOLDER = installFolderOf(SEG_PACKAGE);

function installFolderOf(packageFolder: string): string | undefined {
  const parts = packageFolder.replace(/[\\/]+$/, "").split(sep);
  const at = parts.lastIndexOf("node_modules");
  return at === -1 ? undefined : parts.slice(0, at + 1).join(sep);
}

/** The folders of Seg's own code and dependencies (what a dev server may serve files from, beside the stage and cache). */
export function segFolders(): string[] {
  const own = ["src", "lib", "node_modules"].map((folder) => `${SEG_PACKAGE}${folder}`);
  return SEG_INSTALL_FOLDER === undefined ? own : [...own, SEG_INSTALL_FOLDER];
}

/** Why a module may be loaded, or undefined when it may not: inside the stage, Seg's code, a dependency, or Astro's cache. */
export function mayLoad(path: string, options: Pick<PlaybookOptions, "stage" | "workspace" | "cacheDir">): boolean {
  if (isInsideFolder(path, options.stage) || isInsideFolder(path, options.cacheDir)) return true;
  if (segFolders().some((folder) => isInsideFolder(path, folder))) return true;
  // Dependencies installed beside Seg (hoisted by npm), but never a node_modules of the workspace's own.
  return path.split(sep).includes("node_modules") && !isInsideFolder(path, options.workspace);
}


/** The file a module id names, or undefined for virtual modules. */
function fileOf(id: string): string | undefined {
  const path = id.replace(/^\0/, "").replace(/[?#].*$/, "").replace(/^\/@fs(?=\/)/, "");
  return isAbsolute(path) ? path : undefined;
}

/** URL pattern → route file in routes/. */
export const ROUTES: readonly { pattern: string; entrypoint: string; when?: (model: SiteModel) => boolean }[] = [
  { pattern: "/", entrypoint: "index.astro" },
  { pattern: "/segments", entrypoint: "segments.astro" },
  { pattern: "/segments/[id]", entrypoint: "segment.astro" },
  { pattern: "/segments/[id]/brief", entrypoint: "segment-brief.astro" },
  { pattern: "/personas", entrypoint: "personas.astro" },
  { pattern: "/personas/[id]", entrypoint: "persona.astro" },
  { pattern: "/prioritization", entrypoint: "prioritization.astro", when: (model) => model.prioritization !== null },
  { pattern: "/clusters", entrypoint: "clusters.astro" },
  { pattern: "/changes", entrypoint: "changes.astro" },
  { pattern: "/impact", entrypoint: "impact.astro", when: (model) => model.impact.status !== "not-configured" },
  { pattern: "/hypotheses", entrypoint: "hypotheses.astro" },
  { pattern: "/health", entrypoint: "health.astro" },
  { pattern: "/data", entrypoint: "data.astro" },
  { pattern: "/reviews", entrypoint: "reviews.astro" },
  { pattern: "/rules", entrypoint: "rules.astro" },
  { pattern: "/method", entrypoint: "method.astro" },
  { pattern: "/search", entrypoint: "search.astro" },
  { pattern: "/search.json", entrypoint: `search-index${SCRIPT_EXT}` },
  { pattern: "/charts/[id].svg", entrypoint: `chart-svg${SCRIPT_EXT}` },
  { pattern: "/_seg/[file]", entrypoint: `client-script${SCRIPT_EXT}` },
  { pattern: "/404", entrypoint: "404.astro" },
];

export function segPlaybook(options: PlaybookOptions): AstroIntegration {
  return {
    name: "seg-playbook",
    hooks: {
      // Astro writes the prerendered chunks beside outDir only when outDir is under the current folder, and
      // otherwise into <cwd>/.astro, which can be a workspace's (or a link out of it). A static adapter that
      // keeps the build's server folder (set to the stage in astro-config.ts) keeps them in the stage instead.
      "astro:config:done": ({ setAdapter }) => {
        setAdapter({
          name: "seg-static",
          supportedAstroFeatures: { staticOutput: "stable" },
          adapterFeatures: { buildOutput: "static", preserveBuildServerDir: true },
        });
      },
      "astro:server:setup": ({ server, refreshContent }) => options.live?.attach(server, refreshContent),
      "astro:config:setup": ({ config, injectRoute, updateConfig }) => {
        if (!config.integrations.some((i) => i.name === "@astrojs/mdx")) updateConfig({ integrations: [mdx()] });
        for (const route of ROUTES) {
          // seg dev injects every route, since an edit can give a page something to show (a prioritization: or
          // impact: section added) or take it away; such a page answers 404 while the live model has nothing for it.
          if (route.when && !options.live && !route.when(options.model)) continue;
          injectRoute({ pattern: route.pattern, entrypoint: new URL(`./routes/${route.entrypoint}`, import.meta.url), prerender: true });
        }
        updateConfig({
          vite: {
            build: {
              rolldownOptions: {
                // Compiled MDX starts with a directive of Astro's own that the bundler warns about on every persona.
                onwarn: (warning: { code?: string }, warn: (warning: { code?: string }) => void) => {
                  if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
                },
              },
            },
            plugins: [
              {
                // Astro's entry points resolve from the root (the stage), and compiled MDX imports astro/jsx-runtime
                // and friends from the persona's own folder. Neither has an Astro: both resolve to the one Seg
                // depends on, never to one a workspace could bring.
                name: "seg-astro-runtime",
                enforce: "pre" as const,
                async resolveId(this: PluginResolver, source: string, _importer: string | undefined, options: object) {
                  if (!/^(?:astro|@astrojs\/[^/]+)(?:\/|$)/.test(source)) return null;
                  return this.resolve(source, SEG_IMPORTER, { ...options, skipSelf: true });
                },
              },
              {
                name: "seg-workspace-guard",
                enforce: "pre" as const,
                load(id: string) {
                  const file = fileOf(id);
                  if (file === undefined || mayLoad(file, options)) return null;
                  // Vite's "no such module" (ERR_LOAD_URL), so the dev server hands the request on and answers it as
                  // it does any file it does not serve (404), with no stack trace, and a file that exists is not told
                  // from one that does not. A build, and a page that imports the file, still fail with the message.
                  // Nothing to load is a page's URL the dev server first tries as a module, e.g. /_seg/playbook.js.
                  if (!existsSync(file)) throw Object.assign(new Error(`Seg found no module ${id}.`), { code: "ERR_LOAD_URL" });
                  const shown = isInsideFolder(file, options.workspace) ? relative(options.workspace, file).split(sep).join("/") : "a file outside the workspace";
                  const message = `Seg does not load ${shown} into the playbook: only persona and review files, the images they show and public/ files checked by seg check are published.`;
                  throw Object.assign(new Error(message), { code: "ERR_LOAD_URL" });
                },
              },
              {
                name: "seg-model",
                resolveId: (id: string) => (id === MODEL_MODULE ? RESOLVED_MODEL_MODULE : undefined),
                load: (id: string) => (id === RESOLVED_MODEL_MODULE ? modelModule(options) : undefined),
              },
            ],
          },
        });
      },
    },
  };
}

/** The model, and under seg dev (where both are read from the live playbook) the reload script the pages carry (its hash joins their Content-Security-Policy). */
function modelModule(options: PlaybookOptions): string {
  if (options.live) return options.live.moduleCode();
  return `export const model = ${JSON.stringify(options.model)};\nexport const liveReload = null;`;
}
