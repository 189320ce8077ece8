/**
 * `seg init` as a library call: put a template workspace into a folder, which
 * may be an existing repository. The template is files on disk
 * (templates/<name>/); names starting with "_" become dot files (`_gitignore`
 * → `.gitignore`, `_github/` → `.github/`: npm drops dot files from packages),
 * `__SEG_SPEC__` becomes a seg dependency spec that installs (see
 * installed-seg-spec.ts), `__WORKSPACE_NAME__` the folder's name, `__TODAY__`
 * the `today` it is given and `__TODAY-N__` the date N days before. The JSON
 * Schemas go to schemas/, where the template's YAML files point editors; the
 * sample data to data/, ending the day before `today` (sample-data.ts).
 *
 * What is already there is the user's:
 * - package.json and .gitignore are merged: entries are added, none changed;
 * - README.md is kept unless `force`;
 * - any other file of the template that exists stops init before it writes
 *   anything, unless `force`, and then it is replaced and listed;
 * - a symbolic link on the way to any file init would write stops it, always.
 * New files are created exclusively (never through a link put there
 * meanwhile); replaced ones are written beside and renamed over.
 */
import { constants, copyFileSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync, type Stats } from "node:fs";
import { basename, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { generateJsonSchemas } from "../schema/json-schema.ts";
import { VERSION } from "../version.ts";
import { installedSegSpec, type InstalledSegSpec } from "./installed-seg-spec.ts";
import { mergePackageJson } from "./merge-package-json.ts";
import { sampleData } from "./sample-data.ts";

export const TEMPLATES_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));
/** The folder of the running Seg package (the one with package.json and templates/). */
const PACKAGE_ROOT = resolve(TEMPLATES_DIR, "..");

export interface InitOptions {
  /** The folder to create the workspace in; it may exist and hold other files. */
  dir: string;
  /** Template name (default basic). */
  template?: string;
  /** Replace files of the template that exist already (package.json and .gitignore are merged all the same). */
  force?: boolean;
  /** Where the running Seg came from (default: worked out from its install); tests pass it in. */
  installed?: InstalledSegSpec;
  /** Today's date, YYYY-MM-DD: the workspace's as_of, where the sample data ends and what the template's dates count back from. */
  today: string;
}

/** The seg dependency a fresh package.json gets, and where it came from. */
export interface SegDependency {
  spec: string;
  installed: InstalledSegSpec;
  /** The tarball copied into the workspace (vendor/…), when Seg was installed from one outside it. */
  vendored?: string;
}

export type InitResult =
  | {
      status: "created";
      root: string;
      /** Every file written, relative with forward slashes, sorted. */
      files: string[];
      /** Files that existed and were replaced (only with force). */
      replaced: string[];
      /** Files that existed and got entries added, with what was added. */
      merged: { file: string; added: string[] }[];
      /** Files of the template left as the user had them. */
      kept: string[];
      /** Scripts of package.json that have a template script's name but run something else: name → command. */
      keptScripts: Record<string, string>;
      /** The seg dependency package.json has now: undefined when the user's package.json already had one. */
      seg?: SegDependency;
    }
  | { status: "conflict"; root: string; files: string[] }
  | { status: "symlink"; root: string; paths: string[] }
  | { status: "not-a-folder"; root: string; path: string }
  | { status: "invalid-package-json"; root: string; message: string }
  | { status: "unknown-template"; template: string; templates: string[] };

type Action = "create" | "replace" | "merge" | "keep";

