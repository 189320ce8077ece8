/**
 * Seg as users get it: `npm pack` (which compiles src/ to lib/ in prepack),
 * unpacked into node_modules/seg the way `npm install` lays it out, with its
 * dependencies beside it. Node refuses to strip types under node_modules, so
 * every command here proves the package runs without its TypeScript sources.
 *
 * Two installs are exercised: a workspace that lists seg in its devDependencies
 * and runs `npx seg …` (the GitHub workflow `seg init` writes), and a global
 * install run against a workspace with no node_modules of its own, which Astro
 * must still build from the Astro that Seg depends on.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../../..");
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
/** Node 24 first on PATH, as `npm run` and a user's setup-node give it, for the bin's `#!/usr/bin/env node`. */
const ENV = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ""}`, NO_COLOR: "1", CI: "1", ASTRO_TELEMETRY_DISABLED: "1" };

let scratch: string;
let packed: string[];
/** The tarball `npm pack` wrote. */
let tarball: string;
/** A global install: <scratch>/global/node_modules/seg. */
let globalSeg: string;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function spawn(command: string, args: readonly string[], cwd: string, timeout = 240_000): Run {
  const result: SpawnSyncReturns<string> = spawnSync(command, args, { cwd, env: ENV, encoding: "utf8", timeout });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Lays the unpacked package out as `npm install` does: node_modules/seg, its dependencies beside it, node_modules/.bin/seg. */
function install(unpacked: string, into: string): string {
  const modules = join(into, "node_modules");
  mkdirSync(join(modules, ".bin"), { recursive: true });
  for (const entry of readdirSync(join(ROOT, "node_modules"))) {
    if (entry === ".bin" || entry === "seg" || entry.startsWith(".")) continue;
    symlinkSync(join(ROOT, "node_modules", entry), join(modules, entry), "dir");
  }
  const seg = join(modules, "seg");
  cpSync(unpacked, seg, { recursive: true });
  chmodSync(join(seg, "bin/seg.js"), 0o755);
  symlinkSync("../seg/bin/seg.js", join(modules, ".bin/seg"));
  return seg;
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "seg-package-"));
  const pack = spawn("npm", ["pack", "--json", "--pack-destination", scratch], ROOT);
  expect(pack.status, pack.stderr).toBe(0);
  const [report] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf("["))) as { filename: string; files: { path: string }[] }[];
  packed = report!.files.map((f) => f.path).sort();
  tarball = join(scratch, report!.filename);
  const unpacked = join(scratch, "unpacked");
  mkdirSync(unpacked);
  const untar = spawn("tar", ["-xzf", join(scratch, report!.filename), "-C", unpacked, "--strip-components=1"], scratch);
  expect(untar.status, untar.stderr).toBe(0);
  globalSeg = install(unpacked, join(scratch, "global"));
}, 240_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("the packed package", () => {
  it("ships compiled JavaScript, the site's Astro files and the template, and no TypeScript sources", () => {
    expect(packed.filter((f) => f.startsWith("src/") || f.startsWith("test/"))).toEqual([]);
    expect(packed.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
    for (const file of ["bin/seg.js", "lib/index.js", "lib/index.d.ts", "lib/cli/main.js", "lib/site/content.config.js", "lib/site/routes/index.astro", "lib/site/routes/search-index.js", "lib/site/client/playbook.js", "lib/site/styles/global.css", "templates/basic/segmentation.yaml", "schemas/segment.schema.json", "README.md"]) {
      expect(packed).toContain(file);
    }
  });

  it("imports no .ts module from its JavaScript or Astro files", () => {
    const lib = join(globalSeg, "lib");
    const importsTs = /(?:\bfrom\s*|\bimport\s*\(\s*)["']\.{1,2}\/[^"']*\.ts["']/;
    const offenders = readdirSync(lib, { recursive: true, encoding: "utf8" })
      .filter((f) => /\.(js|astro|mdx)$/.test(f))
      .filter((f) => importsTs.test(readFileSync(join(lib, f), "utf8")));
    expect(offenders).toEqual([]);
  });
});

describe("npm publish --dry-run", () => {
  it("is clean: no manifest fixes, the bin, exports, types, engines and README in the package", () => {
    // lib/ is built by the pack above; --ignore-scripts skips building it again.
    const publish = spawn("npm", ["publish", "--dry-run", "--json", "--ignore-scripts"], ROOT);
    expect(publish.status, publish.stderr).toBe(0);
    // npm always says a real publish needs a login; nothing else may be warned about.
    expect(publish.stderr.split("\n").filter((line) => /warn/i.test(line) && !/requires you to be logged in/.test(line))).toEqual([]);
    const report = Object.values(JSON.parse(publish.stdout.slice(publish.stdout.indexOf("{"))) as Record<string, { files: { path: string }[] }>)[0]!;
    const files = report.files.map((f) => f.path);
    const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { bin: Record<string, string>; exports: Record<string, { types: string; default: string } | string>; engines: { node: string }; dependencies: Record<string, string> };
    expect(manifest.bin).toEqual({ seg: "bin/seg.js" });
    expect(manifest.engines.node).toMatch(/^>=\d+/);
    const main = manifest.exports["."] as { types: string; default: string };
    for (const file of [manifest.bin.seg!, main.types, main.default, "README.md", "LICENSE", "package.json"]) expect(files).toContain(file.replace(/^\.\//, ""));
    // Only tests and benchmarks use ml-kmeans.
    expect(Object.keys(manifest.dependencies)).not.toContain("ml-kmeans");
  }, 300_000);
});

describe("a bare repository that installs the packed tarball as the README says", () => {
  let app: string;
  /** Installs fetch what npm's cache lacks from the registry, as a user's would: allow them time on a cold cache. */
  const npm = (args: string[], cwd: string) => spawn("npm", [...args, "--no-audit", "--no-fund", "--prefer-offline"], cwd, 540_000);

  beforeAll(() => {
    app = join(scratch, "app");
    mkdirSync(join(app, "vendor"), { recursive: true });
    cpSync(tarball, join(app, "vendor", basename(tarball)));
    const installed = npm(["install", "--save-dev", `./vendor/${basename(tarball)}`], app);
    expect(installed.status, installed.stderr).toBe(0);
  }, 600_000);

  it("seg init keeps the file: spec, and the workspace locks, checks and builds with npx seg", () => {
    const spec = `file:vendor/${basename(tarball)}`;
    expect(JSON.parse(readFileSync(join(app, "package.json"), "utf8")).devDependencies.seg).toBe(spec);
    const init = spawn("npx", ["--no-install", "seg", "init"], app);
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain("Added to package.json: script check, script lock, script build, script preview, script diff.");
    expect(JSON.parse(readFileSync(join(app, "package.json"), "utf8")).devDependencies).toEqual({ seg: spec });

    const lock = spawn("npx", ["--no-install", "seg", "lock"], app);
    expect(lock.status, lock.stderr).toBe(0);
    const check = spawn("npx", ["--no-install", "seg", "check"], app);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const build = spawn("npx", ["--no-install", "seg", "build"], app);
    expect(build.status, build.stderr).toBe(0);
    expect(existsSync(join(app, "dist/segments/loyal/index.html"))).toBe(true);
  }, 300_000);

  it("CI installs a clone of it with npm ci --ignore-scripts and checks it as the workflow does", () => {
    const clone = join(scratch, "ci-clone");
    cpSync(app, clone, { recursive: true, filter: (source) => !/[\\/](node_modules|dist)$/.test(source) });
    const ci = npm(["ci", "--ignore-scripts"], clone);
    expect(ci.status, ci.stderr).toBe(0);
    const check = spawn("npx", ["--no-install", "seg", "check", "--data-dir", ".", "--format", "github", "--sarif-output", "seg.sarif"], clone);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(clone, "seg.sarif"), "utf8")).version).toBe("2.1.0");
  }, 600_000);

  it("seg init elsewhere vendors the tarball it was installed from", () => {
    const init = spawn("npx", ["--no-install", "seg", "init", "../elsewhere"], app);
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain(`Copied the Seg tarball it was installed from to vendor/${basename(tarball)}`);
    const elsewhere = join(scratch, "elsewhere");
    expect(JSON.parse(readFileSync(join(elsewhere, "package.json"), "utf8")).devDependencies).toEqual({ seg: `file:vendor/${basename(tarball)}` });
    expect(readFileSync(join(elsewhere, "vendor", basename(tarball)))).toEqual(readFileSync(tarball));
  });
});

describe("npx seg in a workspace that installs seg", () => {
  let workspace: string;

  beforeAll(() => {
    const init = spawn(process.execPath, [join(globalSeg, "bin/seg.js"), "init", "playbook"], scratch);
    expect(init.status, init.stderr).toBe(0);
    workspace = join(scratch, "playbook");
    install(join(scratch, "unpacked"), workspace);
  });

  it("reports its version and help from node_modules", () => {
    const version = spawn("npx", ["--no-install", "seg", "--version"], workspace);
    expect(version.stdout.trim()).toBe(VERSION);
    const help = spawn("npx", ["--no-install", "seg", "check", "--help"], workspace);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: seg check [options]");
  });

  it("locks, checks clean, reports for GitHub and builds the playbook", () => {
    const lock = spawn("npx", ["--no-install", "seg", "lock"], workspace);
    expect(lock.status, lock.stderr).toBe(0);
    expect(lock.stdout).toContain("Wrote segments.lock.json — 300 members");

    const check = spawn("npx", ["--no-install", "seg", "check", "--format", "github"], workspace);
    expect(check.status, check.stderr).toBe(0);

    const build = spawn("npx", ["--no-install", "seg", "build"], workspace);
    expect(build.status, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/^Built the playbook \(\d+ pages\) to dist in/);
    expect(readFileSync(join(workspace, "dist/index.html"), "utf8")).toContain("Loyal");
    expect(existsSync(join(workspace, "dist/personas/loyal-lee/index.html"))).toBe(true);
  });

  it("serves the public API to library callers", () => {
    const script = [
      'import { check, formatCheck, formatterNames, rules, VERSION } from "seg";',
      'const result = await check({ root: ".", today: "2026-11-01", data: false });',
      'const report = { stylish: formatCheck(result, "stylish"), json: JSON.parse(formatCheck(result, "json")) };',
      "console.log(JSON.stringify({ version: VERSION, errors: result.counts.error, rules: rules.length > 20, formats: formatterNames, report }));",
    ].join("\n");
    const run = spawn(process.execPath, ["--input-type=module", "-e", script], workspace);
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { report: { stylish: string; json: { suppressed: number } } };
    expect(out).toMatchObject({ version: VERSION, errors: 0, rules: true, formats: ["github", "json", "markdown", "sarif", "stylish"] });
    expect(out.report.stylish).toMatch(/^✔ No problems \(as of \d{4}-\d{2}-\d{2}\)\.\n$/);
    expect(out.report.json.suppressed).toBe(0);
  });
});

describe("a global install run against a workspace with no node_modules", () => {
  it("locks and builds with the Astro that Seg depends on", () => {
    const bin = join(globalSeg, "bin/seg.js");
    const init = spawn(process.execPath, [bin, "init", "bare"], scratch);
    expect(init.status, init.stderr).toBe(0);
    const workspace = join(scratch, "bare");
    expect(existsSync(join(workspace, "node_modules"))).toBe(false);

    const lock = spawn(process.execPath, [bin, "lock", "--root", workspace], scratch);
    expect(lock.status, lock.stderr).toBe(0);
    const build = spawn(process.execPath, [bin, "build", "--root", workspace], scratch);
    expect(build.status, build.stderr).toBe(0);
    expect(build.stderr).toBe("");
    expect(readdirSync(join(workspace, "dist")).filter((f) => f.endsWith(".html"))).toEqual(["404.html", "index.html"]);
    expect(readFileSync(join(workspace, "dist/segments/loyal/index.html"), "utf8")).toContain("Loyal");
  });
});
