/**
 * The playbook in a real browser: the example workspace is built once under a
 * base path, served by the same static server `seg dev` uses, and read with
 * Chromium — navigation, MDX personas with <Metric/>, search with and without
 * JavaScript, sortable tables, charts' text alternatives, console errors on
 * every page, every internal link, axe-core, and screenshots of the main pages
 * in test-results/screenshots/.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic, type StaticServer } from "../../../src/site/serve-static.ts";
import { launchChromium, skipReason } from "./support/chromium.ts";
import { fileOf, pagesOf, referencesIn } from "./support/crawl.ts";
import { BASE, buildExampleSite, EXAMPLE_ROOT, HOSTILE_SUMMARY, type ExampleSite } from "./support/example-site.ts";

interface AxeResults {
  violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
}

const reason = skipReason();
if (reason) console.warn(`[test/e2e/site] ${reason}`);

const SCREENSHOTS = join(EXAMPLE_ROOT, "test-results/screenshots");
const MAIN_PAGES = ["", "segments/", "segments/power-users/", "personas/", "personas/scaling-sarah/", "prioritization/", "clusters/", "hypotheses/", "health/", "rules/", "method/", "search/"];
/** Pages also checked in dark mode and on a phone-sized screen. */
const KEY_PAGES = ["", "segments/power-users/", "personas/scaling-sarah/", "prioritization/"];
const SLOW = 600_000;

