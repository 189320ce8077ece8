/**
 * The history of segments.lock.json for the playbook's "changes over time":
 * per segment and per cluster, what each committed lock said. Outside a git
 * repository, in a shallow clone (or without git) the history is empty and
 * `reason` says why and `missing` what is needed, so a site still builds from
 * a plain folder.
 */
import { resolve } from "node:path";
import { readDefinitionHistory, type DefinitionHistory } from "./definition-history.ts";
import { findRepository, gitText } from "./git.ts";
import { GitError } from "./git-error.ts";
import { readLockHistory, type HistoryOptions, type LockHistory } from "./lock-history.ts";
import { LOCK_FILE } from "../lock/lock-file.ts";

export type LockHistoryResult = LockHistory & {
  available: boolean;
  reason?: string;
  /** What the history needs: a git repository, git itself, or the full history (a shallow clone has one commit). */
  missing?: "repository" | "git" | "full-history";
  /** For each commit whose lock records a changed segment definition, the fields of the definition that changed. */
  definitionChanges: DefinitionHistory;
};

export function lockHistory(root: string, options: HistoryOptions = {}): LockHistoryResult {
  const empty = { versions: [], segments: {}, unassigned: {}, clusters: {}, definitionChanges: new Map() };
  try {
    const repository = findRepository(resolve(root));
    if (gitText(repository.top, ["rev-parse", "--is-shallow-repository"]).trim() === "true") {
      return { available: false, missing: "full-history", reason: "this is a shallow clone, which holds only the newest commits, so the lock's history is not here.", ...empty };
    }
    if (!hasCommits(repository.top)) return { available: true, ...empty };
    const history = readLockHistory(repository, LOCK_FILE, options);
    return { available: true, ...history, definitionChanges: readDefinitionHistory(repository, history.versions) };
  } catch (error) {
    if (error instanceof GitError) return { available: false, missing: /not installed/.test(error.message) ? "git" : "repository", reason: error.message, ...empty };
    throw error;
  }
}

/** A repository just created has no commits, and `git log` fails there. */
function hasCommits(top: string): boolean {
  try {
    gitText(top, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]);
    return true;
  } catch {
    return false;
  }
}
