/**
 * The Astro integration that publishes the playbook: it adds MDX, injects the
 * playbook's routes and hands the precomputed page data to them through the
 * virtual module `virtual:seg/model`. Page data is computed once, before Astro
 * starts, by `seg build`.
 */
import mdx from "@astrojs/mdx";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import type { SiteModel } from "./model/site-model.ts";

const VIRTUAL_ID = "virtual:seg/model";
/** Imports of Astro's runtime from workspace files resolve from here when the workspace has no Astro of its own. */
const SEG_IMPORTER = fileURLToPath(import.meta.url);
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
/** Route scripts sit beside this module: .ts in a checkout, .js in the published package (see scripts/build-package.ts). */
const SCRIPT_EXT = extname(SEG_IMPORTER);

interface PluginResolver {
  resolve(source: string, importer: string, options: object): Promise<{ id: string } | null>;
}

export interface PlaybookOptions {
  model: SiteModel;
}

/** URL pattern → route file in routes/. */
export const ROUTES: readonly { pattern: string; entrypoint: string; when?: (model: SiteModel) => boolean }[] = [
  { pattern: "/", entrypoint: "index.astro" },
  { pattern: "/segments", entrypoint: "segments.astro" },
  { pattern: "/segments/[id]", entrypoint: "segment.astro" },
  { pattern: "/personas", entrypoint: "personas.astro" },
  { pattern: "/personas/[id]", entrypoint: "persona.astro" },
  { pattern: "/prioritization", entrypoint: "prioritization.astro", when: (model) => model.prioritization !== null },
  { pattern: "/clusters", entrypoint: "clusters.astro" },
  { pattern: "/hypotheses", entrypoint: "hypotheses.astro" },
  { pattern: "/health", entrypoint: "health.astro" },
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
      "astro:config:setup": ({ config, injectRoute, updateConfig }) => {
        if (!config.integrations.some((i) => i.name === "@astrojs/mdx")) updateConfig({ integrations: [mdx()] });
        for (const route of ROUTES) {
          if (route.when && !route.when(options.model)) continue;
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
                // Astro's entry points resolve from the workspace, and compiled MDX imports astro/jsx-runtime and
                // friends from the persona's own folder. A workspace that is not a Node project (or that runs a
                // globally installed seg) has no Astro of its own, so both fall back to the Astro Seg depends on.
                name: "seg-astro-runtime",
                enforce: "pre" as const,
                async resolveId(this: PluginResolver, source: string, importer: string | undefined, options: object) {
                  if (!/^(?:astro|@astrojs\/[^/]+)(?:\/|$)/.test(source)) return null;
                  const own = await this.resolve(source, importer ?? SEG_IMPORTER, { ...options, skipSelf: true });
                  return own ?? (importer ? await this.resolve(source, SEG_IMPORTER, { ...options, skipSelf: true }) : null);
                },
              },
              {
                name: "seg-model",
                resolveId: (id: string) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
                load: (id: string) => (id === RESOLVED_ID ? `export const model = ${JSON.stringify(options.model)};` : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
