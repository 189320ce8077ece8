/**
 * The few git plumbing calls Seg needs, each one `git` with an argument array
 * (never a shell string), run in the workspace folder. Revisions are checked
 * before use, so user text can never be read as an option.
 */
import { execFileSync } from "node:child_process";
import { GitError } from "./git-error.ts";

export interface Repository {
  /** Absolute path of the repository's top folder. */
  top: string;
  /** The workspace folder relative to `top`, with forward slashes and no trailing slash ("" at the top). */
  prefix: string;
}

/** Run git and return its standard output as a buffer; throws GitError with git's own message. */
export function git(cwd: string, args: readonly string[], options: { maxBuffer?: number } = {}): Buffer {
  try {
    return execFileSync("git", args, { cwd, stdio: ["ignore", "pipe", "pipe"], maxBuffer: options.maxBuffer ?? 256 * 1024 * 1024 });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: Buffer; status?: number };
    if (e.code === "ENOENT") throw new GitError("git is not installed or not on PATH; seg diff and the history need it.");
    const detail = e.stderr?.toString("utf8").trim().split("\n")[0] ?? e.message;
    throw new GitError(`git ${args[0]} failed: ${detail}`);
  }
}

export function gitText(cwd: string, args: readonly string[]): string {
  return git(cwd, args).toString("utf8");
}

/** The repository holding `root`, or a GitError saying it is not in one. */
export function findRepository(root: string): Repository {
  let top: string;
  try {
    top = gitText(root, ["rev-parse", "--show-toplevel"]).trim();
  } catch (error) {
    if (error instanceof GitError && /not installed/.test(error.message)) throw error;
    throw new GitError(`${root} is not inside a git repository; seg diff compares revisions of a workspace kept in git.`);
  }
  const prefix = gitText(root, ["rev-parse", "--show-prefix"]).trim().replace(/\/$/, "");
  return { top, prefix };
}

/** The commit a revision names (branch, tag, sha, HEAD~2, origin/main…), or a GitError naming the revision. */
export function resolveCommit(repository: Repository, revision: string): string {
  if (revision.trim() === "" || revision.startsWith("-")) throw new GitError(`"${revision}" is not a git revision. Give a branch, tag or commit, e.g. --base origin/main.`);
  try {
    return gitText(repository.top, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${revision}^{commit}`]).trim();
  } catch {
    throw new GitError(
      `unknown git revision "${revision}". Give a branch, tag or commit that exists here (git log --oneline shows them; in CI, fetch the base branch first, e.g. actions/checkout with fetch-depth: 0).`,
    );
  }
}

/** Whether `path` (relative to the repository top) exists in the commit. */
export function existsAt(repository: Repository, commit: string, path: string): boolean {
  try {
    git(repository.top, ["cat-file", "-e", `${commit}:${path}`]);
    return true;
  } catch {
    return false;
  }
}

/** A path inside the workspace, relative to the repository top. */
export function repositoryPath(repository: Repository, path: string): string {
  return repository.prefix === "" ? path : `${repository.prefix}/${path}`;
}
