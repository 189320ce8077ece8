/**
 * `seg build` and `seg dev` never execute a file of the workspace. The workspace
 * plants marker-writing code everywhere a bundler or config loader looks (Astro,
 * Vite, PostCSS and Tailwind config files, a node_modules/astro of its own,
 * public/, .astro/, a module a Markdown image points at) and a `.astro` link
 * out of it; a canary folder outside the workspace must stay free of markers,
 * and its secret must appear in no output.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { check } from "../../../src/api/check.ts";
import { lock } from "../../../src/api/lock.ts";
import { buildSiteModel } from "../../../src/site/model/site-model.ts";
import { registerDocuments } from "../../../src/site/playbook-documents.ts";
import { stagePlaybook } from "../../../src/site/stage.ts";
import { playbookConfig } from "../../../src/site/astro-config.ts";
import { plantCanary, type Canary } from "../../support/hostile-canary.ts";
import { personaFile, PERSONA_FILE } from "../../support/persona-file.ts";
import { runSeg } from "../../support/run-seg.ts";
import { withSegDev } from "../../support/run-seg-dev.ts";
import { BASE_CONFIG, tempWorkspace, type TempWorkspace } from "../../support/temp-workspace.ts";

let canary: Canary;
let workspace: TempWorkspace;
beforeEach(() => {
  canary = plantCanary();
});
afterEach(() => {
  workspace?.remove();
  canary.remove();
});

/** Every file a bundler or config loader could pick up from the project root, each writing its own marker. */
function hostileConfigFiles(c: Canary): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of ["astro.config.mjs", "astro.config.js", "astro.config.ts", "astro.config.mts", "vite.config.mjs", "vite.config.js", "vite.config.ts", "tailwind.config.mjs", "tailwind.config.js", "postcss.config.mjs", "postcss.config.js"]) {
    files[name] = c.esm(name);
  }
  for (const name of ["postcss.config.cjs", "tailwind.config.cjs", ".postcssrc.cjs"]) files[name] = c.cjs(name);
  files[".postcssrc.json"] = JSON.stringify({ plugins: { [join(c.dir, "plugin.cjs")]: {} } });
  writeFileSync(join(c.dir, "plugin.cjs"), c.cjs("postcss-plugin"));
  files[".browserslistrc"] = "IE 6\n";
  files["package.json"] = JSON.stringify({ name: "hostile", type: "module", postcss: { plugins: { [join(c.dir, "plugin.cjs")]: {} } } });
  files["tsconfig.json"] = JSON.stringify({ compilerOptions: { paths: { "astro:content": ["./evil.mjs"], "astro/*": ["./evil.mjs"] } } });
  files["evil.mjs"] = c.esm("tsconfig-paths");
  files[".env"] = "PUBLIC_X=1\n";
  // A node_modules/astro of the workspace's own: every import of it would run this.
  files["node_modules/astro/package.json"] = JSON.stringify({ name: "astro", type: "module", exports: { ".": "./index.js", "./*": "./index.js" } });
  files["node_modules/astro/index.js"] = c.esm("workspace-astro");
  files["public/evil.js"] = c.esm("public-js");
  files["public/evil.mjs"] = c.esm("public-mjs");
  files["public/index.html"] = "<script>window.__owned = 1</script>";
  files["personas/helper.js"] = c.esm("persona-helper");
  files["src/pages/evil.astro"] = `---\n${c.esm("src-pages")}\n---\n<p>evil</p>\n`;
  files["src/content.config.ts"] = c.esm("content-config");
  return files;
}

function expectNothingRanOrLeaked(outputs: string[]): void {
  expect(canary.markers()).toEqual([]);
  for (const output of outputs) expect(output).not.toContain(canary.secret);
}

