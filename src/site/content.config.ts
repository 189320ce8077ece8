/**
 * Astro content collections over the persona and review documents Seg read
 * and validated (site/playbook-documents.ts): the entries' data is the
 * frontmatter as `seg check` parsed it (YAML 1.2) and checked it against Seg's
 * schemas, so Astro parses no frontmatter a second time. Bodies are rendered
 * from the stage: Markdown by Astro's Markdown renderer, MDX as a module of
 * the staged file. Astro finds this file because Seg builds with this folder
 * as Astro's srcDir; the stage is Astro's root.
 */
import { fileURLToPath } from "node:url";
import { extname } from "node:path";
import { defineCollection } from "astro/content/config";
import type { Loader, LoaderContext } from "astro/loaders";
import { documentsFor, type PlaybookDocument } from "./playbook-documents.ts";

type Rendered = Awaited<ReturnType<LoaderContext["renderMarkdown"]>>;
/** How Astro renders one kind of file (Markdown, MDX): what it hands loaders as entryTypes, untyped in its public API. */
interface EntryType {
  getRenderFunction?(config: LoaderContext["config"]): Promise<(entry: { id: string; data: Record<string, unknown>; body: string; filePath: string; digest: string }) => Promise<Rendered>>;
  contentModuleTypes?: string;
}

function segDocuments(collection: PlaybookDocument["collection"]): Loader {
  return {
    name: `seg-${collection}`,
    load: async (context) => {
      const { config, store, generateDigest } = context;
      const entryTypes = (context as LoaderContext & { entryTypes: Map<string, EntryType> }).entryTypes;
      const root = fileURLToPath(config.root);
      const documents = documentsFor(root, collection);
      const ids = new Set(documents.map((document) => document.id));
      for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
      for (const document of documents) {
        const { id, data, body, filePath } = document;
        const digest = generateDigest(JSON.stringify([filePath, data, body]));
        const existing = store.get(id);
        if (existing?.digest === digest) {
          if (existing.deferredRender && existing.filePath) store.addModuleImport(existing.filePath);
          continue;
        }
        const entryType = entryTypes.get(extname(filePath));
        // As Astro's glob loader does: Markdown is rendered now; MDX when a page renders it, as a module compiled from the staged file.
        if (entryType?.getRenderFunction) {
          const render = await entryType.getRenderFunction(config);
          const rendered = await render({ id, data, body, filePath: fileURLToPath(new URL(filePath, config.root)), digest });
          store.set({ id, data, body, filePath, digest, rendered, assetImports: rendered.metadata?.imagePaths ?? [] });
        } else if (entryType && "contentModuleTypes" in entryType) {
          store.set({ id, data, body, filePath, digest, deferredRender: true });
        } else {
          store.set({ id, data, body, filePath, digest });
        }
      }
    },
  };
}

export const collections = {
  personas: defineCollection({ loader: segDocuments("personas") }),
  reviews: defineCollection({ loader: segDocuments("reviews") }),
};
