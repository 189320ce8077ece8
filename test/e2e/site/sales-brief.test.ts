/**
 * Each example segment's sales brief, in Chromium: printed to PDF it is one
 * A4 page (the page count read from the PDF's page tree, the size from its
 * MediaBox, so the @page rule is what makes it A4), the site's header, menu
 * and footer are not printed, its three numbers are the engine's (members,
 * value share and the first KPI the data measures, read from the check result
 * of the same build), it fits a 390 px phone, axe finds nothing, and the
 * segment page links to it and the search index lists it. In this copy the
 * Startups segment writes every text of its brief far too long and every
 * list too long: its brief still prints on one page, each text cut with "…",
 * and its segment page still has every text in full.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { kpiMeasure, kpiValue } from "../../../src/engine/kpi-value.ts";
import { BRIEF_CUT_NOTE, BRIEF_LABEL_TEXT } from "../../../src/site/model/segment-brief.ts";
import { serveStatic, type StaticServer } from "../../../src/site/serve-static.ts";
import { formatAmount, formatCurrency } from "../../../src/text/number-format.ts";
import { truncateWords } from "../../../src/text/truncate-text.ts";
import { launchChromium, skipReason } from "./support/chromium.ts";
import { pdfPages } from "./support/pdf-pages.ts";
import { BASE, buildExampleSite, type ExampleSite } from "./support/example-site.ts";

const reason = skipReason();
if (reason) console.warn(`[test/e2e/site] ${reason}`);

const SLOW = 900_000;
/** A4 in PostScript points, as Chromium writes it into the MediaBox. */
const A4 = { width: 595.28, height: 841.89 };

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

/** About 900 characters of prose in which no word is long. */
const long = (what: string) => `${what}: ${Array.from({ length: 13 }, (_, i) => `clause ${i + 1} of a sentence that goes on far longer than anyone should write`).join(", ")}.`;
const VERBOSE = "startups";

/** Every text the Startups brief shows, far too long, and every list longer than the brief holds. */
function makeStartupsVerbose(root: string): void {
  const path = join(root, `segments/market/${VERBOSE}.yaml`);
  const doc = parseDocument(readFileSync(path, "utf8"));
  const items = (what: string) => Array.from({ length: 6 }, (_, i) => long(`${what} ${i + 1}`));
  doc.set("name", `Startups ${long("and a name")}`);
  doc.set("summary", long("Summary"));
  doc.setIn(["gtm", "messaging"], long("Message"));
  doc.setIn(["gtm", "owner"], long("Owner"));
  for (const list of ["signals", "triggers", "talking_points", "discovery_questions", "proof_points"]) doc.setIn(["sales_playbook", list], items(list));
  doc.setIn(["sales_playbook", "objections"], items("objection").map((objection, i) => ({ objection, response: long(`Response ${i + 1}`) })));
  writeFileSync(path, doc.toString({ lineWidth: 0 }));
}

/** What a brief shows of a text the workspace writes: the whole text, or when the brief was cut to fit (data-text-room), its start and "…". */
const shown = (text: string, room: number | null) => (room === null ? text.replace(/\s+/g, " ").trim() : truncateWords(text, room));
const textRoom = async (page: Page) => {
  const room = await page.locator("article.brief").getAttribute("data-text-room");
  return room === null ? null : Number(room);
};

