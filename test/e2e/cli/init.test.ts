/**
 * `seg init` as a subprocess: the scaffold it writes locks, checks clean and
 * builds; it never overwrites a folder with files in it unless told to; its
 * workflow wires check, SARIF, the PR comment and Pages; its sample data is what
 * the generator makes.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

const ROOT = resolve(import.meta.dirname, "../../..");
let scratch: string;

function seg(cwd: string, ...args: string[]): { status: number; stdout: string; stderr: string } {
  return run(join(ROOT, "bin/seg.js"), cwd, args);
}

function run(bin: string, cwd: string, args: readonly string[]): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", CI: "1" } });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "seg-init-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("seg init", () => {
  it("scaffolds a workspace that locks, checks without errors or warnings and builds", () => {
    const created = seg(scratch, "init", "playbook");
    expect(created.stderr).toBe("");
    expect(created.status).toBe(0);
    expect(created.stdout).toContain("Created a Seg workspace in playbook (12 files).");
    const root = join(scratch, "playbook");
    expect(readdirSync(root).sort()).toEqual([".github", ".gitignore", "README.md", "astro.config.mjs", "data", "hypotheses", "package.json", "personas", "segmentation.yaml", "segments"]);
    expect(readdirSync(join(root, "segments/lifecycle")).sort()).toEqual(["loyal.yaml", "occasional.yaml"]);
    expect(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).devDependencies.seg).toMatch(/^\^\d+\.\d+\.\d+$/);

    const lock = seg(root, "lock");
    expect(lock.stderr).toBe("");
    expect(lock.status).toBe(0);
    expect(existsSync(join(root, "segments.lock.json"))).toBe(true);

    // Clean but for the verdict of its sample hypothesis, reported as information.
    const check = seg(root, "check");
    expect(check.stdout).toContain('2:12  info     The data support the hypothesis loyal-spend-more ("Loyal accounts spend more per account than the other lifecycle segments.")');
    expect(check.stdout).toContain("✖ 1 problem (0 errors, 0 warnings, 1 info)");
    expect(check.status).toBe(0);

    // The workspace has no node_modules: Astro builds from Seg's own (installed-package.test.ts runs the packed package).
    const build = seg(root, "build");
    expect(build.status, build.stderr).toBe(0);
    expect(build.stderr).toBe("");
    expect(existsSync(join(root, "dist/index.html"))).toBe(true);
  });

  it("refuses a folder with files in it, and writes into it with --force", () => {
    const dir = join(scratch, "busy");
    mkdirSync(dir);
    writeFileSync(join(dir, "notes.txt"), "mine\n");
    const refused = seg(scratch, "init", "busy");
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe("seg init: busy is not empty (notes.txt). Choose a new folder, or pass --force to write the template's files into it.\n");
    expect(readdirSync(dir)).toEqual(["notes.txt"]);

    const forced = seg(dir, "init", "--force");
    expect(forced.status).toBe(0);
    expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("mine\n");
    expect(existsSync(join(dir, "segmentation.yaml"))).toBe(true);
  });

  it("rejects an unknown template and extra arguments", () => {
    const unknown = seg(scratch, "init", "x", "--template", "nope");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('there is no template "nope"; choose one of basic.');
    expect(seg(scratch, "init", "a", "b").status).toBe(2);
  });

  it("ships a workflow that checks, uploads SARIF, comments the diff and publishes to Pages", () => {
    const workflow = parse(readFileSync(join(ROOT, "templates/basic/_github/workflows/seg.yml"), "utf8")) as {
      on: Record<string, unknown>;
      jobs: Record<string, { if?: string; permissions: Record<string, string>; steps: { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> }[] }>;
    };
    expect(Object.keys(workflow.on).sort()).toEqual(["pull_request", "push", "workflow_dispatch"]);
    const runs = (job: string) => workflow.jobs[job]!.steps.map((s) => s.run ?? "").join("\n");
    const uses = (job: string) => workflow.jobs[job]!.steps.map((s) => s.uses?.split("@")[0] ?? "");

    expect(runs("check")).toContain("npx seg check --format github");
    expect(runs("check")).toContain("npx seg check --format sarif --output seg.sarif");
    expect(uses("check")).toContain("github/codeql-action/upload-sarif");
    expect(workflow.jobs.check!.permissions["security-events"]).toBe("write");

    expect(workflow.jobs.diff!.if).toBe("github.event_name == 'pull_request'");
    expect(runs("diff")).toContain('npx seg diff --base "origin/$BASE_REF" --format markdown --output diff.md');
    expect(workflow.jobs.diff!.steps.find((s) => s.env?.BASE_REF)?.env?.BASE_REF).toBe("${{ github.base_ref }}");
    expect(workflow.jobs.diff!.steps[0]!.with?.["fetch-depth"]).toBe(0);
    expect(workflow.jobs.diff!.permissions["pull-requests"]).toBe("write");
    const script = String(workflow.jobs.diff!.steps.find((s) => s.uses?.startsWith("actions/github-script"))?.with?.script);
    for (const call of ["listComments", "updateComment", "createComment", "deleteComment", "<!-- seg-diff -->", "<!-- seg-diff:empty -->"]) expect(script).toContain(call);

    expect(workflow.jobs.pages!.if).toBe("github.event_name == 'push' && github.ref == 'refs/heads/main'");
    expect(runs("pages")).toContain("npx seg build");
    expect(uses("pages")).toEqual(expect.arrayContaining(["actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"]));
    expect(workflow.jobs.pages!.permissions).toEqual({ contents: "read", pages: "write", "id-token": "write" });
  });

  it("ships the sample data the generator makes", () => {
    const dir = join(scratch, "generated");
    const result = spawnSync(process.execPath, [join(ROOT, "templates/generate-basic-data.ts"), dir], { encoding: "utf8" });
    expect(result.status).toBe(0);
    for (const file of ["accounts.csv", "invoices.csv"]) {
      expect(readFileSync(join(dir, file), "utf8")).toBe(readFileSync(join(ROOT, "templates/basic/data", file), "utf8"));
    }
  });
});
