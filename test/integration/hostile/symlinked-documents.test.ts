/**
 * Segment, persona, hypothesis, review, suppression, lock and config files are
 * read only when they are regular files inside the workspace. A link that
 * leads outside is an error at the file's path that echoes nothing of what it
 * points at, in any command and any report format.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { assertNoCrash, commitWorkspace, outputsOf, plantOutsideCanary, runEveryCommand, type OutsideCanary } from "../../support/outside-canary.ts";
import { runSeg } from "../../support/run-seg.ts";
import { tempWorkspace } from "../../support/temp-workspace.ts";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function setUp(): { root: string; outside: OutsideCanary; cacheDir: string } {
  const outside = plantOutsideCanary();
  cleanups.push(outside.remove);
  const ws = tempWorkspace();
  cleanups.push(ws.remove);
  const cacheDir = mkdtempSync(join(tmpdir(), "seg-cache-"));
  cleanups.push(() => rmSync(cacheDir, { recursive: true, force: true }));
  return { root: ws.root, outside, cacheDir };
}

/** The secret as a passwd line: what `evil.yaml → /etc/passwd` printed. */
function passwdLike(outside: OutsideCanary): string {
  return outside.add("passwd", `root:x:0:0:${outside.secret}:/root:/bin/bash\n`);
}

describe("workspace files that are links leading outside", () => {
  it("a segment file: every CI command reports it at its path and prints nothing of the target", () => {
    const { root, outside, cacheDir } = setUp();
    const target = passwdLike(outside);
    symlinkSync(target, join(root, "segments/usage/evil.yaml"));
    commitWorkspace(root);

    const runs = runEveryCommand(root, { cacheDir });
    assertNoCrash(runs);
    outside.assertUntouched(outputsOf(runs));
    const check = runs.find((r) => r.command === "check")!;
    expect(check.status).toBe(1);
    expect(check.stdout).toContain("segments/usage/evil.yaml\n  1:1  error    The file \"segments/usage/evil.yaml\" is a link that leads outside the workspace; Seg reads nothing outside it.  workspace/unsafe-path");
    expect(check.stdout).not.toContain(outside.dir);
  });

  it.each([
    ["personas/evil.mdx", "personas/evil.mdx"],
    ["hypotheses/evil.yaml", "hypotheses/evil.yaml"],
    ["reviews/evil.md", "reviews/evil.md"],
    ["seg-suppressions.json", "seg-suppressions.json"],
    ["segmentation.yaml", "segmentation.yaml"],
  ])("%s: an error at the file in every report format, nothing of the target", (link, file) => {
    const { root, outside, cacheDir } = setUp();
    const target = passwdLike(outside);
    mkdirSync(join(root, link, ".."), { recursive: true });
    rmSync(join(root, link), { force: true });
    symlinkSync(target, join(root, link));

    const runs = ["stylish", "json", "sarif"].map((format) => runSeg(["check", "--format", format], { cwd: root, env: { SEG_CACHE_DIR: cacheDir } }));
    outside.assertUntouched(runs.flatMap((r) => [r.stdout, r.stderr]));
    for (const run of runs) {
      expect(run.status).toBe(1);
      expect(run.stderr).not.toMatch(/internal error|This is a bug/);
    }
    const json = JSON.parse(runs[1]!.stdout) as { diagnostics?: { ruleId: string; file: string; line: number }[]; files?: unknown };
    const text = runs[1]!.stdout;
    expect(text).toContain(`"ruleId": "workspace/unsafe-path"`);
    expect(text).toContain(`is a link that leads outside the workspace`);
    expect(json).toBeTruthy();
    expect(runs[0]!.stdout).toContain(`${file}\n  1:1  error`);
  });

  it("segments.lock.json: check says it is a link, lock refuses to write through it", () => {
    const { root, outside, cacheDir } = setUp();
    const target = passwdLike(outside);
    symlinkSync(target, join(root, "segments.lock.json"));
    const env = { SEG_CACHE_DIR: cacheDir };
    const check = runSeg(["check"], { cwd: root, env });
    const lock = runSeg(["lock"], { cwd: root, env });
    outside.assertUntouched([check.stdout, check.stderr, lock.stdout, lock.stderr]);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain("segments.lock.json is a link that leads outside the workspace or into a dot-folder; Seg reads nothing there.");
    expect(lock.status).toBe(2);
    expect(lock.stderr).toMatch(/segments\.lock\.json is a link; Seg does not write through links\./);
  });

  it("a scheme folder that is a link outside is reported and not listed", () => {
    const { root, outside, cacheDir } = setUp();
    const folder = join(outside.add(`schemes/${outside.secret}.yaml`, `id: ${outside.secret}\n`), "..");
    symlinkSync(folder, join(root, "segments/evil"));
    const run = runSeg(["check", "--format", "json"], { cwd: root, env: { SEG_CACHE_DIR: cacheDir } });
    outside.assertUntouched([run.stdout, run.stderr]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("The folder segments/evil/ is a link that leads outside the workspace");
  });

  it("a folder where a file should be is an error at its path, not 'could not read : EISDIR'", () => {
    const { root, cacheDir } = setUp();
    mkdirSync(join(root, "segments/usage/light.yaml"));
    const run = runSeg(["check"], { cwd: root, env: { SEG_CACHE_DIR: cacheDir } });
    expect(run.status).toBe(1);
    expect(run.stderr).not.toContain("EISDIR");
    expect(run.stdout).toContain('segments/usage/light.yaml\n  1:1  error    The file "segments/usage/light.yaml" is a folder, not a file.  workspace/not-a-file');
  });
});
