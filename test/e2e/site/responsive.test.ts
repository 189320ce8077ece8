/**
 * The playbook on a phone (390 px) and a laptop (1280 px), in Chromium: no page
 * is wider than the screen (wide tables and charts scroll inside their own
 * labelled frames), every chart's text is at least 11 px as displayed (the
 * SVG's smallest font size times the image's displayed scale), the navigation
 * is reachable on a phone through its menu — with and without JavaScript — and
 * axe-core finds no violation on the main pages at either width.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic, type StaticServer } from "../../../src/site/serve-static.ts";
import { launchChromium, skipReason } from "./support/chromium.ts";
import { pagesOf } from "./support/crawl.ts";
import { BASE, buildExampleSite, type ExampleSite } from "./support/example-site.ts";

const reason = skipReason();
if (reason) console.warn(`[test/e2e/site] ${reason}`);

const WIDTHS = [390, 1280] as const;
const MIN_TEXT_PX = 11;
const MAIN_PAGES = ["", "segments/", "segments/power-users/", "personas/", "personas/scaling-sarah/", "prioritization/", "clusters/", "impact/", "hypotheses/", "data/", "health/", "reviews/", "rules/", "method/", "search/"];
const SLOW = 900_000;

interface AxeResults {
  violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
}

describe.skipIf(reason !== undefined)("the playbook at 390 and 1280 px", () => {
  let site: ExampleSite;
  let server: StaticServer;
  let browser: Browser;
  let pages: string[];
  const svgFonts = new Map<string, { width: number; minFont: number | null }>();

  beforeAll(async () => {
    site = await buildExampleSite();
    expect(site.result.outDir).toBeDefined();
    server = await serveStatic({ dir: site.outDir, base: BASE });
    browser = await launchChromium();
    pages = pagesOf(site.outDir, BASE).filter((p) => p.endsWith("/") && !p.endsWith("404.html")).map((p) => p.slice(BASE.length + 1));
  }, SLOW);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    site?.remove();
  });

  async function open(context: BrowserContext, path: string): Promise<Page> {
    const page = await context.newPage();
    const response = await page.goto(server.url + path, { waitUntil: "load" });
    expect(response?.status(), path).toBe(200);
    return page;
  }

  /** The SVG's own width and its smallest font size, read from the file the browser shows. */
  async function svgFacts(url: string): Promise<{ width: number; minFont: number | null }> {
    const known = svgFonts.get(url);
    if (known) return known;
    const svg = await (await fetch(url)).text();
    const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
    const fonts = [...svg.matchAll(/font-size="([\d.]+)px"/g)].map((m) => Number(m[1]));
    const facts = { width, minFont: fonts.length > 0 ? Math.min(...fonts) : null };
    svgFonts.set(url, facts);
    return facts;
  }

  for (const width of WIDTHS) {
    it(`has no page wider than the screen, and chart text of at least ${MIN_TEXT_PX} px, at ${width} px`, async () => {
      // axe-core is injected as an inline script, which the playbook's Content-Security-Policy refuses.
      const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      const overflowing: string[] = [];
      const small: string[] = [];
      let charts = 0;
      for (const path of pages) {
        const page = await open(context, path);
        const size = (await page.evaluate("({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })")) as { scroll: number; client: number };
        if (size.scroll > size.client) overflowing.push(`/${path}: ${size.scroll} px in ${size.client} px`);
        const images = await page.locator("figure.chart img").evaluateAll((imgs) => imgs.map((img) => ({ src: (img as unknown as { currentSrc: string }).currentSrc, shown: img.getBoundingClientRect().width })));
        for (const image of images) {
          const facts = await svgFacts(image.src);
          if (facts.minFont === null) continue;
          charts++;
          const shown = (facts.minFont * image.shown) / facts.width;
          if (shown < MIN_TEXT_PX - 0.01) small.push(`/${path} ${image.src.split("/").pop()}: ${shown.toFixed(1)} px`);
        }
        await page.close();
      }
      await context.close();
      expect(charts).toBeGreaterThan(20);
      expect(overflowing).toEqual([]);
      expect(small).toEqual([]);
    }, SLOW);
  }

  it("fits the prioritization matrix, the segments index and the cluster tables at 1280 px without scrolling", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const scrolling: string[] = [];
    for (const path of ["segments/", "prioritization/", "clusters/"]) {
      const page = await open(context, path);
      const wraps = (await page.evaluate(`[...document.querySelectorAll(".table-wrap")].filter((w) => !w.closest("details")).map((w) => [w.getAttribute("aria-label"), w.scrollWidth, w.clientWidth])`)) as [string, number, number][];
      for (const [label, scroll, client] of wraps) if (scroll > client) scrolling.push(`/${path} ${label}: ${scroll} px in ${client} px`);
      await page.close();
    }
    await context.close();
    expect(scrolling).toEqual([]);
  }, SLOW);

  for (const javaScriptEnabled of [true, false]) {
    it(`reaches every page from the menu at 390 px ${javaScriptEnabled ? "with" : "without"} JavaScript`, async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled });
      const page = await open(context, "segments/power-users/");
      const nav = page.locator("nav#site-nav");
      const links = nav.locator("a");
      const titles = ["Overview", "Segments", "Personas", "Prioritization", "Clusters", "Changes", "Impact", "Hypotheses", "Data", "Health", "Reviews", "Rules", "Method"];
      await expect(links.allTextContents()).resolves.toEqual(titles);
      await expect(nav.isVisible()).resolves.toBe(false);
      await page.locator("label[for=nav-toggle]").click();
      for (const title of titles) {
        const box = await nav.getByRole("link", { name: title, exact: true }).boundingBox();
        expect(box, title).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width, title).toBeLessThanOrEqual(390);
      }
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link").count()).resolves.toBe(titles.length);
      await nav.getByRole("link", { name: "Rules", exact: true }).click();
      await page.waitForURL(/\/playbook\/rules\/(index\.html)?$/);
      await context.close();
    }, SLOW);
  }

  it("has no accessibility violations on the main pages at 390 and 1280 px (axe-core)", async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
    const violations: string[] = [];
    for (const width of WIDTHS) {
      // axe-core is injected as an inline script, which the playbook's Content-Security-Policy refuses.
      const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      for (const path of MAIN_PAGES) {
        const page = await open(context, path);
        await page.addScriptTag({ content: axeSource });
        const result = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] })")) as AxeResults;
        for (const v of result.violations) violations.push(`${width} px /${path}: ${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
        await page.close();
      }
      await context.close();
    }
    expect(violations).toEqual([]);
  }, SLOW);
});
