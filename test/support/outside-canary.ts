/**
 * Canaries planted outside a hostile workspace: a secret whose text must never
 * appear in anything Seg prints or writes, and a file that must never change.
 * `runEveryCommand` runs the commands a CI job runs on a pull request, as
 * subprocesses, and returns what each printed and wrote.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { expect } from "vitest";
import { runSeg, type SegRun } from "./run-seg.ts";

export interface OutsideCanary {
  /** The folder outside the workspace that holds the canaries. */
  dir: string;
  /** Text that must never appear in Seg's output. */
  secret: string;
  /** A file holding the secret, shaped like the base workspace's accounts CSV (so a reader that follows a link would load it). */
  secretFile: string;
  /** A file that must never change. */
  keepFile: string;
  /** Plant another file (say, a passwd look-alike holding the secret) at `relPath` in `dir`; returns its path. */
  add(relPath: string, text: string): string;
  /** Asserts the keep file and the folder's entries are as planted, and the secret is in none of `outputs`. */
  assertUntouched(outputs: readonly string[]): void;
  remove(): void;
}

const KEEP_TEXT = "this file lives outside the workspace and must never change\n";

export function plantOutsideCanary(): OutsideCanary {
  const dir = mkdtempSync(join(tmpdir(), "seg-canary-"));
  const secret = `CANARY${Math.floor(Math.random() * 1e9)}`;
  const secretFile = join(dir, "secret.csv");
  // A valid accounts file whose ids are the secret: loading it would put the secret in every member list.
  writeFileSync(secretFile, `account_id,employees,region,plan\n${secret},10,EMEA,free\n${secret}B,20,NA,growth\n`);
  const keepFile = join(dir, "keep.txt");
  writeFileSync(keepFile, KEEP_TEXT);
  const list = () => readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
  let entries = list();
  return {
    dir,
    secret,
    secretFile,
    keepFile,
    assertUntouched(outputs) {
      expect(readFileSync(keepFile, "utf8"), "the file outside the workspace changed").toBe(KEEP_TEXT);
      expect(list(), "files appeared in the folder outside the workspace").toEqual(entries);
      for (const output of outputs) expect(output, "the secret from outside the workspace was printed or written").not.toContain(secret);
    },
    add(relPath, text) {
      const file = join(dir, relPath);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      entries = list();
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Make the workspace a git repository with everything committed, so seg diff has a base. */
export function commitWorkspace(root: string, message = "base"): void {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, stdio: "pipe", env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", HOME: root } });
  if (!existsSync(join(root, ".git"))) git("init", "-q", "-b", "main");
  git("add", "-A");
  git("-c", "user.name=Seg Test", "-c", "user.email=seg@example.com", "commit", "-q", "--allow-empty", "-m", message);
}

export interface CommandRun extends SegRun {
  command: string;
  /** Text of files the command wrote (the export), if any. */
  written: string[];
}

/**
 * check (stylish, JSON and SARIF), lock, export, explain, compile, and diff
 * against HEAD when the workspace is a git repository. Each runs in its own
 * cache folder so nothing cached from another test is reused.
 */
export function runEveryCommand(root: string, options: { memberId?: string; cacheDir: string }): CommandRun[] {
  const env = { SEG_CACHE_DIR: options.cacheDir };
  const run = (command: string, args: string[], written: () => string[] = () => []): CommandRun => ({ command, ...runSeg(args, { cwd: root, env }), written: written() });
  const exported = join(root, "members.csv");
  const runs = [
    run("check", ["check"]),
    run("check --format json", ["check", "--format", "json"]),
    run("check --format sarif", ["check", "--format", "sarif"]),
    run("lock", ["lock"], () => (existsSync(join(root, "segments.lock.json")) ? [readFileSync(join(root, "segments.lock.json"), "utf8")] : [])),
    run("export", ["export", "--out", exported], () => (existsSync(exported) ? [readFileSync(exported, "utf8")] : [])),
    run("explain", ["explain", options.memberId ?? "A1"]),
    run("compile", ["compile", "--target", "duckdb"]),
  ];
  if (existsSync(join(root, ".git"))) runs.push(run("diff", ["diff", "--base", "HEAD"]));
  return runs;
}

/** Everything the runs printed and wrote, for the canary. */
export function outputsOf(runs: readonly CommandRun[]): string[] {
  return runs.flatMap((r) => [r.stdout, r.stderr, ...r.written]);
}

/** No run crashed: no stack trace, no "this is a bug", and a known exit code. */
export function assertNoCrash(runs: readonly CommandRun[]): void {
  for (const r of runs) {
    expect(r.stderr, `${r.command} crashed`).not.toMatch(/internal error|This is a bug|^\s+at .*:\d+:\d+\)?$/m);
    expect([0, 1, 2], `${r.command} exit code`).toContain(r.status);
  }
}
