/**
 * Read one YAML file (or the frontmatter of a Markdown/MDX file), validate it
 * against its zod schema, and keep the parsed tree so any later finding can be
 * placed at file:line:col.
 */
import type { Document } from "yaml";
import type { z } from "zod";
import type { Diagnostic, Span } from "../diagnostics/diagnostic.ts";
import { diagnosticsFromZod } from "../diagnostics/from-zod.ts";
import { locateKey, spanOfPath, type PathSegment } from "./locate.ts";
import { splitFrontmatter } from "./read-frontmatter.ts";
import { readWorkspaceText } from "./read-workspace-text.ts";
import { MAX_YAML_BYTES, readYaml } from "./read-yaml.ts";
import { spanAt, type SourceFile } from "./source-file.ts";
import { nodeSpan } from "./yaml-node-span.ts";

export const MAX_MARKDOWN_BYTES = 2_000_000;

export interface LoadedDocument<T> {
  file: SourceFile;
  doc: Document.Parsed | undefined;
  /** Offset of the YAML text inside the file. */
  base: number;
  value: T;
  /** Markdown body (frontmatter files only). */
  body?: { start: number; text: string };
}

export interface DocumentReadResult<T> {
  document: LoadedDocument<T> | undefined;
  diagnostics: Diagnostic[];
}

/** Span of a path inside a loaded document (what rules and cross-reference checks use). */
export function spanIn(document: LoadedDocument<unknown>, path: readonly PathSegment[]): Span {
  return spanOfPath(document.file, document.doc, path, document.base);
}

export function readDocument<S extends z.ZodType>(
  root: string,
  relPath: string,
  schema: S,
  kind: "yaml" | "frontmatter",
): DocumentReadResult<z.output<S>> {
  const limit = kind === "yaml" ? MAX_YAML_BYTES : MAX_MARKDOWN_BYTES;
  const loaded = readWorkspaceText(root, relPath, limit, kind === "yaml" ? "YAML" : "Markdown");
  if (!loaded.file) return { document: undefined, diagnostics: loaded.diagnostics };
  const file = loaded.file;
  let base = 0;
  let yamlText = file.text;
  let body: LoadedDocument<unknown>["body"];
  if (kind === "frontmatter") {
    const split = splitFrontmatter(file);
    if (!split.frontmatter) return { document: undefined, diagnostics: split.diagnostics };
    base = split.frontmatter.base;
    yamlText = split.frontmatter.yaml;
    body = { start: split.frontmatter.bodyStart, text: split.frontmatter.body };
  }
  const parsed = readYaml({ file, base, text: yamlText });
  if (parsed.value === undefined && parsed.diagnostics.length > 0) return { document: undefined, diagnostics: parsed.diagnostics };
  const diagnostics = [...parsed.diagnostics];
  if (parsed.value === null || parsed.value === undefined) {
    diagnostics.push({
      ruleId: "schema/empty-file",
      messageId: "problem",
      severity: "error",
      message: "The file is empty.",
      hint: "Fill in its fields, or delete the file.",
      file: relPath,
      ...spanAt(file, base, base),
    });
    return { document: undefined, diagnostics };
  }
  const result = schema.safeParse(parsed.value);
  if (!result.success) {
    diagnostics.push(
      ...diagnosticsFromZod(result.error.issues, schema, parsed.value, {
        file: relPath,
        spanOf: (path) => spanOfPath(file, parsed.doc, path, base),
        keySpanOf: (path, key) => {
          const node = locateKey(parsed.doc, path, key);
          return node ? nodeSpan(file, node, base) : undefined;
        },
      }),
    );
    return { document: undefined, diagnostics };
  }
  return {
    document: { file, doc: parsed.doc, base, value: result.data, ...(body ? { body } : {}) },
    diagnostics,
  };
}
