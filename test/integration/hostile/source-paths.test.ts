/**
 * A source path names exactly one file, and only that file is opened: a glob
 * is refused (DuckDB would expand it and follow whatever links it reaches),
 * nothing under .git/ or another dot-folder is data, and a workspace whose own
 * folder name holds pattern characters still reads its own files. Each case
 * plants a secret outside the workspace and runs the CI commands on it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { assertNoCrash, commitWorkspace, outputsOf, plantOutsideCanary, runEveryCommand, type OutsideCanary } from "../../support/outside-canary.ts";
import { runSeg } from "../../support/run-seg.ts";
import { BASE_CONFIG, BASE_FILES, tempWorkspace } from "../../support/temp-workspace.ts";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function canary(): OutsideCanary {
  const planted = plantOutsideCanary();
  cleanups.push(planted.remove);
  return planted;
}

function workspace(files: Record<string, string | null>): string {
  const ws = tempWorkspace(files);
  cleanups.push(ws.remove);
  return ws.root;
}

function cacheDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "seg-cache-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The accounts source's path is on line 13, its value at column 11. */
const withAccountsPath = (path: string) => BASE_CONFIG.replace("path: data/accounts.csv", `path: ${JSON.stringify(path)}`);

describe("source paths", () => {
  it("refuses a glob, and never reads the link the glob would reach", () => {
    const outside = canary();
    const root = workspace({ "segmentation.yaml": withAccountsPath("data/acc*.csv"), "data/acc*.csv": BASE_FILES["data/accounts.csv"]! });
    // The literal file exists, so a check of the name alone passes; DuckDB would read it and this link too.
    symlinkSync(outside.secretFile, join(root, "data/acczz.csv"));
    commitWorkspace(root);

    const runs = runEveryCommand(root, { cacheDir: cacheDir() });
    assertNoCrash(runs);
    outside.assertUntouched(outputsOf(runs));
    const check = runs.find((r) => r.command === "check")!;
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/13:11\s+error\s+The data path "data\/acc\*\.csv" contains "\*"; a source reads exactly one file/);
    for (const command of ["lock", "export", "explain"]) expect(runs.find((r) => r.command === command)!.status, command).toBe(1);
  });

  it.each(["data/r?/accounts.csv", "data/[ab]ccounts.csv", "data/{a,b}.csv"])("refuses the pattern in %s at its line", (path) => {
    const root = workspace({ "segmentation.yaml": withAccountsPath(path) });
    const run = runSeg(["check", "--no-data"], { cwd: root });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/13:11\s+error\s+The data path .* contains .*patterns \(\* \? \[ \] \{ \}\) are not expanded\.\s+source\/path/);
  });

  it("never reads .git/config as data, and echoes nothing of it", () => {
    const outside = canary();
    const root = workspace({ "segmentation.yaml": withAccountsPath(".git/config") });
    commitWorkspace(root);
    // What CI checkouts leave in .git/config: a token.
    writeFileSync(join(root, ".git/config"), `${readFileSync(join(root, ".git/config"), "utf8")}[http]\n\textraheader = AUTHORIZATION: basic ${outside.secret}\n`);

    const runs = runEveryCommand(root, { cacheDir: cacheDir() });
    assertNoCrash(runs);
    outside.assertUntouched(outputsOf(runs));
    const check = runs.find((r) => r.command === "check")!;
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/13:11\s+error\s+The data file "\.git\/config" is inside a dot-folder or is a dotfile; Seg reads no file under \.git\/ or any other hidden folder\.\s+source\/path/);
  });

  it("refuses a data file that is a link into .git/", () => {
    const outside = canary();
    const root = workspace({ "data/accounts.csv": null });
    commitWorkspace(root);
    writeFileSync(join(root, ".git/config"), `${readFileSync(join(root, ".git/config"), "utf8")}[http]\n\textraheader = AUTHORIZATION: basic ${outside.secret}\n`);
    symlinkSync("../.git/config", join(root, "data/accounts.csv"));

    const run = runSeg(["check"], { cwd: root, env: { SEG_CACHE_DIR: cacheDir() } });
    outside.assertUntouched([run.stdout, run.stderr]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/13:11\s+error\s+The data file "data\/accounts\.csv" is a link into a dot-folder or dotfile/);
  });

  it("reads its own data when the workspace folder's name holds [ ] (DuckDB would read the folder the pattern matches)", () => {
    const outside = canary();
    const parent = mkdtempSync(join(tmpdir(), "seg-brackets-"));
    cleanups.push(() => rmSync(parent, { recursive: true, force: true }));
    const root = join(parent, "team[1]");
    for (const [path, text] of Object.entries(BASE_FILES)) {
      mkdirSync(join(root, path, ".."), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    // "team[1]" as a pattern matches "team1": a sibling holding the secret.
    mkdirSync(join(parent, "team1/data"), { recursive: true });
    writeFileSync(join(parent, "team1/data/accounts.csv"), readFileSync(outside.secretFile));
    writeFileSync(join(parent, "team1/data/events.csv"), BASE_FILES["data/events.csv"]!);

    const env = { SEG_CACHE_DIR: cacheDir() };
    const lock = runSeg(["lock"], { cwd: root, env });
    const exported = runSeg(["export", "--out", "members.csv"], { cwd: root, env });
    const members = readFileSync(join(root, "members.csv"), "utf8");
    outside.assertUntouched([lock.stdout, lock.stderr, exported.stdout, exported.stderr, members, readFileSync(join(root, "segments.lock.json"), "utf8")]);
    expect(lock.status).toBe(0);
    expect(members).toMatch(/^member_id,.*\nA1,/);
  });
});