describe.skipIf(reason !== undefined)("the playbook in Chromium", () => {
  let site: ExampleSite;
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    site = await buildExampleSite();
    expect(site.result.outDir, site.result.check.diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`).join("\n")).toBeDefined();
    server = await serveStatic({ dir: site.outDir, base: BASE });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  }, SLOW);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    site?.remove();
  });

  /** Open a page and collect console errors and uncaught exceptions while it loads. */
  async function open(path: string, on: BrowserContext = context): Promise<{ page: Page; errors: string[] }> {
    const page = await on.newPage();
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(`${path}: ${m.text()}`);
    });
    page.on("pageerror", (e) => errors.push(`${path}: ${e.message}`));
    page.on("response", (r) => {
      if (r.status() >= 400) errors.push(`${path}: ${r.status()} for ${r.url()}`);
    });
    const response = await page.goto(server.url + path, { waitUntil: "load" });
    expect(response?.status(), path).toBe(200);
    return { page, errors };
  }

  it("opens the overview with goals, segments at a glance, health and the data date", async () => {
    const { page } = await open("");
    await expect(page.locator("h1").textContent()).resolves.toBe("Relay customer segmentation");
    await expect(page.locator("#goals").count()).resolves.toBe(1);
    await expect(page.locator("table", { hasText: "Power Users" }).count()).resolves.toBeGreaterThan(0);
    await expect(page.locator("#health").count()).resolves.toBe(1);
    await expect(page.locator("footer").textContent()).resolves.toContain("Data as of 2026-11-01");
    await page.close();
  });

  it("navigates from the overview to a segment and on to one of its personas", async () => {
    const { page } = await open("");
    await page.getByRole("link", { name: "Power Users", exact: true }).first().click();
    await page.waitForURL(/\/playbook\/segments\/power-users\/(index\.html)?$/);
    await expect(page.locator("h1").textContent()).resolves.toBe("Power Users");
    await expect(page.locator("#idsaa").count()).resolves.toBe(1);
    await expect(page.locator(".scorecard tbody tr").count()).resolves.toBe(5);
    await expect(page.locator(".definition").textContent()).resolves.toContain("active_days_90d >= 40");
    await page.locator("#personas").locator("..").getByRole("link", { name: "Scaling Sarah" }).click();
    await page.waitForURL(/\/playbook\/personas\/scaling-sarah\/(index\.html)?$/);
    await expect(page.locator("h1").textContent()).resolves.toBe("Scaling Sarah");
    await page.close();
  });

  it("renders the persona's MDX body with <Metric> bound to the computed share", async () => {
    const { page } = await open("personas/scaling-sarah/");
    const metric = page.locator(".prose data.metric");
    await expect(metric.count()).resolves.toBe(1);
    const overview = await open("segments/power-users/");
    const share = (await overview.page.locator(".stat", { hasText: "Members" }).locator(".note").textContent())?.split(" ")[0];
    await expect(metric.textContent()).resolves.toBe(share);
    await expect(metric.getAttribute("title")).resolves.toContain("expects 15%");
    await expect(page.locator(".prose h2", { hasText: "A day in their work" }).count()).resolves.toBe(1);
    await page.close();
    await overview.page.close();
  });

  it("shows workspace text as text: HTML in a summary is escaped, never run", async () => {
    const { page } = await open("segments/power-users/");
    await expect(page.locator(".lead").textContent()).resolves.toContain(HOSTILE_SUMMARY);
    await expect(page.evaluate("window.__segInjected")).resolves.toBeUndefined();
    await expect(page.locator("main b", { hasText: "not bold" }).count()).resolves.toBe(0);
    await page.close();
  });

  it("finds a persona from the header's search box and opens it", async () => {
    const { page, errors } = await open("");
    await page.locator("#site-search").fill("agency delivery");
    const result = page.locator("#site-search-results a", { hasText: "Agency Ava" });
    await result.waitFor();
    await result.click();
    await page.waitForURL(/\/personas\/agency-ava\/$/);
    await page.locator("#site-search").fill("zzzz-nothing-matches");
    await expect(page.locator("#site-search-results .empty").textContent()).resolves.toContain("Nothing matches");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("searches without JavaScript through the index page, and filters it with JavaScript", async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const { page: plain } = await open("", noScript);
    await plain.locator("#site-search").fill("enterprise");
    await plain.locator("form[role=search] button[type=submit]").click();
    await plain.waitForURL(/\/playbook\/search\/(index\.html)?\?q=enterprise$/);
    const all = await plain.locator("li[data-u]").count();
    expect(all).toBeGreaterThan(20);
    await noScript.close();

    const { page } = await open("search/?q=enterprise");
    await page.waitForFunction('document.querySelector("[role=status]")?.textContent?.includes("for “enterprise”")');
    const visible = await page.locator("li[data-u]:not([hidden])").count();
    expect(visible).toBeGreaterThan(0);
    expect(visible).toBeLessThan(all);
    await expect(page.locator("li[data-u]:not([hidden]) a", { hasText: "Enterprise" }).first().count()).resolves.toBe(1);
    await page.close();
  });

  it("sorts the segments table with JavaScript and keeps the server's order without", async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const { page: plain } = await open("segments/", noScript);
    const serverOrder = await plain.locator("tbody th[scope=row]").allTextContents();
    expect(serverOrder.length).toBe(9);
    await noScript.close();

    const { page } = await open("segments/");
    await page.getByRole("button", { name: "Members" }).click();
    const members = () => page.locator("tbody tr > :nth-child(5)").evaluateAll((cells) => cells.map((c) => Number(c.getAttribute("data-sort"))));
    const ascending = await members();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await expect(page.locator("th[aria-sort=ascending]").textContent()).resolves.toContain("Members");
    await page.getByRole("button", { name: "Members" }).click();
    const descending = await members();
    expect(descending).toEqual([...ascending].reverse());
    await page.close();
  });

  it("gives every chart a title, a text alternative and its data as a table", async () => {
    let charts = 0;
    for (const path of ["", "segments/power-users/", "prioritization/", "hypotheses/"]) {
      const { page } = await open(path);
      const figures = await page.locator("figure.chart").evaluateAll((nodes) =>
        nodes.map((f) => {
          const img = f.querySelector("img");
          return {
            alt: img?.getAttribute("alt") ?? "",
            loaded: Boolean(img?.complete) && Number(img?.naturalWidth) > 0,
            title: f.querySelector("figcaption strong")?.textContent ?? "",
            rows: f.querySelectorAll("table tbody tr").length,
          };
        }),
      );
      for (const figure of figures) {
        expect(figure.alt.length, `${path} chart alt`).toBeGreaterThan(40);
        expect(figure.title.length, `${path} chart title`).toBeGreaterThan(5);
        expect(figure.rows, `${path} chart data table`).toBeGreaterThan(0);
        expect(figure.loaded, `${path} chart image loads`).toBe(true);
      }
      charts += figures.length;
      await page.close();
    }
    expect(charts).toBeGreaterThanOrEqual(8);
  }, SLOW);

  it("logs no console error on any page", async () => {
    const errors: string[] = [];
    const pages = pagesOf(site.outDir, BASE).filter((p) => !p.endsWith("404.html"));
    expect(pages.length).toBeGreaterThan(25);
    for (const path of pages) {
      const opened = await open(path.slice(BASE.length + 1));
      await opened.page.waitForLoadState("networkidle");
      errors.push(...opened.errors);
      await opened.page.close();
    }
    expect(errors).toEqual([]);
  }, SLOW);

  it("resolves every internal link, image, script and stylesheet", async () => {
    const broken: string[] = [];
    const checked = new Set<string>();
    for (const path of pagesOf(site.outDir, BASE)) {
      const html = readFileSync(fileOf(site.outDir, BASE, path), "utf8");
      for (const ref of referencesIn(html)) {
        if (ref.startsWith("#")) {
          if (ref.length > 1 && !html.includes(`id="${ref.slice(1)}"`)) broken.push(`${path} → ${ref} (no such id)`);
          continue;
        }
        if (/^(https?:|mailto:|data:)/.test(ref)) continue;
        const url = new URL(ref, `http://site${path}`);
        expect(url.pathname.startsWith(`${BASE}/`), `${path} → ${ref} stays under the base path`).toBe(true);
        if (checked.has(url.pathname)) continue;
        checked.add(url.pathname);
        const response = await fetch(new URL(url.pathname, server.url));
        if (response.status !== 200) broken.push(`${path} → ${ref} (${response.status})`);
        const fragment = url.hash.slice(1);
        if (fragment && (url.pathname.endsWith("/") || url.pathname.endsWith(".html"))) {
          const target = readFileSync(fileOf(site.outDir, BASE, url.pathname), "utf8");
          if (!target.includes(`id="${fragment}"`)) broken.push(`${path} → ${ref} (no #${fragment})`);
        }
      }
    }
    expect(checked.size).toBeGreaterThan(40);
    expect(broken).toEqual([]);
  }, SLOW);

  it("has no serious or critical accessibility violations on the main pages (axe-core)", async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
    const violations: string[] = [];
    for (const scheme of ["light", "dark"] as const) {
      // axe-core is injected as an inline script, which the playbook's Content-Security-Policy refuses.
      const themed = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: scheme, bypassCSP: true });
      for (const path of scheme === "light" ? MAIN_PAGES : KEY_PAGES) {
        const { page } = await open(path, themed);
        await page.addScriptTag({ content: axeSource });
        const result = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] })")) as AxeResults;
        for (const v of result.violations) {
          if (v.impact === "serious" || v.impact === "critical") violations.push(`${scheme} /${path}: ${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
        }
        await page.close();
      }
      await themed.close();
    }
    expect(violations).toEqual([]);
  }, SLOW);

  it("saves screenshots of the main pages, light and dark, wide and narrow", async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [scheme, width, pages] of [["light", 1280, MAIN_PAGES], ["dark", 1280, KEY_PAGES], ["light", 390, KEY_PAGES]] as const) {
      const shots = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      for (const path of pages) {
        const { page } = await open(path, shots);
        const name = `${(path.replace(/\/$/, "").replaceAll("/", "-") || "overview")}-${scheme}-${width}.png`;
        await page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });
        await page.close();
      }
      await shots.close();
    }
  }, SLOW);
});
