/**
 * The history of segments.lock.json for the playbook's "changes over time":
 * per segment and per cluster, what each committed lock said. Outside a git
 * repository (or without git) the history is empty and `reason` says why, so a
 * site still builds from a plain folder.
 */
import { resolve } from "node:path";
import { findRepository } from "../diff/git.ts";
import { GitError } from "../diff/git-error.ts";
import { readLockHistory, type HistoryOptions, type LockHistory } from "../diff/lock-history.ts";
import { LOCK_FILE } from "../lock/lock-file.ts";

export type LockHistoryResult = LockHistory & { available: boolean; reason?: string };

export function lockHistory(root: string, options: HistoryOptions = {}): LockHistoryResult {
  const empty = { versions: [], segments: {}, unassigned: {}, clusters: {} };
  try {
    return { available: true, ...readLockHistory(findRepository(resolve(root)), LOCK_FILE, options) };
  } catch (error) {
    if (error instanceof GitError) return { available: false, reason: error.message, ...empty };
    throw error;
  }
}
