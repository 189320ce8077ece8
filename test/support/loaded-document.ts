/** A LoadedDocument from inline text, for tests of code that reads comments and positions. */
import type { LoadedDocument } from "../../src/workspace/read-document.ts";
import { splitFrontmatter } from "../../src/workspace/read-frontmatter.ts";
import { readYaml } from "../../src/workspace/read-yaml.ts";
import { createSourceFile } from "../../src/workspace/source-file.ts";

export function loadedDocument<T = unknown>(path: string, text: string): LoadedDocument<T> {
  const file = createSourceFile(path, text);
  if (/\.mdx?$/.test(path)) {
    const { frontmatter } = splitFrontmatter(file);
    if (!frontmatter) throw new Error(`${path} has no frontmatter`);
    const parsed = readYaml({ file, base: frontmatter.base, text: frontmatter.yaml });
    return { file, doc: parsed.doc, base: frontmatter.base, value: parsed.value as T, body: { start: frontmatter.bodyStart, text: frontmatter.body } };
  }
  const parsed = readYaml({ file, base: 0, text });
  return { file, doc: parsed.doc, base: 0, value: parsed.value as T };
}
