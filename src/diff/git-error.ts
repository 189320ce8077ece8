/**
 * A git problem the user can fix: not a repository, an unknown revision, git not
 * installed. A SegError (exit code 2); its own class so that the lock's history can
 * tell "no history here" from other failures.
 */
import { SegError } from "../diagnostics/seg-error.ts";

export class GitError extends SegError {
  constructor(message: string) {
    super(message);
    this.name = "GitError";
  }
}
