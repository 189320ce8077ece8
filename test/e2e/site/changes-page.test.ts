/**
 * The Changes page from a real git history: a small workspace kept in git,
 * three commits of segments.lock.json written by `seg lock` after the
 * definitions changed (a threshold raised, then a segment added and the
 * threshold lowered), and a fourth commit whose lock is not JSON. `seg build`
 * runs once; the expected figures come from `git show <rev>:segments.lock.json`
 * parsed as plain JSON in this file, never from Seg's page model. The same
 * built page is then opened in Chromium at 390 and 1280 px: the figures read
 * as the reader sees them, the document no wider than the screen, the charts
 * loaded with text of at least 11 px.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { builtPage, tableById, textOf } from "../../support/built-html.ts";
import { runSeg } from "../../support/run-seg.ts";
import { serveStatic, type StaticServer } from "../../../src/site/serve-static.ts";
import { launchChromium, skipReason } from "./support/chromium.ts";
import { BASE_FILES, BASE_SEGMENT, tempWorkspace, type TempWorkspace } from "../../support/temp-workspace.ts";

/** Ten accounts, A0 active on 0 days … A9 on 9 distinct days of the 90 before 2026-11-01. */
const ACCOUNTS = `account_id,employees,region,plan\n${Array.from({ length: 10 }, (_, i) => `A${i},${10 + i},EMEA,free`).join("\n")}\n`;
const EVENTS = `account_id,occurred_at,event_type\n${Array.from({ length: 10 }, (_, i) => Array.from({ length: i }, (_, d) => `A${i},2026-10-${String(d + 1).padStart(2, "0")} 10:00:00,login`)).flat().join("\n")}\n`;

const heavy = (days: number) => BASE_SEGMENT.replace("active_days_90d >= 40", `active_days_90d >= ${days}`);
const LIGHT = `id: light
name: Light users
summary: Accounts active a few days.
status: active
approach: behavioral
definition:
  where: active_days_90d >= 1 and active_days_90d < 4
scores: { size: 3, fit: 2 }
`;

interface LockJson {
  hashes: { segments: Record<string, string> };
  schemes: Record<string, { population: number; unassigned: { count: number }; segments: Record<string, { count: number; share: number }> }>;
}

let ws: TempWorkspace;
const revisions: { sha: string; subject: string; date: string; lock: LockJson }[] = [];
let brokenSha = "";
let html = "";

function git(...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=Seg Test", "-c", "user.email=seg@example.com", "-c", "commit.gpgsign=false", ...args], { cwd: ws.root, encoding: "utf8" });
}

