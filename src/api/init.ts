/**
 * `seg init` as a library call: copy a template workspace into a folder. The
 * template is files on disk (templates/<name>/), copied as they are, except that
 * names starting with "_" become dot files (`_gitignore` → `.gitignore`,
 * `_github/` → `.github/`: npm drops dot files from packages) and
 * `__SEG_VERSION__` becomes this Seg's version. A folder with files in it is
 * left alone unless `force` is set, and then only the template's files are
 * overwritten.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { VERSION } from "../version.ts";

export const TEMPLATES_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

export interface InitOptions {
  /** The folder to create the workspace in. */
  dir: string;
  /** Template name (default basic). */
  template?: string;
  /** Write into a folder that is not empty, overwriting the template's files. */
  force?: boolean;
}

export type InitResult =
  | { status: "created"; root: string; files: string[] }
  | { status: "not-empty"; root: string; entries: string[] }
  | { status: "unknown-template"; template: string; templates: string[] };

export function templateNames(): string[] {
  return readdirSync(TEMPLATES_DIR)
    .filter((name) => statSync(join(TEMPLATES_DIR, name)).isDirectory())
    .sort();
}

export function init(options: InitOptions): InitResult {
  const template = options.template ?? "basic";
  const templates = templateNames();
  if (!templates.includes(template)) return { status: "unknown-template", template, templates };
  const root = resolve(options.dir);
  if (existsSync(root)) {
    const entries = readdirSync(root).sort();
    if (entries.length > 0 && !options.force) return { status: "not-empty", root, entries };
  }
  const files: string[] = [];
  for (const source of listFiles(join(TEMPLATES_DIR, template))) {
    const target = source.split("/").map((part) => (part.startsWith("_") ? `.${part.slice(1)}` : part)).join("/");
    const full = join(root, ...target.split("/"));
    mkdirSync(dirname(full), { recursive: true });
    const content = readFileSync(join(TEMPLATES_DIR, template, ...source.split("/")));
    writeFileSync(full, isText(source) ? content.toString("utf8").replaceAll("__SEG_VERSION__", VERSION) : content);
    files.push(target);
  }
  return { status: "created", root, files: files.sort() };
}

/** Files under `dir`, relative, with forward slashes, sorted. */
function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      const relative = prefix === "" ? name : `${prefix}/${name}`;
      return statSync(full).isDirectory() ? listFiles(full, relative) : [relative];
    });
}

function isText(path: string): boolean {
  return /\.(json|ya?ml|md|mdx|mjs|txt)$|(^|\/)_gitignore$/.test(path);
}