describe.skipIf(reason !== undefined)("the sales brief of each example segment", () => {
  let site: ExampleSite;
  let server: StaticServer;
  let browser: Browser;
  let segments: { id: string; scheme: string; name: string }[];

  beforeAll(async () => {
    site = await buildExampleSite(makeStartupsVerbose);
    expect(site.result.outDir).toBeDefined();
    server = await serveStatic({ dir: site.outDir, base: BASE });
    browser = await launchChromium();
    segments = site.result.check.workspace.segments.map((s) => ({ id: s.value.id, scheme: s.scheme, name: s.value.name }));
  }, SLOW);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    site?.remove();
  });

  async function open(path: string, width = 1280): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const response = await page.goto(`${server.url}${path}`, { waitUntil: "load" });
    expect(response?.status(), path).toBe(200);
    return page;
  }

  it("covers every segment of the example", () => {
    expect(segments.length).toBe(9);
  });

  it("prints each brief on exactly one A4 page, without the site's header and footer", async () => {
    const pages: string[] = [];
    for (const s of segments) {
      const page = await open(`segments/${s.id}/brief/`);
      // Letter is asked for; the brief's @page rule must win and make it A4.
      const pdf = pdfPages(await page.pdf({ format: "Letter", preferCSSPageSize: true, printBackground: true }));
      pages.push(`${s.id}: ${pdf.objects} page objects, /Count ${pdf.count}`);
      expect(pdf.objects, s.id).toBe(1);
      expect(pdf.count, s.id).toBe(1);
      expect(pdf.box?.[2], s.id).toBeCloseTo(A4.width, 0);
      expect(pdf.box?.[3], s.id).toBeCloseTo(A4.height, 0);
      await page.emulateMedia({ media: "print" });
      const shown = (await page.evaluate(`["header.site-header", "footer.site-footer", "nav#site-nav", "article.brief"].map((q) => getComputedStyle(document.querySelector(q)).display)`)) as string[];
      expect(shown.slice(0, 3), s.id).toEqual(["none", "none", "none"]);
      expect(shown[3], s.id).not.toBe("none");
      await page.close();
    }
    expect(pages).toHaveLength(segments.length);
  }, SLOW);

  it("a segment that writes every text far too long still prints on one page: each text cut with …, the segment page has them whole", async () => {
    const seg = site.result.check.workspace.segments.find((s) => s.value.id === VERBOSE)!.value;
    const page = await open(`segments/${VERBOSE}/brief/`);
    const pdf = pdfPages(await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true }));
    expect([pdf.objects, pdf.count]).toEqual([1, 1]);
    const room = (await textRoom(page))!;
    expect(room).toBeGreaterThan(30);
    const texts = async (q: string) => (await page.locator(`article.brief ${q}`).allInnerTexts()).map((t) => t.trim());
    await expect(page.locator("h1").innerText()).resolves.toBe(`${truncateWords(seg.name, BRIEF_LABEL_TEXT.name)} sales brief`);
    await expect(page.locator(".brief-meta").innerText()).resolves.toContain(BRIEF_CUT_NOTE);
    // Three items of each of the five lists, each cut to the same length at a word, ending in "…".
    const playbook = seg.sales_playbook!;
    const lists = [playbook.signals!, playbook.triggers!, playbook.talking_points!, playbook.discovery_questions!, playbook.proof_points!];
    expect(await texts(".brief-grid ul:not(.brief-personas) li")).toEqual(lists.flatMap((l) => l.slice(0, 3).map((x) => shown(x, room))));
    for (const item of await texts(".brief-grid ul:not(.brief-personas) li")) expect(item.length <= room && item.endsWith("…"), item).toBe(true);
    expect(await texts(".brief-objections dd")).toEqual(playbook.objections!.slice(0, 3).map((o) => shown(o.response, room)));
    expect(await texts(".brief-message")).toEqual([shown(seg.gtm!.messaging!, room)]);
    await expect(page.locator(".brief-more").allInnerTexts()).resolves.toContain("and 3 more on the segment page");
    await page.close();
    // The cut is the brief's alone: the segment page shows every text whole.
    const full = await open(`segments/${VERBOSE}/`);
    const text = (await full.locator("main").innerText()).replace(/\s+/g, " ");
    for (const x of [seg.summary, ...seg.sales_playbook!.signals!, ...seg.sales_playbook!.talking_points!, ...seg.sales_playbook!.objections!.map((o) => o.response)]) {
      expect(text).toContain(x.replace(/\s+/g, " ").trim());
    }
    await full.close();
  }, SLOW);

  it("a brief that would not fit one page is detected: the same page with every list tripled prints on more than one", async () => {
    // The model bounds what a brief holds (three items a list, texts cut to fit by model/brief-fit.ts), which the test above
    // shows fits; this one shows the one-page check can fail: grow the lists past that bound in the browser and print again.
    const page = await open("segments/power-users/brief/");
    await page.evaluate(`for (const list of document.querySelectorAll("article.brief ul, article.brief dl.brief-objections")) list.innerHTML += list.innerHTML + list.innerHTML`);
    const pdf = pdfPages(await page.pdf({ format: "A4", preferCSSPageSize: true }));
    expect(pdf.objects).toBeGreaterThan(1);
    expect(pdf.count).toBe(pdf.objects);
    await page.close();
  }, SLOW);

  it("shows the engine's members, value share and first measured KPI of each segment", async () => {
    const check = site.result.check;
    const config = check.workspace.config?.value;
    let kpis = 0;
    for (const loaded of check.workspace.segments) {
      const metrics = check.data!.engine.schemes.find((m) => m.scheme === loaded.scheme)!.segments.find((m) => m.segment === loaded.value.id)!;
      expect(metrics, loaded.value.id).toBeDefined();
      const page = await open(`segments/${loaded.value.id}/brief/`);
      const number = async (kind: string) => ({
        label: (await page.locator(`[data-number="${kind}"] dt`).textContent())?.trim(),
        value: (await page.locator(`[data-number="${kind}"] .brief-value`).textContent())?.trim(),
      });
      expect((await number("members")).value, loaded.value.id).toBe(metrics.count.toLocaleString("en-US"));
      await expect(page.locator(`[data-number="members"] .brief-note`).textContent()).resolves.toBe(`${percent(metrics.share)} of ${config!.goals.scope.unit}s`);
      expect((await number("value-share")).value, loaded.value.id).toBe(percent(metrics.valueShare!));
      // The first KPI whose metric the data measures, valued from the engine's metrics for this segment.
      const kpi = (loaded.value.gtm?.kpis ?? [])
        .map((k) => ({ k, measure: kpiMeasure(k, config, check.catalog) }))
        .map(({ k, measure }) => ({ k, measure, value: kpiValue(measure, metrics).value }))
        .find((x) => x.value !== null);
      if (kpi) {
        kpis++;
        const shown = await number("kpi");
        expect(shown.label, loaded.value.id).toBe(kpi.k.name);
        // Shares in percent; money (RFM's monetary here) compactly, in the workspace's currency if it sets one.
        const format = kpi.measure.kind === "metric" || kpi.measure.kind === "feature" ? kpi.measure.format : "number";
        const money = (x: number) => (config?.currency ? formatCurrency(x, config.currency) : formatAmount(x));
        expect(shown.value, loaded.value.id).toBe(format === "percent" ? percent(kpi.value!) : format === "currency" ? money(kpi.value!) : kpi.value!.toLocaleString("en-US", { maximumFractionDigits: 2 }));
      }
      await expect(page.locator("[data-number]").count()).resolves.toBe(3);
      await page.close();
    }
    expect(kpis).toBe(segments.length);
  }, SLOW);

  it("writes who they are, how to spot them, what to say, objections and proof points from the segment file", async () => {
    const check = site.result.check;
    for (const loaded of check.workspace.segments) {
      const seg = loaded.value;
      const page = await open(`segments/${seg.id}/brief/`);
      const text = (await page.locator("article.brief").innerText()).replace(/\s+/g, " ");
      // Only the segment written far too long is cut, and SMB, whose definition in words names it ("not already in … Startups
      // and a name: clause 1 …"); every other brief of the example fits whole.
      const room = await textRoom(page);
      expect(room === null, seg.id).toBe(seg.id !== VERBOSE && seg.id !== "smb");
      const has = (x: string) => expect(text, `${seg.id}: ${x}`).toContain(shown(x, room));
      has(seg.summary);
      for (const x of (seg.sales_playbook?.signals ?? []).slice(0, 3)) has(x);
      if (seg.status === "active") {
        has(seg.gtm!.messaging!);
        for (const x of (seg.sales_playbook?.talking_points ?? []).slice(0, 3)) has(x);
        for (const o of (seg.sales_playbook?.objections ?? []).slice(0, 3)) has(o.response);
        for (const x of (seg.sales_playbook?.proof_points ?? []).slice(0, 3)) has(x);
        expect(text, seg.id).not.toContain("Not served.");
        // The example writes everything the brief asks for.
        await expect(page.locator("#brief-missing").count()).resolves.toBe(0);
      } else {
        expect(text, seg.id).toContain("Not served.");
      }
      await page.close();
    }
  }, SLOW);

  it("fits a 390 px phone and is axe clean at 390 and 1280 px", async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
    const problems: string[] = [];
    for (const width of [390, 1280]) {
      for (const id of ["power-users", "hobbyists"]) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
        const page = await context.newPage();
        await page.goto(`${server.url}segments/${id}/brief/`);
        const size = (await page.evaluate("({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })")) as { scroll: number; client: number };
        if (size.scroll > size.client) problems.push(`${width} px ${id}: ${size.scroll} px wide`);
        await page.addScriptTag({ content: axeSource });
        const result = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] })")) as { violations: { id: string }[] };
        for (const v of result.violations) problems.push(`${width} px ${id}: ${v.id}`);
        await context.close();
      }
    }
    expect(problems).toEqual([]);
  }, SLOW);

  it("is in the search index, found by its objections", () => {
    const index = JSON.parse(readFileSync(join(site.outDir, "search.json"), "utf8")) as { t: string; u: string; k: string; x: string }[];
    const briefs = index.filter((e) => e.k === "Segment · Sales brief");
    expect(briefs.map((e) => e.u).sort()).toEqual(segments.map((s) => `/segments/${s.id}/brief/`).sort());
    const enterprise = site.result.check.workspace.segments.find((s) => s.value.id === "enterprise")!.value;
    const objection = enterprise.sales_playbook!.objections![0]!.objection.toLowerCase();
    expect(briefs.find((e) => e.u === "/segments/enterprise/brief/")!.x).toContain(objection);
  });

  it("is linked from the segment page, which lists every signal and talking point", async () => {
    const page = await open("segments/smb/");
    const smb = site.result.check.workspace.segments.find((s) => s.value.id === "smb")!.value;
    const playbook = (await page.locator("section[aria-labelledby=sales]").innerText()).replace(/\s+/g, " ");
    for (const x of [...smb.sales_playbook!.signals!, ...smb.sales_playbook!.talking_points!]) expect(playbook).toContain(x);
    await page.getByRole("link", { name: "Sales brief", exact: true }).click();
    await page.waitForURL(/\/playbook\/segments\/smb\/brief\/(index\.html)?$/);
    await expect(page.locator("h1").innerText()).resolves.toContain("Mid-sized Businesses");
    await page.close();
  }, SLOW);
});
