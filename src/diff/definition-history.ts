/**
 * What changed in each segment definition the lock history says changed: the
 * segment file (`segments/<scheme>/<id>.yaml`) read at the commit before and
 * at the commit of the change, through the same safe YAML reader as the
 * workspace (size and alias limits, no prototype keys), and compared field by
 * field under `definition` with the definition diff of `seg diff`
 * (expressions in canonical form). A file that is missing at either commit or
 * does not read is left out: the page still names the segment as changed.
 */
import { createSourceFile } from "../workspace/source-file.ts";
import { MAX_YAML_BYTES, readYaml } from "../workspace/read-yaml.ts";
import { diffFields, type FieldChange } from "./definition-diff.ts";
import { repositoryPath, type Repository } from "./git.ts";
import type { LockVersion } from "./lock-history.ts";
import { readBlobs } from "./read-blobs.ts";

/** Commit → "scheme/segment" → the definition's changed fields (Maps: ids come from committed locks). */
export type DefinitionHistory = Map<string, Map<string, FieldChange[]>>;

const ID = /^[a-z0-9][a-z0-9_-]*$/i;

export function readDefinitionHistory(repository: Repository, versions: readonly LockVersion[]): DefinitionHistory {
  const wanted: { commit: string; before: string; key: string; path: string }[] = [];
  let previous: LockVersion | undefined;
  for (const version of versions) {
    if (version.status !== "ok" || !version.summary) continue;
    if (previous?.summary) {
      const old = new Map(Object.entries(previous.summary.definitions));
      for (const [key, hash] of Object.entries(version.summary.definitions)) {
        const [scheme = "", id = "", ...rest] = key.split("/");
        if (old.get(key) === undefined || old.get(key) === hash || rest.length > 0 || !ID.test(scheme) || !ID.test(id)) continue;
        wanted.push({ commit: version.commit, before: previous.commit, key, path: repositoryPath(repository, `segments/${scheme}/${id}.yaml`) });
      }
    }
    previous = version;
  }
  // A segment file over the size a workspace file may have is never read, as in the workspace itself.
  const texts = readBlobs(repository.top, wanted.flatMap((w) => [`${w.before}:${w.path}`, `${w.commit}:${w.path}`]), MAX_YAML_BYTES).map((t) => (typeof t === "string" ? t : undefined));
  const history: DefinitionHistory = new Map();
  wanted.forEach((w, i) => {
    const before = definitionOf(w.path, texts[2 * i]);
    const after = definitionOf(w.path, texts[2 * i + 1]);
    if (before === undefined || after === undefined) return;
    const fields = diffFields(before, after).map((f) => ({ ...f, path: `definition.${f.path}` }));
    if (fields.length === 0) return;
    let at = history.get(w.commit);
    if (!at) history.set(w.commit, (at = new Map()));
    at.set(w.key, fields);
  });
  return history;
}

/** The `definition` mapping of a segment file, or undefined when the file is missing or does not read cleanly. */
function definitionOf(path: string, text: string | undefined): unknown {
  if (text === undefined) return undefined;
  const parsed = readYaml({ file: createSourceFile(path, text), base: 0, text });
  if (parsed.diagnostics.some((d) => d.severity === "error")) return undefined;
  const value = parsed.value;
  if (value === null || typeof value !== "object" || Array.isArray(value) || !Object.hasOwn(value, "definition")) return undefined;
  const definition = (value as { definition: unknown }).definition;
  return definition !== null && typeof definition === "object" && !Array.isArray(definition) ? definition : undefined;
}
