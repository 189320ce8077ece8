/**
 * Seg never writes through a link. A committed `segments.lock.json.tmp` link
 * (the temporary name Seg once used) leads nowhere, because temporary files get
 * fresh names created exclusively; a link in place of the file Seg writes is
 * refused with exit 2 and the file it points at stays as it was.
 */
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { plantOutsideCanary, type OutsideCanary } from "../../support/outside-canary.ts";
import { runSeg } from "../../support/run-seg.ts";
import { tempWorkspace } from "../../support/temp-workspace.ts";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function setUp(): { root: string; outside: OutsideCanary; env: Record<string, string> } {
  const outside = plantOutsideCanary();
  cleanups.push(outside.remove);
  const ws = tempWorkspace();
  cleanups.push(ws.remove);
  const cacheDir = mkdtempSync(join(tmpdir(), "seg-cache-"));
  cleanups.push(() => rmSync(cacheDir, { recursive: true, force: true }));
  return { root: ws.root, outside, env: { SEG_CACHE_DIR: cacheDir } };
}

/** Nothing Seg made for a write is left beside the target. */
const leftovers = (dir: string) => readdirSync(dir).filter((name) => /\.seg-|\.partial|\.tmp$/.test(name) && !name.endsWith(".json.tmp") && !name.endsWith(".partial"));

describe("writes never follow links", () => {
  it("seg lock ignores a committed segments.lock.json.tmp link and writes a regular lock", () => {
    const { root, outside, env } = setUp();
    symlinkSync(outside.keepFile, join(root, "segments.lock.json.tmp"));
    const run = runSeg(["lock"], { cwd: root, env });
    expect(run.status).toBe(0);
    outside.assertUntouched([run.stdout, run.stderr]);
    expect(lstatSync(join(root, "segments.lock.json")).isFile()).toBe(true);
    expect(JSON.parse(readFileSync(join(root, "segments.lock.json"), "utf8"))).toMatchObject({ members: 2 });
    expect(leftovers(root)).toEqual([]);
  });

  it("seg lock refuses a segments.lock.json that is a link", () => {
    const { root, outside, env } = setUp();
    symlinkSync(outside.keepFile, join(root, "segments.lock.json"));
    const run = runSeg(["lock"], { cwd: root, env });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^seg lock: .*segments\.lock\.json is a link; Seg does not write through links\. Remove the link and run the command again\.\n$/);
    outside.assertUntouched([run.stdout, run.stderr]);
    expect(lstatSync(join(root, "segments.lock.json")).isSymbolicLink()).toBe(true);
  });

  it("seg export ignores a link at its old temporary name and refuses a link as the output", () => {
    const { root, outside, env } = setUp();
    expect(runSeg(["lock"], { cwd: root, env }).status).toBe(0);
    symlinkSync(outside.keepFile, join(root, ".members.csv.partial"));
    const exported = runSeg(["export", "--out", "members.csv"], { cwd: root, env });
    expect(exported.status).toBe(0);
    expect(lstatSync(join(root, "members.csv")).isFile()).toBe(true);
    expect(readFileSync(join(root, "members.csv"), "utf8")).toMatch(/^member_id,/);

    symlinkSync(outside.keepFile, join(root, "linked.csv"));
    const refused = runSeg(["export", "--out", "linked.csv"], { cwd: root, env });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/linked\.csv is a link; Seg does not write through links\./);
    outside.assertUntouched([exported.stdout, exported.stderr, refused.stdout, refused.stderr]);
    expect(readdirSync(root).filter((name) => name.includes(".seg-"))).toEqual([]);
  });

  it("seg check --output and seg compile --out refuse a link in place of the file", () => {
    const { root, outside, env } = setUp();
    symlinkSync(outside.keepFile, join(root, "report.sarif"));
    const check = runSeg(["check", "--no-data", "--format", "sarif", "--output", "report.sarif"], { cwd: root, env });
    expect(check.status).toBe(2);
    expect(check.stderr).toMatch(/report\.sarif is a link; Seg does not write through links\./);

    mkdirSync(join(root, "warehouse"));
    symlinkSync(outside.keepFile, join(root, "warehouse/seg.sql"));
    const compile = runSeg(["compile", "--target", "duckdb", "--out", "warehouse"], { cwd: root, env });
    expect(compile.status).toBe(2);
    expect(compile.stderr).toMatch(/seg\.sql is a link; Seg does not write through links\./);
    outside.assertUntouched([check.stdout, check.stderr, compile.stdout, compile.stderr]);
  });

  it("seg check --suppress-all ignores a seg-suppressions.json.tmp link", () => {
    const { root, outside, env } = setUp();
    symlinkSync(outside.keepFile, join(root, "seg-suppressions.json.tmp"));
    const run = runSeg(["check", "--no-data", "--suppress-all"], { cwd: root, env });
    outside.assertUntouched([run.stdout, run.stderr]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^seg check: wrote seg-suppressions\.json/m);
    expect(lstatSync(join(root, "seg-suppressions.json")).isFile()).toBe(true);
    expect(JSON.parse(readFileSync(join(root, "seg-suppressions.json"), "utf8"))).toBeTruthy();
  });
});
