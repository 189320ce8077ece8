/**
 * The playbook's Content-Security-Policy in Chromium: every page carries it,
 * Seg's own script runs under it (matched by hash), an injected inline script
 * or a clicked javascript: link does not, an image from another site is not
 * fetched (no tracking pixel), and a persona's local image renders.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, type BuildResult } from "../../../src/api/build.ts";
import { lock } from "../../../src/api/lock.ts";
import { serveStatic, type StaticServer } from "../../../src/site/serve-static.ts";
import { PNG_1X1 } from "../../support/hostile-canary.ts";
import { personaFile, PERSONA_FILE } from "../../support/persona-file.ts";
import { tempWorkspace, type TempWorkspace } from "../../support/temp-workspace.ts";
import { launchChromium, skipReason } from "./support/chromium.ts";

const reason = skipReason();

describe.skipIf(reason !== undefined)("the Content-Security-Policy in Chromium", () => {
  let workspace: TempWorkspace;
  let result: BuildResult;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    process.env.ASTRO_TELEMETRY_DISABLED ??= "1";
    workspace = tempWorkspace({ [PERSONA_FILE]: personaFile("Hana at her desk:\n\n![Hana at her desk](./hana.png)\n") });
    writeFileSync(join(workspace.root, "personas/hana.png"), PNG_1X1);
    await lock({ root: workspace.root, today: "2026-11-01" });
    result = await build({ root: workspace.root, today: "2026-11-01", logLevel: "error" });
    expect(result.outDir, result.check.diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`).join("\n")).toBeDefined();
    server = await serveStatic({ dir: result.outDir!, base: "/" });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    workspace?.remove();
  });

  async function open(path: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(new URL(path.replace(/^\//, ""), server.url).href, { waitUntil: "load" });
    return { page, errors };
  }

  it("is on every page and forbids inline script, plugins and <base>", async () => {
    const files = readdirSync(result.outDir!, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html"));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const html = readFileSync(join(result.outDir!, file), "utf8");
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
      expect(policy, file).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*';/);
      expect(policy, file).toContain("object-src 'none'");
      expect(policy, file).toContain("base-uri 'none'");
      // The policy comes before anything that could load.
      expect(html.indexOf("Content-Security-Policy"), file).toBeLessThan(html.search(/<script|<link|<style/));
    }
    // And the browser reads it as the page's policy.
    const { page } = await open("/");
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")).toMatch(/^default-src 'none'; script-src 'sha256-/);
    await page.close();
  });

  it("lets the site's own script run, and no injected script or javascript: link", async () => {
    const { page, errors } = await open("/search/?q=heavy");
    // The playbook's script fills the search box from the query: it ran under the policy.
    await page.waitForFunction("document.querySelector('[data-search-page] input[type=search]')?.value === 'heavy'");
    expect(errors).toEqual([]);
    // Browser code as text: the test files are typechecked without the DOM library.
    const ran = await page.evaluate(`(async () => {
      const blocked = [];
      document.addEventListener("securitypolicyviolation", (e) => blocked.push(e.effectiveDirective));
      const script = document.createElement("script");
      script.textContent = "window.__injected = true";
      document.body.append(script);
      const link = document.createElement("a");
      link.href = "javascript:window.__clicked = true";
      link.textContent = "click";
      document.body.append(link);
      link.click();
      // Both attempts are reported as violations: wait for the reports rather than for a time.
      await new Promise((resolve) => {
        const wait = () => (blocked.length >= 2 ? resolve() : requestAnimationFrame(wait));
        wait();
      });
      return { injected: window.__injected ?? false, clicked: window.__clicked ?? false, blocked: blocked.sort() };
    })()`);
    expect(ran).toEqual({ injected: false, clicked: false, blocked: ["script-src-elem", "script-src-elem"] });
    await page.close();
  });

  it("fetches no image from another site, so a pixel that got into a page learns nothing", async () => {
    const { page } = await open("/");
    const ran = await page.evaluate(`(async () => {
      const blocked = [];
      document.addEventListener("securitypolicyviolation", (e) => blocked.push(e.effectiveDirective + " " + e.blockedURI));
      const img = document.createElement("img");
      // Blocked or not, the image settles (error or load); the violation report, if any, follows within frames.
      const settled = new Promise((resolve) => { img.onerror = img.onload = resolve; });
      img.src = "https://tracker.invalid/p.gif?reader=1";
      document.body.append(img);
      await settled;
      for (let frame = 0; frame < 60 && blocked.length === 0; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
      return blocked;
    })()`);
    expect(ran).toEqual(["img-src https://tracker.invalid/p.gif?reader=1"]);
    await page.close();
  });

  it("renders a persona's local image", async () => {
    const { page, errors } = await open("/personas/hands-on-hana/");
    // Polled from outside the page: waitForFunction polls by eval() inside it, which the page's CSP (rightly) forbids.
    const loaded = "(() => { const img = document.querySelector('img[alt=\"Hana at her desk\"]'); return img !== null && img.complete && img.naturalWidth === 1; })()";
    await expect.poll(() => page.evaluate(loaded), { timeout: 30_000 }).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
