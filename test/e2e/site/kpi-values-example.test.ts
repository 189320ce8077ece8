/**
 * Every KPI of the example that names a metric or feature has a current value,
 * and it equals an independent DuckDB query over data/*.csv for the members
 * `seg export` puts in the segment: the churn share (accounts with churned_on),
 * the mean NPS answer and high/urgent tickets in the 90 days before as_of — the
 * KPIs that read "—" before. The overview shows each declared metric over the
 * whole population with the same independent figure.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSegments } from "../../../src/site/model/segment-pages.ts";
import { runSeg } from "../../support/run-seg.ts";
import { buildWorkspaceSite, type WorkspaceSite } from "./support/workspace-site.ts";

const EXAMPLE = resolve(import.meta.dirname, "../../..");
const SLOW = 900_000;
const AS_OF = "2026-11-01";

/** Per member, straight from the CSV files: churned, mean NPS answer, urgent tickets in the last 90 days. */
const INDEPENDENT = `
WITH members AS (SELECT * FROM read_csv('members.csv', all_varchar = true)),
accounts AS (SELECT account_id, churned_on FROM read_csv('data/accounts.csv', all_varchar = true)),
nps AS (SELECT account_id, avg(CAST(nps AS DOUBLE)) AS nps FROM read_csv('data/surveys.csv', all_varchar = true) WHERE CAST(answered_at AS DATE) < DATE '${AS_OF}' GROUP BY 1),
urgent AS (
  SELECT account_id, count(*) AS n FROM read_csv('data/tickets.csv', all_varchar = true)
  WHERE priority IN ('high', 'urgent') AND CAST(opened_at AS TIMESTAMP) >= TIMESTAMP '${AS_OF}' - INTERVAL 90 DAY AND CAST(opened_at AS TIMESTAMP) < TIMESTAMP '${AS_OF}'
  GROUP BY 1
)
SELECT m.member_id, m.segment_lifecycle, m.segment_market,
  CASE WHEN a.churned_on IS NULL OR trim(a.churned_on) = '' THEN 0.0 ELSE 1.0 END AS churned,
  nps.nps AS nps, coalesce(urgent.n, 0) AS urgent_tickets_90d
FROM members m JOIN accounts a ON a.account_id = m.member_id LEFT JOIN nps ON nps.account_id = m.member_id LEFT JOIN urgent ON urgent.account_id = m.member_id`;

interface Expected {
  percent: boolean;
  bySegment: Map<string, number | null>;
  everyone: number;
}

describe("KPI values and population metrics on the example", () => {
  let site: WorkspaceSite;
  const expected = new Map<string, Expected>();
  beforeAll(async () => {
    site = await buildWorkspaceSite({ from: EXAMPLE, today: AS_OF });
    expect(site.result.outDir).toBeDefined();
    const exported = runSeg(["export", "--out", "members.csv", "--columns", "active_days_90d"], { cwd: site.root });
    expect(exported.status, exported.stderr).toBe(0);
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    try {
      await connection.run(`SET file_search_path = '${site.root.replaceAll("'", "''")}'`);
      await connection.run(`CREATE TABLE m AS ${INDEPENDENT}`);
      for (const [metric, percent] of [["churned", true], ["nps", false], ["urgent_tickets_90d", false]] as const) {
        const bySegment = new Map<string, number | null>();
        for (const scheme of ["lifecycle", "market"]) {
          const rows = (await connection.runAndReadAll(`SELECT segment_${scheme} AS segment, avg(${metric}) AS v FROM m WHERE segment_${scheme} IS NOT NULL AND segment_${scheme} <> '' GROUP BY 1`)).getRowObjectsJS();
          for (const row of rows) bySegment.set(String(row.segment), row.v === null ? null : Number(row.v));
        }
        const [all] = (await connection.runAndReadAll(`SELECT avg(${metric}) AS v FROM m`)).getRowObjectsJS();
        expected.set(metric, { percent, bySegment, everyone: Number(all!.v) });
      }
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  }, SLOW);
  afterAll(() => site?.remove());

  it("gives every KPI that names a metric or feature a current value, without kpi-unmeasured findings", () => {
    const segments = buildSegments(site.result.check);
    const named = segments.flatMap((s) => s.kpis.filter((k) => k.metric !== null).map((k) => ({ segment: s.id, ...k })));
    expect(named).toHaveLength(19);
    expect(named.filter((k) => k.current === null)).toEqual([]);
    expect(site.result.check.diagnostics.filter((d) => d.ruleId === "kpi-unmeasured")).toEqual([]);
  });

  it("computes the churn, NPS and urgent-ticket KPIs as DuckDB does over the CSV files for the exported members", () => {
    const format = (x: number, percent: boolean) => (percent ? `${(x * 100).toFixed(1)}%` : x.toLocaleString("en-US", { maximumFractionDigits: 2 }));
    const checked: string[] = [];
    for (const s of buildSegments(site.result.check)) {
      for (const k of s.kpis) {
        const truth = k.metric ? expected.get(k.metric) : undefined;
        if (!truth) continue;
        const value = truth.bySegment.get(s.id);
        expect(value, `${s.id} ${k.metric}`).not.toBeNull();
        expect(k.current, `${s.id} ${k.metric}`).toBe(format(value!, truth.percent));
        checked.push(`${s.id}:${k.metric}`);
      }
    }
    // Seven churn KPIs, the power users' NPS and the task completers' urgent tickets.
    expect(checked.filter((c) => c.endsWith(":churned"))).toHaveLength(7);
    expect(checked).toContain("power-users:nps");
    expect(checked).toContain("task-completers:urgent_tickets_90d");
    const html = readFileSync(join(site.outDir, "segments", "struggling", "index.html"), "utf8");
    expect(html).toContain(format(expected.get("churned")!.bySegment.get("struggling")!, true));
  });

  it("shows each declared metric over the whole population on the overview", () => {
    const html = readFileSync(join(site.outDir, "index.html"), "utf8");
    const population = html.slice(html.indexOf('id="population"'), html.indexOf('id="health"'));
    expect(population).toContain("Churn rate");
    expect(population).toContain(`${(expected.get("churned")!.everyone * 100).toFixed(1)}%`);
    expect(population).toContain("Average NPS");
    const report = JSON.parse(runSeg(["check", "--format", "json"], { cwd: site.root }).stdout);
    expect(report.metrics.churn_rate.value).toBeCloseTo(expected.get("churned")!.everyone, 12);
    // The NPS mean over the members who answered a survey: the others have no value and are left out.
    expect(report.metrics.average_nps.value).toBeCloseTo(expected.get("nps")!.everyone, 12);
    expect(population).toContain(report.metrics.average_nps.value.toLocaleString("en-US", { maximumFractionDigits: 2 }));
  });
});