describe("seg build on a workspace full of config files and code", () => {
  it("builds the playbook with Seg's configuration and runs none of them", async () => {
    workspace = tempWorkspace({
      ...hostileConfigFiles(canary),
      // Hosting options come from segmentation.yaml, not from an Astro config.
      "segmentation.yaml": `${BASE_CONFIG}site:\n  url: https://acme.github.io\n  base: /playbook\n`,
      [PERSONA_FILE]: personaFile("Hana's team ships weekly. [Docs](https://example.com).\n"),
    });
    // A .astro folder planted with code, and Astro's folder names linked out of the workspace.
    mkdirSync(join(workspace.root, ".astro"));
    writeFileSync(join(workspace.root, ".astro/content-modules.mjs"), canary.esm("dot-astro"));
    writeFileSync(join(workspace.root, ".astro/data-store.json"), "[]");
    symlinkSync(canary.dir, join(workspace.root, "node_modules/.vite"));
    await lock({ root: workspace.root, today: "2026-11-01" });
    const before = readdirSync(canary.dir).sort();

    const run = runSeg(["build", "--as-of", "2026-11-01"], { cwd: workspace.root });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expectNothingRanOrLeaked([run.stdout, run.stderr]);
    expect(readdirSync(canary.dir).sort()).toEqual(before);
    const dist = join(workspace.root, "dist");
    expect(existsSync(join(dist, "personas/hands-on-hana/index.html"))).toBe(true);
    expect(canary.filesWithSecret(dist)).toEqual([]);
    // Nothing of public/ that could run is published, and no page came from the workspace's src/.
    for (const file of ["evil.js", "evil.mjs", "evil/index.html"]) expect(existsSync(join(dist, file)), file).toBe(false);
    const home = readFileSync(join(dist, "index.html"), "utf8");
    expect(home).not.toContain("__owned");
    expect(home).toContain('<link rel="canonical" href="https://acme.github.io/playbook/"');
    // Links are relative to the page (the site also opens from disk); the search script keeps the base.
    expect(home).toContain('href="segments/index.html"');
    expect(home).toContain('data-base="/playbook"');
    // The planted .astro was neither loaded nor written to.
    expect(readdirSync(join(workspace.root, ".astro")).sort()).toEqual(["content-modules.mjs", "data-store.json"]);
  });

  it("never writes through a .astro link out of the workspace, even when the site goes outside it", async () => {
    workspace = tempWorkspace({ [PERSONA_FILE]: personaFile("Hana's team ships weekly.\n") });
    symlinkSync(canary.dir, join(workspace.root, ".astro"));
    await lock({ root: workspace.root, today: "2026-11-01" });
    const before = readdirSync(canary.dir).sort();
    // A folder's modification time changes when an entry is created in it, even one removed again.
    const modified = statSync(canary.dir).mtimeMs;
    // Astro puts its prerendered chunks in <cwd>/.astro when the site goes outside the current folder.
    const out = mkdtempSync(join(tmpdir(), "seg-out-"));
    try {
      const run = runSeg(["build", "--as-of", "2026-11-01", "--out", out], { cwd: workspace.root });
      expect(run.status, run.stderr).toBe(0);
      expect(existsSync(join(out, "index.html"))).toBe(true);
      expect(readdirSync(canary.dir).sort()).toEqual(before);
      expect(statSync(canary.dir).mtimeMs).toBe(modified);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("refuses a Markdown image that points at code, at its line, without running it", async () => {
    workspace = tempWorkspace({ ...hostileConfigFiles(canary), [PERSONA_FILE]: personaFile("Hana's chart:\n\n![chart](./helper.js)\n") });
    const run = runSeg(["build", "--as-of", "2026-11-01"], { cwd: workspace.root });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^personas\/hands-on-hana\.mdx\n(?:\s+.*\n)*?\s+13:1\s+error\s+"\.\/helper\.js" is not an image.*markdown\/image$/m);
    expect(run.stderr).toContain("not published");
    expect(run.stderr).not.toMatch(/internal error|This is a bug/);
    expectNothingRanOrLeaked([run.stdout, run.stderr]);
    expect(existsSync(join(workspace.root, "dist"))).toBe(false);
  });

  it("keeps the bundler off workspace files even when a body that slipped past seg check reaches Astro", async () => {
    workspace = tempWorkspace({ [PERSONA_FILE]: personaFile("Hana's team ships weekly.\n"), "personas/helper.js": canary.esm("bypass-helper") });
    await lock({ root: workspace.root, today: "2026-11-01" });
    const model = await buildSiteModel(await check({ root: workspace.root, today: "2026-11-01" }), {});
    const stageParent = join(canary.dir, "stage");
    // The stage sits outside the workspace, so the body climbs out of it with a relative path, as Markdown images do.
    const from = join(stageParent, "stage-x", "personas");
    const body = `![chart](${relative(from, join(workspace.root, "personas/helper.js"))})\n`;
    const stage = stagePlaybook(stageParent, { root: workspace.root, documents: new Map([[PERSONA_FILE, personaFile(body)]]), copies: [] });
    const withdraw = registerDocuments(stage, [{ collection: "personas", id: "hands-on-hana", data: { id: "hands-on-hana" }, body, filePath: PERSONA_FILE }]);
    const { build } = await import("astro");
    const failure = await build(playbookConfig({ stage, workspace: workspace.root, outDir: join(stageParent, "out"), cacheDir: join(stageParent, "cache"), model, logLevel: "silent" }))
      .then(
        () => "built",
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      )
      .finally(withdraw);
    expect(failure).toMatch(/Seg does not load personas\/helper\.js into the playbook/);
    expect(canary.markers()).toEqual([]);
  });

  it("seg dev serves the playbook without running any of them, and stops cleanly", async () => {
    workspace = tempWorkspace({ ...hostileConfigFiles(canary), [PERSONA_FILE]: personaFile("Hana's team ships weekly.\n") });
    symlinkSync(canary.secretFile, join(workspace.root, "public/passwd.txt"));
    await lock({ root: workspace.root, today: "2026-11-01" });
    const dev = await withSegDev(["--as-of", "2026-11-01"], workspace.root, async (url) => {
      const home = await (await fetch(url)).text();
      const passwd = await fetch(new URL("passwd.txt", url));
      const evilResponse = await fetch(new URL("evil.js", url));
      const evil = { status: evilResponse.status, text: await evilResponse.text() };
      // Vite's dev server serves any allowed file under /@fs/ and transforms modules asked for by path:
      // nothing of the workspace, nor the file its link points at, nor anything else of the machine.
      const byPath: Record<string, { status: number; text: string }> = {};
      for (const path of [canary.secretFile, join(workspace.root, "personas/helper.js"), join(workspace.root, "evil.mjs"), join(workspace.root, "public/passwd.txt"), join(workspace.root, PERSONA_FILE)]) {
        for (const prefix of ["/@fs", ""]) {
          const response = await fetch(new URL(`${prefix}${path}`, url));
          byPath[`${prefix}${path}`] = { status: response.status, text: await response.text() };
        }
      }
      // An edit while it serves: the planted files still do not run.
      writeFileSync(join(workspace.root, PERSONA_FILE), personaFile("Hana's team ships daily.\n"));
      let edited = "";
      for (let i = 0; i < 240 && !edited.includes("ships daily"); i++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        edited = await (await fetch(new URL("personas/hands-on-hana/", url))).text();
      }
      return { home, edited, byPath, passwd: { status: passwd.status, text: await passwd.text() }, evil };
    });
    expect(dev.url, dev.stderr).not.toBeNull();
    expect(dev.result?.home).toContain('http-equiv="Content-Security-Policy"');
    expect(dev.result?.edited).toContain("ships daily");
    expect(dev.result?.edited).toContain('http-equiv="Content-Security-Policy"');
    expect(dev.result?.passwd.status).toBe(404);
    // public/evil.js was not staged; Vite then takes /evil.js for a module, which the guard refuses to load.
    // Refused like any file Vite does not serve (404 or 403), not as a server error with Seg's stack trace, which
    // also told a file that exists (500) from one that does not (404).
    expect(dev.result?.evil.status).toBe(404);
    expect(dev.result?.evil.text).not.toContain("writeFileSync");
    for (const [path, response] of Object.entries(dev.result?.byPath ?? {})) {
      expect([403, 404], path).toContain(response.status);
      expect(response.text, path).not.toContain("writeFileSync");
      expect(response.text, path).not.toMatch(/integration\.ts|Seg does not load/);
    }
    expect(dev.stderr).not.toMatch(/Internal server error|integration\.ts/);
    expect(dev.status).toBe(0);
    expectNothingRanOrLeaked([dev.stdout, dev.stderr, dev.result?.home ?? "", dev.result?.passwd.text ?? "", ...Object.values(dev.result?.byPath ?? {}).map((r) => r.text)]);
  });
});

