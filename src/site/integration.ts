/**
 * The Astro integration that publishes the playbook: it adds MDX, injects the
 * playbook's routes and hands the precomputed page data to them through the
 * virtual module `virtual:seg/model`. Page data is computed once, before Astro
 * starts, by `seg build`.
 */
import mdx from "@astrojs/mdx";
import type { AstroIntegration } from "astro";
import type { SiteModel } from "./model/site-model.ts";

const VIRTUAL_ID = "virtual:seg/model";
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

export interface PlaybookOptions {
  model: SiteModel;
}

export function segPlaybook(options: PlaybookOptions): AstroIntegration {
  const route = (name: string) => new URL(`./routes/${name}.astro`, import.meta.url);
  return {
    name: "seg-playbook",
    hooks: {
      "astro:config:setup": ({ config, injectRoute, updateConfig }) => {
        if (!config.integrations.some((i) => i.name === "@astrojs/mdx")) updateConfig({ integrations: [mdx()] });
        injectRoute({ pattern: "/", entrypoint: route("index") });
        injectRoute({ pattern: "/segments/[id]", entrypoint: route("segment") });
        injectRoute({ pattern: "/personas/[id]", entrypoint: route("persona") });
        updateConfig({
          vite: {
            plugins: [
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
