/**
 * A git problem the user can fix: not a repository, an unknown revision, git not
 * installed. Carries exit code 2 like any other usage error; the CLI reports the
 * message and no stack.
 */
export class GitError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = "GitError";
  }
}
