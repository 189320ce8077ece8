/**
 * The persona and review documents a playbook publishes, as Seg read and
 * validated them, handed to the content collections (content.config.ts).
 * Astro loads that file through its own module loader, so it cannot be given
 * the documents as an argument; they are registered here under the stage
 * folder, which is Astro's root and what the loader is told, and read back by
 * the loader. The frontmatter is never parsed again: the entry's data is the
 * value Seg validated (YAML 1.2), and the staged file holds only the body.
 */
export interface PlaybookDocument {
  collection: "personas" | "reviews";
  /** The entry id: the file name without .md or .mdx. */
  id: string;
  /** The frontmatter as Seg parsed and validated it. */
  data: Record<string, unknown>;
  /** The Markdown or MDX body, as staged. */
  body: string;
  /** The staged file, relative to the stage ("/"-separated). */
  filePath: string;
}

/** One registry per process, shared by Seg's modules and the copies Astro's module loader makes of them. */
const REGISTRY = Symbol.for("seg.playbook-documents");

function registry(): Map<string, readonly PlaybookDocument[]> {
  const holder = globalThis as { [REGISTRY]?: Map<string, readonly PlaybookDocument[]> };
  holder[REGISTRY] ??= new Map();
  return holder[REGISTRY];
}

/** Publish `documents` for the playbook staged at `stage` (replacing what was there); returns the function that withdraws them. */
export function registerDocuments(stage: string, documents: readonly PlaybookDocument[]): () => void {
  registry().set(normalized(stage), documents);
  return () => registry().delete(normalized(stage));
}

/** The documents of one collection for the stage at `stage`; none when nothing was registered for it. */
export function documentsFor(stage: string, collection: PlaybookDocument["collection"]): PlaybookDocument[] {
  return (registry().get(normalized(stage)) ?? []).filter((document) => document.collection === collection);
}

function normalized(folder: string): string {
  return folder.replace(/[\\/]+$/, "");
}
