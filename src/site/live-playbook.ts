/**
 * The playbook `seg dev` serves from Astro's dev server, kept in step with the
 * workspace: `update` swaps in a recomputed site model, makes Vite load
 * `virtual:seg/model` (and every module that imported it) afresh, refreshes
 * the content collections from the documents Seg validated, and tells open
 * pages to reload.
 *
 * Pages reload through a one-line script that listens on an event stream
 * served beside the site. The pages' Content-Security-Policy allows scripts
 * by hash only (content-security-policy.ts), so Vite's own client, which
 * Astro's dev server adds to every page, never runs; the reload script is
 * allowed by its hash, and nothing else is.
 */
import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { AstroIntegration } from "astro";
import { scriptHash } from "./content-security-policy.ts";
import type { SiteModel } from "./model/site-model.ts";

/** The virtual module the pages import the model from, as Vite names it once resolved. */
export const MODEL_MODULE = "virtual:seg/model";
export const RESOLVED_MODEL_MODULE = `\0${MODEL_MODULE}`;

/**
 * Live playbooks by id, for the model module to read the current model from: the dev server runs
 * the pages in this process, so the module is a few lines that never change, and an update only has
 * it evaluated again, never the megabytes of a model written out as code transformed again.
 */
const LIVE = Symbol.for("seg.live-playbooks");

function livePlaybooks(): Map<string, LivePlaybook> {
  const holder = globalThis as { [LIVE]?: Map<string, LivePlaybook> };
  holder[LIVE] ??= new Map();
  return holder[LIVE];
}

/** Where pages listen for reloads, under the site's base path. */
const RELOAD_PATH = "/__seg/reload";

/** Loader names of the content collections (content.config.ts). */
const SEG_LOADERS = ["seg-personas", "seg-reviews"];

export interface LiveReloadScript {
  code: string;
  /** "sha256-…" of the code, for the Content-Security-Policy. */
  hash: string;
}

type ServerSetup = Parameters<NonNullable<AstroIntegration["hooks"]["astro:server:setup"]>>[0];
/** Vite's dev server, as Astro hands it to integrations (Vite is Astro's dependency, not Seg's). */
type ViteDevServer = ServerSetup["server"];
type RefreshContent = ServerSetup["refreshContent"];

export class LivePlaybook {
  #model: SiteModel;
  readonly #path: string;
  readonly reload: LiveReloadScript;
  readonly #clients = new Set<ServerResponse>();
  readonly #id = randomUUID();
  #server: ViteDevServer | undefined;
  #refreshContent: RefreshContent | undefined;

  /** `base` is the site's base path, e.g. /playbook, or undefined for the root. */
  constructor(model: SiteModel, base: string | undefined) {
    this.#model = model;
    this.#path = `${base ?? ""}${RELOAD_PATH}`;
    const code = `new EventSource(${JSON.stringify(this.#path)}).onmessage = () => location.reload();`;
    this.reload = { code, hash: scriptHash(code) };
    livePlaybooks().set(this.#id, this);
  }

  /** The code of `virtual:seg/model` under seg dev: the current model and the reload script, read from this object. */
  moduleCode(): string {
    const live = `globalThis[Symbol.for("seg.live-playbooks")].get(${JSON.stringify(this.#id)})`;
    return `const live = ${live};\nexport const model = live.model;\nexport const liveReload = live.reload;\n`;
  }

  get model(): SiteModel {
    return this.#model;
  }

  /** Called from astro:server:setup: serve the reload stream, and keep what updates need. */
  attach(server: ViteDevServer, refreshContent: RefreshContent): void {
    this.#server = server;
    this.#refreshContent = refreshContent;
    server.middlewares.use((request, response, next) => {
      // Astro's dev server takes the base path off a request's URL before it reaches this middleware.
      const path = request.url?.split("?")[0];
      if (path !== this.#path && path !== RELOAD_PATH) return next();
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      response.write(": connected\n\n");
      this.#clients.add(response);
      request.on("close", () => this.#clients.delete(response));
    });
  }

  /** Serve `model` from now on, with the content collections refreshed when the documents changed, and reload open pages. */
  async update(model: SiteModel, { documentsChanged }: { documentsChanged: boolean }): Promise<void> {
    this.#model = model;
    const server = this.#server;
    if (!server) return;
    if (documentsChanged) await this.#refreshContent?.({ loaders: SEG_LOADERS });
    invalidateWithImporters(server, RESOLVED_MODEL_MODULE);
    for (const client of this.#clients) client.write("data: reload\n\n");
  }

  close(): void {
    livePlaybooks().delete(this.#id);
    for (const client of this.#clients) client.end();
    this.#clients.clear();
  }
}

interface EvaluatedModule {
  importers: Set<string>;
}
interface RunnableEnvironment {
  runner: { evaluatedModules: { getModuleById(id: string): EvaluatedModule | undefined; invalidateModule(node: EvaluatedModule): void } };
}

/**
 * Make every environment that runs modules evaluate the module again (its code is the same), and
 * every module that imported it (so no page keeps the old model), and drop Astro's cache of each
 * route's paths.
 */
function invalidateWithImporters(server: ViteDevServer, id: string): void {
  for (const environment of Object.values(server.environments)) {
    // Environments that run modules in this process (Astro's ssr and prerender) keep them evaluated until told.
    if (!("runner" in environment)) continue;
    const evaluated = (environment as unknown as RunnableEnvironment).runner.evaluatedModules;
    const pending = [id];
    const seen = new Set<string>();
    while (pending.length > 0) {
      const next = pending.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      const node = evaluated.getModuleById(next);
      if (!node) continue;
      evaluated.invalidateModule(node);
      pending.push(...node.importers);
    }
    environment.hot.send("astro:content-changed", {});
  }
}
