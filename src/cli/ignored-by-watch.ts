/**
 * Which paths in a workspace `seg dev` does not watch: what builds and tools
 * write there (dist/, node_modules, .git, .astro and every other hidden entry)
 * and the short-lived files editors and tools write next to the file they save
 * (GNU sed's sedXXXXXX, vim's swap files and 4913 probe, backups ending in ~,
 * *.tmp, Emacs #autosaves#, JetBrains' safe-write copies, Python's tmpXXXXXXXX).
 */

/** Folders at any depth whose contents are never workspace input. */
const IGNORED_FOLDERS = new Set(["node_modules"]);
/** Folders at the top of the workspace that builds write to. */
const IGNORED_TOP_FOLDERS = new Set(["dist"]);

const EDITOR_TEMP_NAMES: readonly RegExp[] = [
  /^sed[A-Za-z0-9]{6}$/, // sed -i
  /\.sw[a-p]$/, // vim swap files
  /^4913$/, // vim's write probe
  /~$/, // backups
  /\.te?mp$/i,
  /^#.*#$/, // Emacs autosave
  /___jb_(?:tmp|old)___$/, // JetBrains safe write
  /\.crswap$/, // Chromium's File System Access writes
  /^tmp[a-z0-9_]{8}$/, // Python's tempfile
];

/** True for a workspace-relative path (either separator) that `seg dev` must not watch or report. */
export function ignoredByWatch(relativePath: string): boolean {
  const parts = relativePath.split(/[\\/]/).filter((part) => part !== "");
  if (parts.length === 0) return false;
  if (IGNORED_TOP_FOLDERS.has(parts[0]!)) return true;
  for (const part of parts) {
    if (part.startsWith(".") || IGNORED_FOLDERS.has(part)) return true;
  }
  const name = parts[parts.length - 1]!;
  return EDITOR_TEMP_NAMES.some((pattern) => pattern.test(name));
}
