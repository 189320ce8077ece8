/**
 * `seg preview` as a subprocess: it serves a built site folder (pages, assets,
 * the 404 page) without building, refuses a busy port and a folder that holds
 * no site, and stops on SIGTERM.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runSeg, SEG_BIN } from "../../support/run-seg.ts";

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A folder with a small built site in dist/: two pages, a stylesheet and a 404 page. */
function site(): string {
  const root = mkdtempSync(join(tmpdir(), "seg-preview-"));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, "dist/segments/loyal"), { recursive: true });
  mkdirSync(join(root, "dist/_astro"));
  writeFileSync(join(root, "dist/index.html"), '<!doctype html><link rel="stylesheet" href="_astro/site.css"><a href="segments/loyal/">Loyal</a>');
  writeFileSync(join(root, "dist/segments/loyal/index.html"), "<!doctype html><h1>Loyal accounts</h1>");
  writeFileSync(join(root, "dist/_astro/site.css"), "body { color: #123; }");
  writeFileSync(join(root, "dist/404.html"), "<!doctype html><h1>Not here</h1>");
  return root;
}

describe("seg preview", () => {
  it("serves the built site, its assets and its 404 page, and stops on SIGTERM", async () => {
    const root = site();
    const child = spawn(process.execPath, [SEG_BIN, "preview", "--port", "0"], { cwd: root, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    cleanups.push(() => {
      if (child.exitCode === null) child.kill("SIGKILL");
    });
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on("data", () => {
        const match = /^Serving dist at (http:\/\/\S+) /m.exec(stdout);
        if (match) resolve(match[1]!);
      });
      child.once("exit", () => reject(new Error(`seg preview exited: ${stdout}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('href="segments/loyal/"');
    expect(await (await fetch(new URL("segments/loyal/", url))).text()).toContain("Loyal accounts");
    const css = await fetch(new URL("_astro/site.css", url));
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    const missing = await fetch(new URL("nope/", url));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("Not here");
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/Stopped\.\n$/);
  });

  it("refuses a port in use, saying what to do", async () => {
    const root = site();
    const other: Server = createServer();
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", () => resolve()));
    cleanups.push(() => new Promise<void>((resolve) => other.close(() => resolve())));
    const port = (other.address() as { port: number }).port;
    const run = runSeg(["preview", "--port", String(port)], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`seg preview: port ${port} on 127.0.0.1 is in use. Stop the other server or pick another port with --port (0 picks a free one).\n`);
  });

  it("refuses a folder that holds no built site", () => {
    const root = site();
    expect(runSeg(["preview", "build"], { cwd: root })).toMatchObject({ status: 2, stderr: "seg preview: there is no folder build to serve. Build the playbook with seg build first, or give the folder that holds it.\n" });
    expect(runSeg(["preview", "dist/_astro"], { cwd: root })).toMatchObject({ status: 2, stderr: "seg preview: dist/_astro has no index.html, so it is no built playbook. Build it with seg build first, or give the folder that holds it.\n" });
    expect(runSeg(["preview", "--help"], { cwd: root }).stdout).toMatch(/^Usage: seg preview \[dir\] \[options\]\n[^]*--port PORT +Port to serve on \(0 picks a free one\)\. \(default: 4321\)$/m);
  });
});
