import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic, type StaticServer } from "./serve-static.ts";

describe("serveStatic", () => {
  let dir: string;
  let server: StaticServer;
  const get = (path: string) => fetch(new URL(path, server.url), { redirect: "manual" });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "seg-serve-"));
    mkdirSync(join(dir, "segments/power-users"), { recursive: true });
    writeFileSync(join(dir, "index.html"), "<html><body>home</body></html>");
    writeFileSync(join(dir, "segments/power-users/index.html"), "<html><body>power</body></html>");
    writeFileSync(join(dir, "404.html"), "<html><body>not here</body></html>");
    writeFileSync(join(dir, "search.json"), "[]");
    writeFileSync(join(tmpdir(), "seg-serve-secret.txt"), "secret");
    server = await serveStatic({ dir, base: "/playbook" });
  });

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(join(tmpdir(), "seg-serve-secret.txt"), { force: true });
  });

  it("serves the site under its base path, folders as their index.html", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/playbook\/$/);
    const home = await get("/playbook/");
    expect(home.status).toBe(200);
    expect(home.headers.get("content-type")).toBe("text/html; charset=utf-8");
    await expect((await get("/playbook/segments/power-users/")).text()).resolves.toContain("power");
    expect((await get("/playbook/search.json")).headers.get("content-type")).toBe("application/json; charset=utf-8");
  });

  it("redirects / to the base and folders without a slash to the slash", async () => {
    expect((await get("/")).headers.get("location")).toBe("/playbook/");
    const folder = await get("/playbook/segments/power-users");
    expect(folder.status).toBe(301);
    expect(folder.headers.get("location")).toBe("/playbook/segments/power-users/");
  });

  it("answers unknown paths with the site's 404 page and never leaves the folder", async () => {
    const missing = await get("/playbook/nope/");
    expect(missing.status).toBe(404);
    await expect(missing.text()).resolves.toContain("not here");
    expect((await get("/playbook/..%2f..%2fseg-serve-secret.txt")).status).toBe(404);
    expect((await get("/playbook/%2e%2e/seg-serve-secret.txt")).status).toBe(404);
  });

  it("serves pages as they are, with no script added", async () => {
    await expect((await get("/playbook/")).text()).resolves.toBe("<html><body>home</body></html>");
  });
});
