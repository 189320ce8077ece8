/**
 * The Impact page of the example, against an independent computation. The
 * example's generator gives occasional accounts a retention campaign from the
 * launch date (2026-06-01) and struggling accounts a surge of tickets late in
 * the year; the workspace compares the 90 days before the launch with the 90
 * days after. This test builds the example with the real engine and a real
 * Astro build, then recomputes the same windows by hand in DuckDB straight from
 * the CSV files: the lifecycle segments as of the launch day (their rules
 * written out here), the compared members (a dated row before the first
 * window), each measure per member in both windows, and Welch's t and Cohen's d
 * by formula. The page's figures (data-* attributes and visible text) must
 * equal them, and `seg check` must report the struggling segment's tickets KPI,
 * which should decrease, as moved the wrong way.
 */
import { resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtPage, textOf } from "../../support/built-html.ts";
import { buildWorkspaceSite, type WorkspaceSite } from "./support/workspace-site.ts";

const EXAMPLE = resolve(import.meta.dirname, "../../..");
const SLOW = 900_000;
const LAUNCH = "2026-06-01";
const BEFORE = "2026-03-03";
const AFTER_END = "2026-08-30";

/** Per member: lifecycle segment on the launch day, and each measure in both windows. Written from the CSV files alone. */
const INDEPENDENT = `
WITH ev AS (SELECT account_id, CAST(occurred_at AS TIMESTAMP) AS ts, event_type FROM read_csv('data/events.csv.gz', all_varchar = true)),
tk AS (SELECT account_id, CAST(opened_at AS TIMESTAMP) AS ts FROM read_csv('data/tickets.csv', all_varchar = true)),
inv AS (SELECT account_id, CAST(invoice_date AS TIMESTAMP) AS ts, CAST(amount_usd AS DOUBLE) AS amount FROM read_csv('data/invoices.csv.gz', all_varchar = true) WHERE status = 'paid'),
sv AS (SELECT account_id, CAST(answered_at AS TIMESTAMP) AS ts FROM read_csv('data/surveys.csv', all_varchar = true)),
acc AS (SELECT account_id, TRY_CAST(churned_on AS TIMESTAMP) AS churned_on FROM read_csv('data/accounts.csv', all_varchar = true)),
seen AS (
  SELECT account_id FROM ev WHERE ts < TIMESTAMP '${BEFORE}' UNION SELECT account_id FROM tk WHERE ts < TIMESTAMP '${BEFORE}'
  UNION SELECT account_id FROM inv WHERE ts < TIMESTAMP '${BEFORE}' UNION SELECT account_id FROM sv WHERE ts < TIMESTAMP '${BEFORE}'
),
at_launch AS (
  SELECT a.account_id,
    (SELECT count(DISTINCT CAST(ts AS DATE)) FROM ev WHERE ev.account_id = a.account_id AND ts >= TIMESTAMP '${BEFORE}' AND ts < TIMESTAMP '${LAUNCH}') AS days,
    (SELECT count(DISTINCT event_type) FROM ev WHERE ev.account_id = a.account_id AND ts >= TIMESTAMP '${BEFORE}' AND ts < TIMESTAMP '${LAUNCH}') AS kinds,
    (SELECT count(*) FROM ev WHERE ev.account_id = a.account_id AND event_type = 'workflow_run' AND ts >= TIMESTAMP '${BEFORE}' AND ts < TIMESTAMP '${LAUNCH}') AS runs,
    (SELECT count(*) FROM tk WHERE tk.account_id = a.account_id AND ts >= TIMESTAMP '${BEFORE}' AND ts < TIMESTAMP '${LAUNCH}') AS tickets
  FROM acc a
),
window_values AS (
  SELECT a.account_id,
    (SELECT count(DISTINCT CAST(ts AS DATE)) FROM ev WHERE ev.account_id = a.account_id AND ts >= TIMESTAMP '${BEFORE}' AND ts < TIMESTAMP '${LAUNCH}') AS days_before,
    (SELECT count(DISTINCT CAST(ts AS DATE)) FROM ev WHERE ev.account_id = a.account_id AND ts >= TIMESTAMP '${LAUNCH}' AND ts < TIMESTAMP '${AFTER_END}') AS days_after,
    (SELECT count(*) FROM tk WHERE tk.account_id = a.account_id AND ts >= TIMESTAMP '${BEFORE}' AND ts < TIMESTAMP '${LAUNCH}') AS tickets_before,
    (SELECT count(*) FROM tk WHERE tk.account_id = a.account_id AND ts >= TIMESTAMP '${LAUNCH}' AND ts < TIMESTAMP '${AFTER_END}') AS tickets_after,
    (SELECT coalesce(sum(amount), 0) FROM inv WHERE inv.account_id = a.account_id AND ts >= TIMESTAMP '${BEFORE}' AND ts < TIMESTAMP '${LAUNCH}') AS revenue_before,
    (SELECT coalesce(sum(amount), 0) FROM inv WHERE inv.account_id = a.account_id AND ts >= TIMESTAMP '${LAUNCH}' AND ts < TIMESTAMP '${AFTER_END}') AS revenue_after,
    CASE WHEN a.churned_on < TIMESTAMP '${BEFORE}' THEN NULL WHEN a.churned_on < TIMESTAMP '${LAUNCH}' THEN 1 ELSE 0 END AS churned_before,
    CASE WHEN a.churned_on < TIMESTAMP '${LAUNCH}' THEN NULL WHEN a.churned_on < TIMESTAMP '${AFTER_END}' THEN 1 ELSE 0 END AS churned_after
  FROM acc a
)
SELECT w.*,
  CASE
    WHEN l.days >= 40 AND l.kinds >= 5 THEN 'power-users'
    WHEN l.days < 3 OR (l.tickets >= 3 AND l.days < 12) THEN 'struggling'
    WHEN l.days >= 14 AND l.runs >= 15 THEN 'task-completers'
    ELSE 'occasional'
  END AS lifecycle
FROM window_values w JOIN at_launch l USING (account_id) WHERE w.account_id IN (SELECT account_id FROM seen)`;

