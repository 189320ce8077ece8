/**
 * The playbook opened from disk, as a team opens a CI artifact they downloaded
 * and unzipped: a workspace from `seg init` is locked and built under a base
 * path (as for GitHub Pages), then Chromium opens dist/index.html over file://.
 * The stylesheet applies, a link in the navigation and a link on a segment page
 * lead to the next page, and its charts load.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, type BuildResult } from "../../../src/api/build.ts";
import { init } from "../../../src/api/init.ts";
import { lock } from "../../../src/api/lock.ts";
import { launchChromium, skipReason } from "./support/chromium.ts";

const reason = skipReason();
if (reason) console.warn(`[test/e2e/site] ${reason}`);
const SLOW = 300_000;

describe.skipIf(reason !== undefined)("the built playbook opened from disk", () => {
  let scratch: string;
  let result: BuildResult;
  let browser: Browser;

  beforeAll(async () => {
    process.env.ASTRO_TELEMETRY_DISABLED ??= "1";
    scratch = mkdtempSync(join(tmpdir(), "seg-file-site-"));
    const root = join(scratch, "playbook");
    expect(init({ dir: root, today: "2026-10-31", installed: { kind: "registry", version: "0.1.0" } }).status).toBe("created");
    await lock({ root, today: "2026-11-01" });
    result = await build({ root, base: "/playbook", site: "https://example.github.io", today: "2026-11-01", logLevel: "error" });
    browser = await launchChromium();
  }, SLOW);

  afterAll(async () => {
    await browser?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it("is styled and navigable over file://", async () => {
    expect(result.outDir).toBeDefined();
    const outDir = result.outDir!;
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on("requestfailed", (request) => failed.push(`${request.url()} (${request.failure()?.errorText})`));
    const home = pathToFileURL(join(outDir, "index.html")).href;
    await page.goto(home);
    // The stylesheet loaded and applies: the browser's default body has an 8px margin and a normal line height; Seg's has none and 1.6.
    const body = await page.evaluate("({ margin: getComputedStyle(document.body).margin, lineHeight: getComputedStyle(document.body).lineHeight })");
    expect(body).toEqual({ margin: "0px", lineHeight: "25.6px" });

    // A navigation link leads to the segments page, and a segment link from there to the segment.
    await page.locator('nav a', { hasText: /^Segments$/ }).first().click();
    await page.waitForLoadState("load");
    expect(page.url()).toBe(pathToFileURL(join(outDir, "segments/index.html")).href);
    await page.locator('main a[href$="loyal/index.html"]').first().click();
    await page.waitForLoadState("load");
    expect(page.url()).toBe(pathToFileURL(join(outDir, "segments/loyal/index.html")).href);
    expect(await page.locator("h1").first().textContent()).toContain("Loyal");
    // Charts on the segment page load from disk too.
    const images = (await page.evaluate("[...document.images].map((img) => ({ src: img.src, loaded: img.complete && img.naturalWidth > 0 }))")) as { src: string; loaded: boolean }[];
    expect(images.length).toBeGreaterThan(0);
    expect(images.filter((img) => !img.loaded)).toEqual([]);
    // Nothing the pages asked for was missing (module scripts are not fetched from file:// pages by design, and are not counted).
    expect(failed.filter((f) => !f.includes("/_seg/"))).toEqual([]);
    // Links back home resolve inside dist, never to the root of the file system.
    expect(readFileSync(join(outDir, "segments/loyal/index.html"), "utf8")).not.toMatch(/\s(href|src)="\/(?!\/)/);
    await page.close();
  }, SLOW);
});
