/**
 * The folder Astro builds from. Seg never hands the workspace to Astro or Vite:
 * their config loaders and module resolvers look for astro.config.*,
 * vite.config.*, postcss.config.*, tsconfig.json, .env files and public/ in
 * the project root and would run or publish whatever a workspace put there.
 * Instead each build gets a fresh folder outside the workspace holding only
 * what the playbook is made of, already validated by `seg check`: the persona
 * and review files as Seg read them (with refused links dropped), the local
 * images they show, and the whitelisted files of public/. Files are copied by
 * opening them without following links, and written into a new folder, so a
 * link planted in the workspace can neither be read through nor written through.
 */
import { closeSync, constants, existsSync, fstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export interface StageInput {
  root: string;
  /** Workspace path → text, for persona and review files. */
  documents: ReadonlyMap<string, string>;
  /** Workspace paths of files copied byte for byte (validated images, public/ files). */
  copies: readonly string[];
}

/** Creates the stage under `parent` (which must be outside the workspace) and returns its path. */
export function stagePlaybook(parent: string, input: StageInput): string {
  mkdirSync(parent, { recursive: true });
  const stage = mkdtempSync(join(parent, "stage-"));
  const write = (path: string, content: string | Buffer) => {
    const target = join(stage, ...path.split("/"));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content, { flag: "wx" });
  };
  for (const [path, text] of input.documents) write(path, text);
  for (const path of new Set(input.copies)) write(path, readRegularFile(join(input.root, ...path.split("/")), path));
  return stage;
}

/**
 * Bring a stage made from `previous` in line with `next` (seg dev, after an edit): files whose
 * content changed are rewritten, files no longer published are removed, the rest is left alone
 * (so Vite, watching the stage, sees only what changed). Copies are read as stagePlaybook reads them.
 */
export function restagePlaybook(stage: string, previous: StageInput, next: StageInput): void {
  const target = (path: string) => join(stage, ...path.split("/"));
  const put = (path: string, content: string | Buffer) => {
    const file = target(path);
    if (existsSync(file) && readFileSync(file).equals(Buffer.from(content))) return;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  };
  const kept = new Set([...next.documents.keys(), ...next.copies]);
  for (const path of [...previous.documents.keys(), ...previous.copies]) if (!kept.has(path)) rmSync(target(path), { force: true });
  for (const [path, text] of next.documents) put(path, text);
  for (const path of new Set(next.copies)) put(path, readRegularFile(join(next.root, ...path.split("/")), path));
}

/** The bytes of a regular file, refusing a link or anything else that appeared since the check. */
function readRegularFile(full: string, path: string): Buffer {
  const fd = openSync(full, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    if (!fstatSync(fd).isFile()) throw new Error(`${path} is no longer a regular file; run seg build again.`);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}
