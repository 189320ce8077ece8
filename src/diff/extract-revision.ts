/**
 * Materialize the workspace as it was at a commit, in a folder of its own,
 * without touching the working tree, the index or any ref: `git archive` of the
 * workspace folder into a tar file, unpacked with `tar`. Data files come along
 * when they are committed (large files kept out of git are not, which is why
 * `seg diff` reads the head's data by default). Filter drivers the repository's
 * config defines are neutralized (git.ts), so unpacking runs nothing.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { git, withoutFilterDrivers, type Repository } from "./git.ts";
import { GitError } from "./git-error.ts";

/** Unpack the workspace at `commit` under `into`; returns the workspace folder inside it. */
export function extractRevision(repository: Repository, commit: string, into: string): string {
  mkdirSync(into, { recursive: true });
  const archive = join(into, ".seg-revision.tar");
  git(repository.top, [...withoutFilterDrivers(repository.top), "archive", "--format=tar", "-o", archive, commit, "--", ...(repository.prefix === "" ? [] : [repository.prefix])]);
  try {
    execFileSync("tar", ["-x", "-f", archive, "-C", into], { stdio: ["ignore", "ignore", "pipe"] });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: Buffer };
    if (e.code === "ENOENT") throw new GitError("tar is not installed or not on PATH; seg diff needs it to unpack a revision.");
    throw new GitError(`could not unpack ${commit.slice(0, 12)}: ${e.stderr?.toString("utf8").trim() || e.message}`);
  } finally {
    rmSync(archive, { force: true });
  }
  return repository.prefix === "" ? into : join(into, ...repository.prefix.split("/"));
}
