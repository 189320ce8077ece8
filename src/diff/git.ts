/**
 * The few git plumbing calls Seg needs, each one `git` with an argument array
 * (never a shell string), run in the workspace folder. Revisions are checked
 * before use, so user text can never be read as an option.
 *
 * A repository's own configuration is workspace content, and some settings
 * make git run a program: core.fsmonitor (run by commands that look at the
 * work tree), core.pager, diff.external and textconv drivers, hooks. Every
 * call turns those off on the command line (which wins over any config file),
 * ignores the system config, never prompts, and takes no optional locks, so
 * reading history runs nothing a workspace names.
 */
import { execFileSync } from "node:child_process";
import { GitError } from "./git-error.ts";

export interface Repository {
  /** Absolute path of the repository's top folder. */
  top: string;
  /** The workspace folder relative to `top`, with forward slashes and no trailing slash ("" at the top). */
  prefix: string;
}

/** Settings that stop git from running anything a repository's config names; first on every command line. */
export const SAFE_GIT_OPTIONS: readonly string[] = [
  "--no-pager",
  "-c", "core.fsmonitor=false",
  "-c", "core.hooksPath=/dev/null",
  "-c", "core.pager=cat",
  "-c", "core.sshCommand=ssh",
  "-c", "core.untrackedCache=false",
  "-c", "credential.helper=",
  "-c", "protocol.ext.allow=never",
];

/** The environment git runs with: no system config, no prompts, no optional locks. */
// git inherits the environment it runs in, as any child process would; this only tightens it.
// eslint-disable-next-line no-restricted-syntax
export function safeGitEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, GIT_CONFIG_NOSYSTEM: "1", GIT_TERMINAL_PROMPT: "0", GIT_OPTIONAL_LOCKS: "0", GIT_PAGER: "cat" };
}

/** Run git and return its standard output as a buffer; throws GitError with git's own message. */
export function git(cwd: string, args: readonly string[], options: { maxBuffer?: number; input?: string } = {}): Buffer {
  try {
    return execFileSync("git", [...SAFE_GIT_OPTIONS, ...args], {
      cwd,
      env: safeGitEnvironment(),
      input: options.input,
      stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
      maxBuffer: options.maxBuffer ?? 256 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: Buffer; status?: number };
    if (e.code === "ENOENT") throw new GitError("git is not installed or not on PATH; seg diff and the history need it.");
    const detail = e.stderr?.toString("utf8").trim().split("\n")[0] ?? e.message;
    throw new GitError(`git ${args.find((a, i) => !a.startsWith("-") && args[i - 1] !== "-c") ?? args[0]} failed: ${detail}`);
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

/**
 * `-c` settings that neutralize every filter driver the repository's config
 * defines (filter.<name>.smudge/process run a program for each file git
 * archive writes out, and .gitattributes in the tree picks them): smudge and
 * clean become `cat`, the long-running process is unset. Reading config runs nothing.
 */
export function withoutFilterDrivers(cwd: string): string[] {
  let listed: string;
  try {
    listed = git(cwd, ["config", "--null", "--name-only", "--get-regexp", "^filter\\."]).toString("utf8");
  } catch {
    return []; // no filter.* settings at all (git config exits 1)
  }
  const names = new Set(listed.split("\0").map((key) => /^filter\.(.+)\.[^.]+$/s.exec(key)?.[1]).filter((n): n is string => n !== undefined));
  const unsafe = [...names].find((name) => name.includes("="));
  if (unsafe !== undefined) throw new GitError(`the repository's git config defines a filter driver named "${unsafe}", which Seg cannot switch off; remove it (git config --remove-section) before seg diff.`);
  return [...names].flatMap((name) => ["-c", `filter.${name}.smudge=cat`, "-c", `filter.${name}.clean=cat`, "-c", `filter.${name}.process=`, "-c", `filter.${name}.required=false`]);
}
