import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkWorkspaceFile, readWorkspaceFile } from "./workspace-file.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A workspace with data/a.csv, a .git/config, and a secret outside it. */
function layout(): { root: string; secret: string } {
  const parent = mkdtempSync(join(tmpdir(), "seg-ws-file-"));
  dirs.push(parent);
  const root = join(parent, "ws");
  mkdirSync(join(root, "data"), { recursive: true });
  mkdirSync(join(root, ".git"));
  writeFileSync(join(root, "data/a.csv"), "id\n1\n");
  writeFileSync(join(root, ".git/config"), "[core]\n");
  const secret = join(parent, "secret.txt");
  writeFileSync(secret, "SECRET");
  return { root, secret };
}

describe("checkWorkspaceFile", () => {
  it("accepts a regular file inside, and a link to one inside", () => {
    const { root } = layout();
    symlinkSync("a.csv", join(root, "data/b.csv"));
    expect(checkWorkspaceFile(root, "data/a.csv")).toMatchObject({ ok: true, size: 5 });
    expect(checkWorkspaceFile(root, "data/b.csv")).toMatchObject({ ok: true, realPath: expect.stringMatching(/data\/a\.csv$/) });
  });

  it.each([
    ["/etc/passwd", "absolute"],
    ["../secret.txt", "leaves-workspace"],
    [".git/config", "hidden"],
    ["data/.env", "hidden"],
    ["data/missing.csv", "missing"],
    ["data", "folder"],
  ])("refuses %s (%s)", (path, problem) => {
    const { root } = layout();
    expect(checkWorkspaceFile(root, path)).toMatchObject({ ok: false, problem });
  });

  it("refuses links out, into .git and dangling, without naming the target", () => {
    const { root, secret } = layout();
    symlinkSync(secret, join(root, "data/out.csv"));
    symlinkSync("../.git/config", join(root, "data/git.csv"));
    symlinkSync(join(root, "nowhere"), join(root, "data/dangling.csv"));
    for (const [path, problem] of [["data/out.csv", "link-outside"], ["data/git.csv", "link-hidden"], ["data/dangling.csv", "missing"]] as const) {
      const result = checkWorkspaceFile(root, path, "The data file");
      expect(result).toMatchObject({ ok: false, problem });
      if (!result.ok) expect(`${result.message} ${result.hint}`).not.toMatch(/secret|\.git\/config|nowhere/);
    }
  });
});

describe("readWorkspaceFile", () => {
  it("reads the bytes, and refuses a file over the limit unread", () => {
    const { root } = layout();
    expect(readWorkspaceFile(root, "data/a.csv", { limit: 100 })).toMatchObject({ ok: true, bytes: Buffer.from("id\n1\n") });
    expect(readWorkspaceFile(root, "data/a.csv", { limit: 4 })).toMatchObject({ ok: false, problem: "too-large", size: 5 });
  });
});