interface Planned {
  path: string;
  content: string | Buffer;
  /** Copy this file instead of writing content. */
  copyFrom?: string;
  action: Action;
  added?: string[];
  keptScripts?: Record<string, string>;
}

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
  const rootStat = statOrUndefined(root, statSync);
  if (rootStat && !rootStat.isDirectory()) return { status: "not-a-folder", root, path: root };

  const existingPackage = readRegularFile(join(root, "package.json"));
  const installed = options.installed ?? installedSegSpec(PACKAGE_ROOT, VERSION);
  const needsSeg = existingPackage === undefined || !mentionsSeg(existingPackage);
  const seg = needsSeg ? segDependency(installed, root) : undefined;

  const wanted = templateFiles(template, root, seg?.spec ?? `^${VERSION}`, options.today);
  if (seg?.vendored) wanted.push({ path: seg.vendored, content: "", copyFrom: (installed as { path: string }).path });

  const symlinks: string[] = [];
  const conflicts: string[] = [];
  const planned: Planned[] = [];
  for (const file of wanted) {
    const decision = planFile(root, file, existingPackage, options.force === true);
    if (decision.kind === "symlink") symlinks.push(decision.path);
    else if (decision.kind === "conflict") conflicts.push(file.path);
    else if (decision.kind === "stop") return decision.result;
    else planned.push(decision.file);
  }
  if (symlinks.length > 0) return { status: "symlink", root, paths: [...new Set(symlinks)].sort() };
  if (conflicts.length > 0) return { status: "conflict", root, files: conflicts.sort() };

  mkdirSync(root, { recursive: true });
  for (const file of planned) write(root, file);
  const written = planned.filter((f) => f.action !== "keep");
  return {
    status: "created",
    root,
    files: written.map((f) => f.path).sort(),
    replaced: planned.filter((f) => f.action === "replace").map((f) => f.path).sort(),
    merged: planned.filter((f) => f.action === "merge").map((f) => ({ file: f.path, added: f.added ?? [] })),
    kept: planned.filter((f) => f.action === "keep").map((f) => f.path).sort(),
    keptScripts: planned.find((f) => f.path === "package.json")?.keptScripts ?? {},
    ...(seg ? { seg } : {}),
  };
}

type Decision =
  | { kind: "write"; file: Planned }
  | { kind: "symlink"; path: string }
  | { kind: "conflict" }
  | { kind: "stop"; result: InitResult };

/** What to do with one file of the template in `root`, given what is there. */
function planFile(root: string, file: Omit<Planned, "action">, existingPackage: string | undefined, force: boolean): Decision {
  const blocked = blockedBy(root, file.path);
  if (blocked?.kind === "symlink") return { kind: "symlink", path: blocked.path };
  if (blocked?.kind === "not-a-folder") return { kind: "stop", result: { status: "not-a-folder", root, path: join(root, ...blocked.path.split("/")) } };
  const full = join(root, ...file.path.split("/"));
  const stat = statOrUndefined(full, lstatSync);
  if (stat === undefined) return { kind: "write", file: { ...file, action: "create" } };
  if (stat.isSymbolicLink()) return { kind: "symlink", path: file.path };
  if (!stat.isFile()) return { kind: "stop", result: { status: "not-a-folder", root, path: full } };
  if (file.path === "package.json") {
    const merged = mergePackageJson(existingPackage ?? "", JSON.parse(String(file.content)) as { scripts: Record<string, string>; devDependencies: { seg: string } });
    if (!merged.ok) return { kind: "stop", result: { status: "invalid-package-json", root, message: `package.json: ${merged.message}` } };
    return { kind: "write", file: { path: file.path, content: merged.text, action: merged.changed ? "merge" : "keep", added: merged.added, keptScripts: merged.keptScripts } };
  }
  if (file.path === ".gitignore") {
    const current = readFileSync(full, "utf8");
    const have = new Set(current.split(/\r?\n/).map(ignoreEntry));
    const missing = String(file.content).split("\n").filter((line) => line.trim() !== "" && !have.has(ignoreEntry(line)));
    const text = `${current}${current === "" || current.endsWith("\n") ? "" : "\n"}${missing.map((line) => `${line}\n`).join("")}`;
    return { kind: "write", file: { path: file.path, content: text, action: missing.length > 0 ? "merge" : "keep", added: missing } };
  }
  if (force) return { kind: "write", file: { ...file, action: "replace" } };
  if (file.path === "README.md") return { kind: "write", file: { ...file, action: "keep" } };
  return { kind: "conflict" };
}

/** The seg spec for a fresh package.json in `root`; a tarball outside the workspace is copied to vendor/. */
function segDependency(installed: InstalledSegSpec, root: string): SegDependency {
  switch (installed.kind) {
    case "registry":
      return { spec: `^${installed.version}`, installed };
    case "unknown":
      return { spec: `^${installed.version}`, installed };
    case "git":
      return { spec: installed.spec, installed };
    case "tarball": {
      const inside = relative(root, installed.path);
      if (!inside.startsWith("..") && !inside.startsWith(sep) && inside !== "") return { spec: `file:${inside.split(sep).join("/")}`, installed };
      const vendored = `vendor/${basename(installed.path)}`;
      return { spec: `file:${vendored}`, installed, vendored };
    }
  }
}

