/**
 * The Data page of the example workspace (the repository root, plus one
 * declared metric on NPS so a feature with missing values is compared on the
 * segment pages), built once with the real engine and a real Astro build. The
 * expected rows, dates and coverage are counted here with DuckDB straight from
 * the files in data/, and the labels read from segmentation.yaml: never from
 * the page model.
 */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { builtPage, sectionText, tableById, textOf } from "../../support/built-html.ts";
import { buildWorkspaceSite, type WorkspaceSite } from "./support/workspace-site.ts";

const EXAMPLE = resolve(import.meta.dirname, "../../..");
const SLOW = 900_000;
const count = (n: number) => n.toLocaleString("en-US");
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

interface Written {
  sources: Record<string, { path: string; kind: string; timestamp?: string; filter?: string }>;
  features: Record<string, { label?: string }>;
}

const config = parse(readFileSync(join(EXAMPLE, "segmentation.yaml"), "utf8")) as Written;

/** Each source's rows (after its filter) and dates, and each declared feature's members with a value, counted from the files. */
const FILTERS: Record<string, string> = { invoices: "status = 'paid'" };
const WITH_VALUE: Record<string, string> = {
  nps: "SELECT count(DISTINCT a.account_id) AS n FROM accounts a JOIN surveys s USING (account_id) WHERE s.nps IS NOT NULL",
  industry: "SELECT count(*) AS n FROM accounts WHERE industry_raw IS NOT NULL",
  company_size: "SELECT count(*) AS n FROM accounts WHERE employees IS NOT NULL",
};