interface Moments {
  n: number;
  mean: number;
  variance: number;
}
interface Expected {
  before: Moments;
  after: Moments;
  change: Moments;
}
const MEASURES = { active_days_90d: "days", tickets_90d: "tickets", revenue: "revenue", churned: "churned" } as const;
type Measure = keyof typeof MEASURES;

function welch(a: Moments, b: Moments): { t: number; d: number } {
  const t = (a.mean - b.mean) / Math.sqrt(a.variance / a.n + b.variance / b.n);
  const pooled = Math.sqrt(((a.n - 1) * a.variance + (b.n - 1) * b.variance) / (a.n + b.n - 2));
  return { t, d: (a.mean - b.mean) / pooled };
}

/** The data-* attributes of the row for `measure` in the table for `segment` (or the population table). */
function rowAttributes(html: string, table: string, measure: string): Record<string, number> {
  const start = html.indexOf(table);
  expect(start, `no table ${table}`).toBeGreaterThan(0);
  const body = html.slice(start, html.indexOf("</table>", start));
  const row = new RegExp(`<tr\\b[^>]*data-measure="${measure}"[^>]*>([\\s\\S]*?)</tr>`).exec(body);
  expect(row, `no row ${measure} in ${table}`).not.toBeNull();
  return Object.fromEntries([...row![1]!.matchAll(/data-([a-z-]+)="([^"]*)"/g)].filter(([, , v]) => v !== "" && !Number.isNaN(Number(v))).map(([, k, v]) => [k!, Number(v)]));
}

function rowText(html: string, table: string, measure: string): string {
  const start = html.indexOf(table);
  const body = html.slice(start, html.indexOf("</table>", start));
  return textOf(new RegExp(`<tr\\b[^>]*data-measure="${measure}"[^>]*>([\\s\\S]*?)</tr>`).exec(body)![1]!);
}

describe("the example's Impact page equals an independent computation of the same windows", () => {
  let site: WorkspaceSite;
  let html = "";
  const expected = new Map<string, Expected>();
  const cohort = { n: 0 };
  beforeAll(async () => {
    site = await buildWorkspaceSite({ from: EXAMPLE, today: "2026-11-01" });
    expect(site.result.outDir).toBeDefined();
    html = builtPage(site.outDir, "impact/");
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    try {
      await connection.run(`SET file_search_path = '${site.root.replaceAll("'", "''")}'`);
      await connection.run(`CREATE TABLE m AS ${INDEPENDENT}`);
      cohort.n = Number((await connection.runAndReadAll("SELECT count(*) AS n FROM m")).getRowObjectsJS()[0]!.n);
      for (const [measure, column] of Object.entries(MEASURES)) {
        const stats = (x: string) => `count(${x}) AS n_${x.replace(/\W/g, "")}, avg(${x}) AS m_${x.replace(/\W/g, "")}, var_samp(${x}) AS v_${x.replace(/\W/g, "")}`;
        const cols = `${stats(`${column}_before`)}, ${stats(`${column}_after`)}, ${stats(`(${column}_after - ${column}_before)`)}`;
        const groups = [
          ...(await connection.runAndReadAll(`SELECT lifecycle AS g, ${cols} FROM m GROUP BY 1`)).getRowObjectsJS(),
          ...(await connection.runAndReadAll(`SELECT 'not-' || s.lifecycle AS g, ${cols} FROM m, (SELECT DISTINCT lifecycle FROM m) s WHERE m.lifecycle <> s.lifecycle GROUP BY 1`)).getRowObjectsJS(),
          ...(await connection.runAndReadAll(`SELECT 'everyone' AS g, ${cols} FROM m`)).getRowObjectsJS(),
        ];
        for (const row of groups) {
          const read = (suffix: string): Moments => ({ n: Number(row[`n_${suffix}`]), mean: Number(row[`m_${suffix}`]), variance: Number(row[`v_${suffix}`]) });
          expected.set(`${String(row.g)}|${measure}`, { before: read(`${column}_before`), after: read(`${column}_after`), change: read(`${column}_after${column}_before`) });
        }
      }
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  }, SLOW);
  afterAll(() => site?.remove());

  it("is in the navigation and names the windows and the compared members", () => {
    expect(builtPage(site.outDir, "")).toContain('<a href="impact/index.html">Impact</a>');
    expect(textOf(html)).toContain(`${BEFORE} to the day before ${LAUNCH}`);
    expect(textOf(html)).toContain(`${LAUNCH} to the day before ${AFTER_END}`);
    expect(html).toContain(`data-cohort="${cohort.n}"`);
  });

  it("shows everyone's before and after as computed by hand", () => {
    for (const measure of Object.keys(MEASURES) as Measure[]) {
      const e = expected.get(`everyone|${measure}`)!;
      const a = rowAttributes(html, `data-impact-population="${LAUNCH}"`, measure);
      expect(a["n-before"]).toBe(e.before.n);
      expect(a.before).toBeCloseTo(e.before.mean, 9);
      expect(a.after).toBeCloseTo(e.after.mean, 9);
    }
  });

  it.each(["occasional", "power-users", "struggling", "task-completers"])("shows %s's measures before and after, their test, everyone else's change and the difference", (segment) => {
    const table = `data-impact-segment="lifecycle/${segment}"`;
    for (const measure of ["active_days_90d", "tickets_90d", "revenue", "churned"] as Measure[]) {
      if (segment !== "occasional" && segment !== "struggling" && measure === "active_days_90d") continue; // a KPI of those two only
      const e = expected.get(`${segment}|${measure}`)!;
      const rest = expected.get(`not-${segment}|${measure}`)!;
      const a = rowAttributes(html, table, measure);
      expect(a["n-before"], measure).toBe(e.before.n);
      expect(a["n-after"], measure).toBe(e.after.n);
      expect(a.before, measure).toBeCloseTo(e.before.mean, 9);
      expect(a.after, measure).toBeCloseTo(e.after.mean, 9);
      expect(a.change, measure).toBeCloseTo(e.after.mean - e.before.mean, 9);
      expect(a["rest-change"], measure).toBeCloseTo(rest.after.mean - rest.before.mean, 6);
      expect(a.did, measure).toBeCloseTo(e.after.mean - e.before.mean - (rest.after.mean - rest.before.mean), 6);
      if (measure === "churned") continue; // shares: a z-test, checked below
      if (e.before.variance === 0 && e.after.variance === 0) continue;
      const { t, d } = welch(e.after, e.before);
      expect(a.statistic, measure).toBeCloseTo(t, 6);
      expect(a.effect, measure).toBeCloseTo(d, 6);
    }
  });

  it("tests churn as two proportions", () => {
    const e = expected.get("struggling|churned")!;
    const a = rowAttributes(html, 'data-impact-segment="lifecycle/struggling"', "churned");
    const [pa, pb] = [e.after.mean, e.before.mean];
    const pooled = (pa * e.after.n + pb * e.before.n) / (e.after.n + e.before.n);
    const z = (pa - pb) / Math.sqrt(pooled * (1 - pooled) * (1 / e.after.n + 1 / e.before.n));
    expect(a.statistic).toBeCloseTo(z, 6);
  });

  it("finds the campaign: occasional accounts' active days rose more than everyone else's", () => {
    const e = expected.get("occasional|active_days_90d")!;
    const rest = expected.get("not-occasional|active_days_90d")!;
    const did = e.after.mean - e.before.mean - (rest.after.mean - rest.before.mean);
    expect(did).toBeGreaterThan(1);
    expect(html).toMatch(/data-impact-segment="lifecycle\/occasional"[\s\S]*?<tr\b[^>]*data-measure="active_days_90d" data-verdict="improved"/);
    const text = rowText(html, 'data-impact-segment="lifecycle/occasional"', "active_days_90d");
    expect(text).toContain(e.before.mean.toLocaleString("en-US", { maximumFractionDigits: 2 }));
    expect(text).toContain(e.after.mean.toLocaleString("en-US", { maximumFractionDigits: 2 }));
    expect(text).toContain("rose more than everyone else's");
  });

  it("reports the struggling segment's tickets KPI as moved the wrong way, at the KPI's line", () => {
    const e = expected.get("struggling|tickets_90d")!;
    const findings = site.result.check.diagnostics.filter((d) => d.ruleId === "kpi-wrong-way");
    expect(findings.map((f) => `${f.file}:${f.line}`)).toEqual(["segments/lifecycle/struggling.yaml:74"]);
    expect(findings[0]!.severity).toBe("info");
    expect(findings[0]!.message).toContain(`should decrease but rose from ${e.before.mean.toFixed(2)} to ${e.after.mean.toFixed(2)} per member`);
    expect(html).toMatch(/data-impact-segment="lifecycle\/struggling"[\s\S]*?<tr\b[^>]*data-measure="tickets_90d" data-verdict="worsened"/);
  });

  it("puts the same table on the segment page", () => {
    const page = builtPage(site.outDir, "segments/occasional/");
    const a = rowAttributes(page, 'data-impact-segment="lifecycle/occasional"', "active_days_90d");
    expect(a.before).toBeCloseTo(expected.get("occasional|active_days_90d")!.before.mean, 9);
  });
});
