/**
 * The data file a source's `path` names, checked before anything opens it: one
 * file, no glob (`data/acc*.csv` would let DuckDB expand it to whatever the
 * pattern reaches, links included), and otherwise the rules every workspace
 * file follows (workspace-file.ts): a regular file inside the workspace, or
 * inside --data-dir when one is given, and not in a dot-folder.
 */
import { checkWorkspaceFile, type WorkspaceFileCheck } from "./workspace-file.ts";

/** Characters DuckDB (and shells) read as a pattern. */
const GLOB = /[*?[\]{}]/;

export function checkDataFile(dataRoot: string, path: string): WorkspaceFileCheck {
  const glob = GLOB.exec(path);
  if (glob) {
    return {
      ok: false,
      problem: "not-regular",
      message: `The data path "${path}" contains "${glob[0]}"; a source reads exactly one file, and patterns (* ? [ ] { }) are not expanded.`,
      hint: "Name one file; to combine several, concatenate them into one file first, or declare one source per file.",
    };
  }
  return checkWorkspaceFile(dataRoot, path, "The data file");
}
