/**
 * `seg init` in a repository that already has a package.json: add the scripts
 * and the seg dependency a workspace needs, and change nothing else. Scripts of
 * the same name and every dependency spec the file already has, a `file:` or
 * git spec for seg included, stay as they are. Key order and indentation are kept.
 */

export type MergedPackageJson =
  | {
      ok: true;
      text: string;
      /** What was added, e.g. "script check", "devDependency seg ^0.1.0". */
      added: string[];
      /** Scripts of the template's names that run something else, kept as they are: name → the user's command. */
      keptScripts: Record<string, string>;
      changed: boolean;
    }
  | { ok: false; message: string };

const DEPENDENCY_FIELDS = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"] as const;

/**
 * `existing` is the text of the user's package.json, `template` the parsed
 * package.json a fresh workspace gets (scripts and devDependencies.seg).
 */
export function mergePackageJson(existing: string, template: { scripts: Record<string, string>; devDependencies: { seg: string } }): MergedPackageJson {
  let parsed: unknown;
  try {
    parsed = JSON.parse(existing);
  } catch (error) {
    return { ok: false, message: `it is not valid JSON (${(error as Error).message})` };
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return { ok: false, message: "it does not hold a JSON object" };
  const json = parsed as Record<string, unknown>;
  for (const field of ["scripts", ...DEPENDENCY_FIELDS]) {
    const value = json[field];
    if (value !== undefined && (value === null || typeof value !== "object" || Array.isArray(value))) return { ok: false, message: `its "${field}" is not an object` };
  }
  const added: string[] = [];
  const keptScripts: Record<string, string> = {};
  const scripts = (json.scripts ?? {}) as Record<string, unknown>;
  for (const [name, command] of Object.entries(template.scripts)) {
    if (Object.hasOwn(scripts, name)) {
      if (scripts[name] !== command) keptScripts[name] = String(scripts[name]);
      continue;
    }
    scripts[name] = command;
    added.push(`script ${name}`);
  }
  if (Object.keys(scripts).length > 0) json.scripts = scripts;
  const hasSeg = DEPENDENCY_FIELDS.some((field) => Object.hasOwn((json[field] ?? {}) as object, "seg"));
  if (!hasSeg) {
    json.devDependencies = { ...((json.devDependencies ?? {}) as Record<string, unknown>), seg: template.devDependencies.seg };
    added.push(`devDependency seg ${template.devDependencies.seg}`);
  }
  if (added.length === 0) return { ok: true, text: existing, added, keptScripts, changed: false };
  const indent = /^\{\r?\n([ \t]+)"/.exec(existing)?.[1] ?? "  ";
  const eol = existing.includes("\r\n") ? "\r\n" : "\n";
  const text = JSON.stringify(json, null, indent).replaceAll("\n", eol) + (/\r?\n$/.test(existing) || existing === "" ? eol : "");
  return { ok: true, text, added, keptScripts, changed: true };
}
