import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import type { DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateAccounts } from "../../scripts/example-data/accounts.ts";
import { DEFAULT_ACCOUNT_COUNT, DEFAULT_SEED } from "../../scripts/example-data/generate.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const DATA = join(ROOT, "data");
const FILES = ["accounts.csv", "invoices.csv.gz", "events.csv.gz", "tickets.csv", "surveys.csv", "README.md"];

/** The 90 days before as_of 2026-11-01. */
const RECENT = "TIMESTAMP '2026-08-03'";
const AS_OF = "TIMESTAMP '2026-11-01'";

const FEATURES_SQL = `
CREATE TABLE features AS
WITH ev AS (
  SELECT account_id,
         count(DISTINCT CAST(occurred_at AS DATE)) AS active_days_90d,
         count(*) FILTER (WHERE event_type = 'workflow_run') AS workflow_runs_90d,
         count(DISTINCT event_type) AS distinct_event_types_90d,
         count(DISTINCT user_id) AS active_users_90d
  FROM events
  WHERE occurred_at >= ${RECENT} AND occurred_at < ${AS_OF}
  GROUP BY account_id),
tk AS (
  SELECT account_id, count(*) AS tickets_90d
  FROM tickets
  WHERE opened_at >= ${RECENT} AND opened_at < ${AS_OF}
  GROUP BY account_id)
SELECT a.account_id, a.employees, lower(trim(coalesce(a.industry_raw, ''))) AS industry,
       coalesce(ev.active_days_90d, 0) AS active_days_90d,
       coalesce(ev.workflow_runs_90d, 0) AS workflow_runs_90d,
       coalesce(ev.distinct_event_types_90d, 0) AS distinct_event_types_90d,
       coalesce(ev.active_users_90d, 0) AS active_users_90d,
       coalesce(tk.tickets_90d, 0) AS tickets_90d
FROM accounts a LEFT JOIN ev USING (account_id) LEFT JOIN tk USING (account_id)`;

/** Exclusive, first match wins; churned accounts have no recent activity and land in struggling. */
const LIFECYCLE_RULE = `CASE
  WHEN active_days_90d >= 40 AND distinct_event_types_90d >= 5 THEN 'power'
  WHEN active_days_90d < 3 OR (tickets_90d >= 3 AND active_days_90d < 12) THEN 'struggling'
  WHEN active_days_90d >= 14 AND workflow_runs_90d >= 15 THEN 'task'
  ELSE 'occasional' END`;

const MARKET_RULE = `CASE
  WHEN employees >= 1000 THEN 'enterprise'
  WHEN regexp_matches(industry, 'agency|agencies|studio|creative') THEN 'agency'
  WHEN employees < 50 THEN 'startup'
  ELSE 'smb' END`;

function sqlPath(path: string): string {
  return `'${path.replaceAll("'", "''")}'`;
}

let instance: DuckDBInstance;
let con: DuckDBConnection;
let fresh: string;

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  const reader = await con.runAndReadAll(sql);
  return reader.getRowObjects().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])));
}

async function scalar(sql: string): Promise<number> {
  const [row] = await rows(sql);
  return Number(Object.values(row ?? {})[0]);
}

async function shares(rule: string): Promise<Record<string, number>> {
  const result = await rows(`SELECT ${rule} AS segment, count(*) / (SELECT count(*) FROM features) AS share FROM features GROUP BY 1`);
  return Object.fromEntries(result.map((r) => [String(r.segment), Number(r.share)]));
}

beforeAll(async () => {
  if (!existsSync(join(DATA, "accounts.csv"))) throw new Error("data/ has no example data yet; run npm run generate:data");
  fresh = mkdtempSync(join(tmpdir(), "seg-example-data-"));
  execFileSync(process.execPath, [join(ROOT, "scripts/generate-example-data.ts"), "--out", fresh], { stdio: "pipe" });
  instance = await DuckDBInstance.create(":memory:");
  con = await instance.connect();
  for (const [table, file] of [["accounts", "accounts.csv"], ["invoices", "invoices.csv.gz"], ["events", "events.csv.gz"], ["tickets", "tickets.csv"], ["surveys", "surveys.csv"]] as const) {
    await con.run(`CREATE TABLE ${table} AS SELECT * FROM read_csv(${sqlPath(join(DATA, file))}, header = true)`);
  }
  await con.run(FEATURES_SQL);
});

afterAll(() => {
  con?.closeSync();
  instance?.closeSync();
  if (fresh !== undefined) rmSync(fresh, { recursive: true, force: true });
});

