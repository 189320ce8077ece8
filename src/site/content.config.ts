/**
 * Astro content collections over the workspace's Markdown files, validated with
 * Seg's own schemas: personas (MDX bodies with <Metric/> bindings) and review
 * notes. Astro finds this file because Seg builds with this folder as Astro's
 * srcDir; the workspace is Astro's root.
 */
import { existsSync } from "node:fs";
import { defineCollection } from "astro/content/config";
import { glob, type Loader } from "astro/loaders";
import { z } from "zod";
import { personaSchema } from "../schema/persona.ts";
import { reviewNoteSchema } from "../schema/review-note.ts";

/** The Markdown files of one workspace folder; a workspace without the folder has an empty collection. */
function workspaceFolder(folder: string): Loader {
  const inner = glob({ pattern: "*.{md,mdx}", base: `./${folder}`, generateId: ({ entry }) => entry.replace(/\.mdx?$/, "") });
  return {
    name: `seg-${folder}`,
    load: async (context) => {
      if (!existsSync(new URL(`./${folder}/`, context.config.root))) return;
      await inner.load(context);
    },
  };
}

/**
 * Seg's schema for the frontmatter as Astro parses it. Astro reads YAML 1.1,
 * where an unquoted 2026-10-01 is a timestamp; Seg reads YAML 1.2, where it is
 * the string the schema expects, so dates are turned back into that string.
 */
function asParsedByAstro<T extends z.ZodType>(schema: T) {
  return z.preprocess(datesToText, schema);
}

function datesToText(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? value : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(datesToText);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, datesToText(v)]));
  return value;
}

export const collections = {
  personas: defineCollection({ loader: workspaceFolder("personas"), schema: asParsedByAstro(personaSchema) }),
  reviews: defineCollection({ loader: workspaceFolder("reviews"), schema: asParsedByAstro(reviewNoteSchema) }),
};
