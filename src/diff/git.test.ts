/**
 * A repository's own config is hostile: settings that make git run a program
 * (core.fsmonitor, a filter driver's smudge and process, core.pager) are set
 * to write a marker, and the same commands run by plain git do write it (so
 * the hostile config is live), while Seg's git calls, the lock history and the
 * revision extraction of seg diff never do.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lockHistory } from "./history.ts";
import { extractRevision } from "./extract-revision.ts";
import { findRepository, git } from "./git.ts";

let dir: string;
let repo: string;
const marker = (name: string) => join(dir, `ran-${name}`);

function plainGit(...args: string[]): string {
  return execFileSync("git", args, { cwd: repo, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "seg-hostile-git-"));
  repo = join(dir, "repo");
  mkdirSync(repo);
  plainGit("init", "-q", "-b", "main");
  writeFileSync(join(repo, ".gitattributes"), "* filter=evil\n");
  writeFileSync(join(repo, "segments.lock.json"), "{ not a lock }\n");
  plainGit("add", "-A");
  plainGit("-c", "user.name=T", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "a lock");
  const script = (name: string) => {
    const path = join(dir, `${name}.sh`);
    writeFileSync(path, `#!/bin/sh\ntouch '${marker(name)}'\ncat\n`);
    chmodSync(path, 0o755);
    return path;
  };
  plainGit("config", "core.fsmonitor", script("fsmonitor"));
  plainGit("config", "filter.evil.smudge", script("smudge"));
  plainGit("config", "core.pager", script("pager"));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("git as Seg runs it", () => {
  it("the hostile config is live for plain git", () => {
    plainGit("status", "--porcelain");
    expect(existsSync(marker("fsmonitor"))).toBe(true);
    plainGit("archive", "--format=tar", "-o", join(dir, "plain.tar"), "HEAD");
    expect(existsSync(marker("smudge"))).toBe(true);
    rmSync(marker("fsmonitor"));
    rmSync(marker("smudge"));
  });

  it("never runs core.fsmonitor, even for a command that reads the work tree", () => {
    git(repo, ["status", "--porcelain"]);
    expect(existsSync(marker("fsmonitor"))).toBe(false);
  });

  it("reads the lock history without running anything and skips the unreadable version", () => {
    const history = lockHistory(repo);
    expect(history.versions.map((v) => [v.status, v.subject])).toEqual([["invalid", "a lock"]]);
    expect(["fsmonitor", "smudge", "pager"].filter((name) => existsSync(marker(name)))).toEqual([]);
  });

  it("extracts a revision for seg diff without running the filter driver", () => {
    const into = join(dir, "extracted");
    extractRevision(findRepository(repo), "HEAD", into);
    expect(readFileSync(join(into, "segments.lock.json"), "utf8")).toBe("{ not a lock }\n");
    expect(["fsmonitor", "smudge", "pager"].filter((name) => existsSync(marker(name)))).toEqual([]);
  });
});