function commitLock(subject: string, date: string): void {
  const run = runSeg(["lock"], { cwd: ws.root });
  expect(run.status, run.stderr).toBe(0);
  git("add", "-A");
  execFileSync("git", ["-c", "user.name=Seg Test", "-c", "user.email=seg@example.com", "-c", "commit.gpgsign=false", "commit", "-q", "-m", subject], {
    cwd: ws.root,
    env: { ...process.env, GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` },
  });
  const sha = git("rev-parse", "HEAD").trim();
  // The expectation, straight from git: the committed lock parsed as JSON.
  revisions.push({ sha, subject, date, lock: JSON.parse(git("show", `${sha}:segments.lock.json`)) as LockJson });
}

beforeAll(() => {
  ws = tempWorkspace({ "data/accounts.csv": ACCOUNTS, "data/events.csv": EVENTS, "segments/usage/heavy.yaml": heavy(5), ".gitignore": ".cache/\ndist/\n" }, BASE_FILES);
  git("init", "-q", "-b", "main");
  commitLock("Heavy users from five active days", "2026-09-01");
  ws.write("segments/usage/heavy.yaml", heavy(7));
  commitLock("Raise the heavy-user bar to seven days", "2026-10-01");
  ws.write("segments/usage/heavy.yaml", heavy(3));
  ws.write("segments/usage/light.yaml", LIGHT);
  commitLock("Add light users; heavy from three days", "2026-11-01");
  // A later commit whose lock is broken: listed as skipped, never read as figures.
  const good = readFileSync(join(ws.root, "segments.lock.json"), "utf8");
  writeFileSync(join(ws.root, "segments.lock.json"), "{ not json");
  git("add", "-A");
  git("commit", "-q", "-m", "A broken lock");
  brokenSha = git("rev-parse", "HEAD").trim();
  writeFileSync(join(ws.root, "segments.lock.json"), good);
  git("add", "-A");
  git("commit", "-q", "-m", "Restore the lock");
  const run = runSeg(["build"], { cwd: ws.root, env: { ASTRO_TELEMETRY_DISABLED: "1" } });
  expect(run.status, run.stderr).toBe(0);
  html = builtPage(join(ws.root, "dist"), "changes/");
}, 600_000);

// SEG_KEEP_SITE=1 keeps the workspace and its built site for a look after the tests.
afterAll(() => (process.env.SEG_KEEP_SITE ? console.warn(`kept ${ws.root}`) : ws?.remove()));

const count = (lock: LockJson, id: string) => lock.schemes.usage?.segments[id]?.count;

describe("the Changes page", () => {
  it("the three lock revisions differ, so the page has something to show", () => {
    expect(revisions.map((r) => count(r.lock, "heavy"))).toEqual([5, 3, 7]);
    expect(count(revisions[2]!.lock, "light")).toBeGreaterThan(0);
  });

  it("lists each version that changed the lock with its date, commit, subject and each segment's members", () => {
    const table = tableById(html, "changes-members-1");
    expect(table.head.slice(1)).toEqual(["Heavy users", "Light users", "In no segment"]);
    // Four readable versions: the three locks and the restored one (the same figures as the third).
    const expected = [...revisions, { ...revisions[2]!, subject: "Restore the lock" }];
    expect(table.rows).toHaveLength(expected.length);
    table.rows.forEach((row, i) => {
      const r = expected[i]!;
      expect(row[0]).toContain(r.subject);
      if (i < 3) expect(row[0]).toContain(r.date);
      const cell = (id: string) => {
        const s = r.lock.schemes.usage!.segments[id];
        return s === undefined ? "—" : `${s.count} ${(s.share * 100).toFixed(1)}%`;
      };
      expect(row[1]).toBe(cell("heavy"));
      expect(row[2]).toBe(cell("light"));
      expect(row[3]).toBe(String(r.lock.schemes.usage!.unassigned.count));
    });
  });

  it("names the definitions that changed per commit and how many members moved, computed from the committed locks", () => {
    const table = tableById(html, "changes-moves");
    const rows = new Map(table.rows.map((row) => [row[0]!, row]));
    const rowOf = (subject: string) => [...rows.entries()].find(([head]) => head.includes(subject))![1];
    for (let i = 1; i < revisions.length; i++) {
      const before = revisions[i - 1]!.lock;
      const after = revisions[i]!.lock;
      const row = rowOf(revisions[i]!.subject);
      // Definitions whose hash changed or that appeared, by hand from the two locks.
      const changed = Object.keys(after.hashes.segments).filter((k) => before.hashes.segments[k] !== after.hashes.segments[k]);
      expect(changed.length).toBeGreaterThan(0);
      for (const key of changed) expect(row[1]).toContain(key === "usage/heavy" ? "Heavy users (changed)" : "Light users (added)");
      // Members gained or lost per segment, and the members that changed segment at least (population is constant here).
      const segments = new Set([...Object.keys(before.schemes.usage!.segments), ...Object.keys(after.schemes.usage!.segments)]);
      let gained = Math.max(0, after.schemes.usage!.unassigned.count - before.schemes.usage!.unassigned.count);
      for (const id of segments) {
        const delta = (count(after, id) ?? 0) - (count(before, id) ?? 0);
        gained += Math.max(0, delta);
        const name = id === "heavy" ? "Heavy users" : "Light users";
        if (delta !== 0) expect(row[2]).toContain(`${name} ${delta > 0 ? "+" : "−"}${Math.abs(delta)}`);
      }
      expect(after.schemes.usage!.population).toBe(before.schemes.usage!.population);
      expect(row[3]).toBe(String(gained));
    }
    expect(rowOf("Raise the heavy-user bar")[3]).toBe("2");
    // The changed rule itself, read from the segment file at both commits.
    const where = (sha: string) => (parse(git("show", `${sha}:segments/usage/heavy.yaml`)) as { definition: { where: string } }).definition.where;
    expect(rowOf("Raise the heavy-user bar")[1]).toContain(`Heavy users: definition.where from ${where(revisions[0]!.sha)} to ${where(revisions[1]!.sha)}`);
    expect(rowOf("Add light users")[1]).toContain(`Heavy users: definition.where from ${where(revisions[1]!.sha)} to ${where(revisions[2]!.sha)}`);
    expect(rowOf("Restore the lock")[1]).toBe("Nothing in the definitions, settings or data");
    expect(rowOf(revisions[0]!.subject)[1]).toBe("First committed version");
  });

  it("lists the unreadable version as skipped, with why", () => {
    const text = textOf(html);
    expect(text).toContain("Versions skipped");
    expect(html).toContain(`data-skipped="${brokenSha}"`);
    expect(text).toMatch(/A broken lock: skipped not valid JSON/);
  });

  it("charts the members per segment, and each segment page has its trend chart with a text alternative", () => {
    expect(html).toMatch(/<img src="[^"]*charts\/changes-members-1\.svg"[^>]*alt="Line chart with one line per segment of the Usage scheme/);
    const segment = builtPage(join(ws.root, "dist"), "segments/heavy/");
    const alt = /<img src="[^"]*charts\/segment-heavy-trend\.svg"[^>]*alt="([^"]*)"/.exec(segment)?.[1];
    expect(alt).toContain(`It went from ${count(revisions[0]!.lock, "heavy")} (`);
    expect(alt).toContain(`to ${count(revisions[2]!.lock, "heavy")} (`);
    expect(textOf(segment)).toContain("Members of Heavy users over time");
    expect(existsSync(join(ws.root, "dist/charts/segment-heavy-trend.svg"))).toBe(true);
  });

  it("is in the navigation", () => {
    expect(builtPage(join(ws.root, "dist"), "")).toMatch(/<nav class="site-nav"[^>]*>(?:(?!<\/nav>)[\s\S])*href="changes\/index.html"[^>]*>Changes<\/a>/);
  });
});

const browserSkip = skipReason();

describe.skipIf(browserSkip !== undefined)("the Changes page in Chromium", () => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await serveStatic({ dir: join(ws.root, "dist") });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const width of [390, 1280]) {
    it(`shows each committed version's figures, fits the screen and charts with text of at least 11 px at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const response = await page.goto(`${server.url}changes/`, { waitUntil: "load" });
      expect(response?.status()).toBe(200);
      // The document is no wider than the screen; a wide table scrolls inside its labelled frame.
      const size = (await page.evaluate("({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })")) as { scroll: number; client: number };
      expect(size.scroll).toBeLessThanOrEqual(size.client);
      // The members table as rendered: one row per readable version, each segment's count and share from the committed lock.
      const rows = (await page.locator("#changes-members-1 tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c as unknown as { innerText: string }).innerText.replace(/\s+/g, " ").trim())))) as string[][];
      const expected = [...revisions, revisions[2]!];
      expect(rows).toHaveLength(expected.length);
      rows.forEach((row, i) => {
        const usage = expected[i]!.lock.schemes.usage!;
        for (const [column, id] of [[1, "heavy"], [2, "light"]] as const) {
          const s = usage.segments[id];
          expect(row[column], `${i} ${id}`).toBe(s === undefined ? "—" : `${s.count} ${(s.share * 100).toFixed(1)}%`);
        }
        expect(row[3]).toBe(String(usage.unassigned.count));
      });
      // Every figure in the table can be reached: the frame scrolls to its last column when it is wider than the screen.
      const frame = page.locator(".table-wrap", { has: page.locator("#changes-members-1") });
      await frame.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
      const last = await page.locator("#changes-members-1 tbody tr").first().locator("td").last().boundingBox();
      expect(last).not.toBeNull();
      expect(last!.x + last!.width).toBeLessThanOrEqual(width + 0.5);
      // Charts: loaded, and their smallest text at least 11 px as displayed.
      const images = (await page.locator("figure.chart img").evaluateAll((imgs) => imgs.map((img) => ({ src: (img as unknown as { currentSrc: string }).currentSrc, natural: (img as unknown as { naturalWidth: number }).naturalWidth, shown: img.getBoundingClientRect().width })))) as { src: string; natural: number; shown: number }[];
      expect(images.length).toBeGreaterThan(0);
      for (const image of images) {
        expect(image.natural, image.src).toBeGreaterThan(0);
        const svg = await (await fetch(image.src)).text();
        const svgWidth = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
        const fonts = [...svg.matchAll(/font-size="([\d.]+)px"/g)].map((m) => Number(m[1]));
        expect(fonts.length, image.src).toBeGreaterThan(0);
        expect((Math.min(...fonts) * image.shown) / svgWidth, image.src).toBeGreaterThanOrEqual(11 - 0.01);
      }
      // The versions figure counts the readable versions.
      await expect(page.locator('[data-figure="versions"] .value').innerText()).resolves.toBe(String(expected.length));
      await context.close();
    }, 120_000);
  }
});