describe("example data", () => {
  it("regenerates byte for byte into a fresh directory", () => {
    expect(readdirSync(fresh).sort()).toEqual([...FILES].sort());
    for (const file of FILES) {
      const committed = readFileSync(join(DATA, file));
      expect(readFileSync(join(fresh, file)).equals(committed), `${file} differs from data/; run npm run generate:data`).toBe(true);
    }
  });

  it("writes a fixed gzip header (no name, mtime 0, OS unknown)", () => {
    for (const file of ["invoices.csv.gz", "events.csv.gz"]) {
      expect([...readFileSync(join(DATA, file)).subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 255]);
    }
  });

  it("has the documented columns", async () => {
    const columns = async (table: string) => (await rows(`DESCRIBE ${table}`)).map((r) => r.column_name);
    expect(await columns("accounts")).toEqual(["account_id", "company_name", "industry_raw", "employees", "annual_revenue_usd", "country", "sales_region", "plan", "signup_date", "churned_on", "acquisition_channel"]);
    expect(await columns("invoices")).toEqual(["invoice_id", "account_id", "invoice_date", "amount_usd", "status"]);
    expect(await columns("events")).toEqual(["account_id", "user_id", "occurred_at", "event_type"]);
    expect(await columns("tickets")).toEqual(["ticket_id", "account_id", "opened_at", "priority", "channel", "subject", "resolution_hours"]);
    expect(await columns("surveys")).toEqual(["response_id", "account_id", "answered_at", "respondent_role", "nps", "comment"]);
  });

  it("keeps row counts in their stated ranges", async () => {
    expect(await scalar("SELECT count(*) FROM accounts")).toBe(DEFAULT_ACCOUNT_COUNT);
    expect(await scalar("SELECT count(DISTINCT account_id) FROM accounts")).toBe(DEFAULT_ACCOUNT_COUNT);
    const events = await scalar("SELECT count(*) FROM events");
    expect(events).toBeGreaterThanOrEqual(300_000);
    expect(events).toBeLessThanOrEqual(450_000);
    const invoices = await scalar("SELECT count(*) FROM invoices");
    expect(invoices).toBeGreaterThanOrEqual(20_000);
    expect(invoices).toBeLessThanOrEqual(60_000);
    const tickets = await scalar("SELECT count(*) FROM tickets");
    expect(tickets).toBeGreaterThanOrEqual(5_000);
    expect(tickets).toBeLessThanOrEqual(20_000);
    const surveys = await scalar("SELECT count(*) FROM surveys");
    expect(surveys).toBeGreaterThanOrEqual(DEFAULT_ACCOUNT_COUNT / 3);
    expect(surveys).toBeLessThanOrEqual(DEFAULT_ACCOUNT_COUNT / 2);
  });

  it("concentrates events in the last twelve months of the window", async () => {
    const share = await scalar("SELECT avg((occurred_at >= TIMESTAMP '2025-11-01')::INT) FROM events");
    expect(share).toBeGreaterThan(0.6);
    expect(await scalar("SELECT min(occurred_at) >= TIMESTAMP '2024-11-01' AND max(occurred_at) < TIMESTAMP '2026-11-01' FROM events")).toBe(1);
  });

  it("references only known accounts", async () => {
    for (const table of ["invoices", "events", "tickets", "surveys"]) {
      expect(await scalar(`SELECT count(*) FROM ${table} WHERE account_id NOT IN (SELECT account_id FROM accounts)`), table).toBe(0);
    }
  });

  it("produces no data before signup or from the churn date on", async () => {
    const checks: [string, string][] = [["events", "CAST(occurred_at AS DATE)"], ["invoices", "invoice_date"], ["tickets", "CAST(opened_at AS DATE)"], ["surveys", "answered_at"]];
    for (const [table, day] of checks) {
      const late = await scalar(`SELECT count(*) FROM ${table} t JOIN accounts a USING (account_id) WHERE ${day} >= a.churned_on OR ${day} < a.signup_date`);
      expect(late, table).toBe(0);
    }
  });

  it("gives every user exactly one account", async () => {
    expect(await scalar("SELECT count(*) FROM (SELECT user_id FROM events GROUP BY 1 HAVING count(DISTINCT account_id) > 1)")).toBe(0);
  });

  it("recovers the lifecycle mix with simple 90-day rules (±3 points of 15/45/30/10)", async () => {
    const measured = await shares(LIFECYCLE_RULE);
    const expected = { power: 0.15, task: 0.45, occasional: 0.3, struggling: 0.1 };
    for (const [segment, share] of Object.entries(expected)) expect(Math.abs((measured[segment] ?? 0) - share), segment).toBeLessThanOrEqual(0.03);
  });

  it("recovers the market mix with firmographic rules (±3 points of 10/45/30/15)", async () => {
    const measured = await shares(MARKET_RULE);
    const expected = { enterprise: 0.1, smb: 0.45, startup: 0.3, agency: 0.15 };
    for (const [segment, share] of Object.entries(expected)) expect(Math.abs((measured[segment] ?? 0) - share), segment).toBeLessThanOrEqual(0.03);
  });

  it("agrees with the hidden labels for at least 90% of accounts", async () => {
    const accounts = generateAccounts(DEFAULT_SEED, DEFAULT_ACCOUNT_COUNT);
    const assigned = await rows(`SELECT account_id, ${LIFECYCLE_RULE} AS lifecycle, ${MARKET_RULE} AS market FROM features ORDER BY account_id`);
    const byId = new Map(assigned.map((r) => [String(r.account_id), r]));
    const agree = (key: "lifecycle" | "market") => accounts.filter((a) => byId.get(a.accountId)?.[key] === a[key]).length / accounts.length;
    expect(agree("lifecycle")).toBeGreaterThanOrEqual(0.9);
    expect(agree("market")).toBeGreaterThanOrEqual(0.9);
  });
});