describe("the data dictionary of the example", () => {
  let site: WorkspaceSite;
  let db: DuckDBConnection;
  let html: string;
  const one = async (sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJson()[0]!;

  beforeAll(async () => {
    site = await buildWorkspaceSite({ from: EXAMPLE, files: {}, today: "2026-11-01" });
    expect(site.result.outDir, site.result.check.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.file}:${d.line} ${d.message}`).join("\n")).toBeDefined();
    html = builtPage(site.outDir, "data");
    db = await (await DuckDBInstance.create(":memory:")).connect();
    for (const [name, source] of Object.entries(config.sources)) {
      await db.run(`CREATE TABLE ${name} AS SELECT * FROM read_csv('${join(EXAMPLE, source.path)}', header = true)${FILTERS[name] ? ` WHERE ${FILTERS[name]}` : ""}`);
    }
  }, SLOW);
  afterAll(() => {
    db?.closeSync();
    site?.remove();
  });

  it("lists every source with its file, its rows and, when timestamped, its dates", async () => {
    for (const [name, source] of Object.entries(config.sources)) {
      const text = sectionText(html, `source-${name}`);
      const { rows, oldest, newest } = await one(
        `SELECT count(*) AS rows${source.timestamp ? `, strftime(min(CAST(${source.timestamp} AS DATE)), '%Y-%m-%d') AS oldest, strftime(max(CAST(${source.timestamp} AS DATE)), '%Y-%m-%d') AS newest` : ""} FROM ${name}`,
      );
      expect(Number(rows), `${name} has rows`).toBeGreaterThan(0);
      expect(text, `${name}: file and kind`).toContain(`${name} · ${source.kind} · ${source.path}`);
      expect(text, `${name}: rows`).toMatch(new RegExp(`Rows ${count(Number(rows))}\\b`));
      if (source.timestamp) expect(text, `${name}: dates`).toContain(`Dates ${String(oldest)} to ${String(newest)}`);
      else expect(text, `${name} has no dates`).not.toContain("Dates");
    }
    // The filter is shown with the rows it dropped.
    const { read } = await one(`SELECT count(*) AS read FROM read_csv('${join(EXAMPLE, config.sources.invoices!.path)}', header = true)`);
    expect(sectionText(html, "source-invoices")).toContain(`of ${count(Number(read))} in the file, kept where status = 'paid'`);
  });

  it("lists every declared feature with its label and the share of accounts with a value", async () => {
    const { members } = await one("SELECT count(*) AS members FROM accounts");
    const table = tableById(html, "features-table");
    const names = Object.keys(config.features);
    expect(table.rows.slice(0, names.length).map((r) => r[1])).toEqual(names);
    let partial = 0;
    for (const [i, name] of names.entries()) {
      const label = config.features[name]!.label;
      expect(label, `${name} has a label in the example`).toBeDefined();
      const values = WITH_VALUE[name] ? Number((await one(WITH_VALUE[name])).n) : Number(members);
      if (values < Number(members)) partial++;
      expect(table.rows[i]![0], `${name}: label`).toBe(label);
      expect(table.rows[i]![3], `${name}: coverage`).toBe(percent(values / Number(members)));
      const entry = sectionText(html, `feature-${name}`);
      expect(entry.startsWith(`${label} · ${name}`), `${name}: entry heading`).toBe(true);
      expect(entry, `${name}: coverage in full`).toContain(`Coverage ${count(values)} of ${count(Number(members))} accounts have a value (${percent(values / Number(members))})`);
      expect(entry, `${name}: as written`).toContain(`As written in segmentation.yaml ${name}:`);
    }
    expect(partial, "some features miss values").toBe(3);
  });

  it("says which segments, KPIs and hypotheses use a feature", () => {
    const tickets = sectionText(html, "feature-tickets_90d");
    expect(tickets).toMatch(/Segments Struggling Accounts/);
    expect(tickets).toContain("Formula Number of tickets rows per account, in the 90 days before the as-of date");
    expect(tickets).toMatch(/Hypotheses .*support tickets/);
    expect(sectionText(html, "feature-nps")).toMatch(/Metrics Average NPS \( ?average_nps ?\)/);
  });

  it("labels the metrics of a segment page and links each to its dictionary entry", () => {
    const page = builtPage(site.outDir, "segments/power-users");
    const table = tableById(page, "metrics-table");
    const cells = [...page.matchAll(/<tr>\s*<th scope="row"><a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => ({ href: m[1]!, label: textOf(m[2]!) }));
    const comparisons = site.result.check.data!.engine.schemes.find((s) => s.scheme === "lifecycle")!.segments.find((s) => s.segment === "power-users")!.comparisons;
    expect(table.rows).toHaveLength(comparisons.length);
    for (const c of comparisons) {
      // Links are relative (the site opens from disk too): segments/power-users/ → ../../data/.
      const cell = cells.find((x) => x.href === `../../data/index.html#feature-${c.feature}`);
      expect(cell, `${c.feature} links to its entry`).toBeDefined();
      expect(html, `the Data page has an entry for ${c.feature}`).toContain(`id="feature-${c.feature}"`);
      const label = config.features[c.feature]?.label;
      if (label) expect(cell!.label).toBe(label);
      expect(cell!.label, `${c.feature} is not shown by its id`).not.toBe(c.feature);
    }
    // NPS: only those who answered a survey have one, and the page says how many of the segment do.
    const size = site.lockJson.schemes.lifecycle!.segments["power-users"]!.count;
    const nps = comparisons.find((c) => c.feature === "nps")!;
    expect(nps.segment.n).toBeLessThan(size);
    const row = table.rows.find((r) => r[0]!.startsWith("NPS"))!;
    expect(row[0]).toContain(`${count(nps.segment.n)} of ${count(size)} have a value`);
    expect(table.rows.filter((r) => r[0]!.includes("have a value"))).toHaveLength(comparisons.filter((c) => c.segment.n < size).length);
  });

  it("is in the navigation and the search index", () => {
    expect(builtPage(site.outDir, "")).toMatch(/<nav class="site-nav"[^>]*>(?:(?!<\/nav>)[\s\S])*<a href="data\/index.html"[^>]*>Data<\/a>/);
    const index = JSON.parse(readFileSync(join(site.outDir, "search.json"), "utf8")) as { t: string; u: string; k: string }[];
    expect(index).toContainEqual(expect.objectContaining({ t: "Data", u: "/data/" }));
    expect(index).toContainEqual(expect.objectContaining({ t: config.features.nps!.label, u: "/data/#feature-nps", k: "Feature" }));
  });
});