/** The template's files as they land in `root`, plus the JSON Schemas and the sample data. */
function templateFiles(template: string, root: string, segSpec: string, today: string): Omit<Planned, "action">[] {
  const name = basename(root);
  const packageName = name.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[._-]+|-+$/g, "") || "segmentation";
  const files: Omit<Planned, "action">[] = listFiles(join(TEMPLATES_DIR, template)).map((source) => {
    const path = source.split("/").map((part) => (part.startsWith("_") ? `.${part.slice(1)}` : part)).join("/");
    const raw = readFileSync(join(TEMPLATES_DIR, template, ...source.split("/")));
    if (!isText(source)) return { path, content: raw };
    const text = raw
      .toString("utf8")
      .replaceAll("__SEG_VERSION__", VERSION)
      .replaceAll("__WORKSPACE_NAME__", name)
      .replace(/__TODAY(?:-(\d+))?__/g, (_, days: string | undefined) => daysBefore(today, Number(days ?? 0)));
    const content = path === "package.json" ? text.replaceAll('"__PACKAGE_NAME__"', JSON.stringify(packageName)).replaceAll('"__SEG_SPEC__"', JSON.stringify(segSpec)) : text;
    return { path, content };
  });
  for (const [file, text] of Object.entries(generateJsonSchemas())) files.push({ path: `schemas/${file}`, content: text });
  for (const [file, text] of Object.entries(sampleData(today))) files.push({ path: `data/${file}`, content: text });
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** The date `days` days before `today`, YYYY-MM-DD. */
function daysBefore(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/** The first thing on the way from `root` to `path` (exclusive) that is a link, or a file where a folder must be. */
function blockedBy(root: string, path: string): { kind: "symlink" | "not-a-folder"; path: string } | undefined {
  const parts = path.split("/").slice(0, -1);
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join("/");
    const stat = statOrUndefined(join(root, ...parts.slice(0, i)), lstatSync);
    if (stat === undefined) return undefined;
    if (stat.isSymbolicLink()) return { kind: "symlink", path: prefix };
    if (!stat.isDirectory()) return { kind: "not-a-folder", path: prefix };
  }
  return undefined;
}

function write(root: string, file: Planned): void {
  if (file.action === "keep") return;
  const parts = file.path.split("/");
  for (let i = 1; i < parts.length; i++) {
    const dir = join(root, ...parts.slice(0, i));
    const stat = statOrUndefined(dir, lstatSync);
    if (stat === undefined) mkdirSync(dir);
    else if (!stat.isDirectory() || stat.isSymbolicLink()) throw new Error(`${dir} changed while seg init ran: it is no longer a folder`);
  }
  const full = join(root, ...parts);
  // "wx" creates the file or fails: it never opens an existing file or follows a link.
  const target = file.action === "create" ? full : `${full}.seg-init-${process.pid}`;
  if (file.copyFrom !== undefined) copyFileSync(file.copyFrom, target, constants.COPYFILE_EXCL);
  else writeFileSync(target, file.content, { flag: "wx" });
  if (target !== full) renameSync(target, full);
}

/** A .gitignore line as a comparable entry: "node_modules", "/node_modules" and "node_modules/" ignore the same folder here. */
function ignoreEntry(line: string): string {
  return line.trim().replace(/^\//, "").replace(/\/$/, "");
}

function mentionsSeg(packageJson: string): boolean {
  try {
    const json = JSON.parse(packageJson) as Record<string, Record<string, unknown> | undefined>;
    return ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"].some((field) => typeof json[field] === "object" && json[field] !== null && Object.hasOwn(json[field], "seg"));
  } catch {
    return false;
  }
}

/** The text of a regular file (not a link), or undefined. */
function readRegularFile(path: string): string | undefined {
  const stat = statOrUndefined(path, lstatSync);
  return stat?.isFile() ? readFileSync(path, "utf8") : undefined;
}

function statOrUndefined(path: string, stat: (path: string) => Stats): Stats | undefined {
  try {
    return stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Files under `dir`, relative, with forward slashes, sorted. */
function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      const relativePath = prefix === "" ? name : `${prefix}/${name}`;
      return statSync(full).isDirectory() ? listFiles(full, relativePath) : [relativePath];
    });
}

function isText(path: string): boolean {
  return /\.(json|ya?ml|md|mdx|mjs|txt)$|(^|\/)_gitignore$/.test(path);
}
