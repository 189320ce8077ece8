/**
 * The pull-request story on the example itself: a clone of the Relay workspace,
 * a branch that raises the power-user bar from 40 to 45 active days, and
 * `seg diff --base main`. The customers it reports moving are checked against a
 * recomputation written straight from the raw data with DuckDB (the features
 * and the first-match rules by hand, nothing of Seg's), and against
 * `seg export` run on each revision and joined member by member.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSeg } from "../../support/run-seg.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const WORKSPACE = ["segmentation.yaml", "segments", "personas", "hypotheses", "reviews", "data", "segments.lock.json"];
const RULE = "segments/lifecycle/power-users.yaml";

let repo: string;
/** The movers the hand recomputation finds, for the markdown test. */
let handMovers: Cell[] | undefined;

function git(...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=Seg Test", "-c", "user.email=seg@example.com", ...args], { cwd: repo, encoding: "utf8" });
}

interface Cell {
  from: string;
  to: string;
  count: number;
}

/**
 * The lifecycle scheme recomputed by hand from data/: the four features the
 * rules use, over the 90 days before 2026-11-01, and the first matching rule in
 * the order the segment files give (power-users, struggling, task-completers,
 * occasional).
 */
async function handRecomputation(dir: string, powerDays: number): Promise<Map<string, string>> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const file = (name: string) => `'${join(dir, "data", name).replaceAll("'", "''")}'`;
  const window = "ts >= TIMESTAMP '2026-08-03 00:00:00' AND ts < TIMESTAMP '2026-11-01 00:00:00'";
  const reader = await connection.runAndReadAll(`
    WITH accounts AS (SELECT account_id FROM read_csv(${file("accounts.csv")}, all_varchar = true)),
    events AS (
      SELECT account_id,
             count(DISTINCT CAST(ts AS DATE)) AS active_days,
             count(*) FILTER (WHERE event_type = 'workflow_run') AS runs,
             count(DISTINCT event_type) AS kinds
      FROM (SELECT account_id, event_type, CAST(occurred_at AS TIMESTAMP) AS ts FROM read_csv(${file("events.csv.gz")}, all_varchar = true))
      WHERE ${window} GROUP BY account_id),
    tickets AS (
      SELECT account_id, count(*) AS tickets
      FROM (SELECT account_id, CAST(opened_at AS TIMESTAMP) AS ts FROM read_csv(${file("tickets.csv")}, all_varchar = true))
      WHERE ${window} GROUP BY account_id),
    features AS (
      SELECT a.account_id, coalesce(e.active_days, 0) AS active_days, coalesce(e.runs, 0) AS runs, coalesce(e.kinds, 0) AS kinds, coalesce(t.tickets, 0) AS tickets
      FROM accounts a LEFT JOIN events e USING (account_id) LEFT JOIN tickets t USING (account_id))
    SELECT account_id, CASE
      WHEN active_days >= ${powerDays} AND kinds >= 5 THEN 'power-users'
      WHEN active_days < 3 OR (tickets >= 3 AND active_days < 12) THEN 'struggling'
      WHEN active_days >= 14 AND runs >= 15 THEN 'task-completers'
      ELSE 'occasional' END AS segment
    FROM features`);
  const rows = reader.getRowObjects() as { account_id: string; segment: string }[];
  connection.closeSync();
  instance.closeSync();
  return new Map(rows.map((r) => [r.account_id, r.segment]));
}

/** from → to counts of customers present on both sides, movers only, sorted. */
function movers(base: Map<string, string>, head: Map<string, string>): Cell[] {
  const counts = new Map<string, number>();
  for (const [id, from] of base) {
    const to = head.get(id);
    if (to === undefined || to === from) continue;
    counts.set(`${from}\t${to}`, (counts.get(`${from}\t${to}`) ?? 0) + 1);
  }
  return sortCells([...counts].map(([key, count]) => ({ from: key.split("\t")[0]!, to: key.split("\t")[1]!, count })));
}

function sortCells(cells: Cell[]): Cell[] {
  return cells.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

/** member → lifecycle segment from `seg export` at the checked-out revision. */
function exported(): Map<string, string> {
  const out = join(repo, "..", `export-${git("rev-parse", "--short", "HEAD").trim()}.csv`);
  const run = runSeg(["export", "--out", out, "--columns", "active_days_90d"], { cwd: repo });
  expect(run.status, run.stderr).toBe(0);
  const [header, ...lines] = readFileSync(out, "utf8").trim().split("\n");
  const columns = header!.split(",");
  const id = columns.indexOf("member_id");
  const segment = columns.indexOf("segment_lifecycle");
  return new Map(lines.map((line) => line.split(",")).map((cells) => [cells[id]!, cells[segment]!]));
}

beforeAll(() => {
  const scratch = mkdtempSync(join(tmpdir(), "seg-diff-example-"));
  repo = join(scratch, "relay");
  for (const part of WORKSPACE) cpSync(join(ROOT, part), join(repo, part), { recursive: true });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "Relay segments");
  git("checkout", "-q", "-b", "raise-power-bar");
  const rule = readFileSync(join(repo, RULE), "utf8");
  expect(rule).toContain("where: active_days_90d >= 40 and distinct_event_types_90d >= 5");
  writeFileSync(join(repo, RULE), rule.replace("active_days_90d >= 40", "active_days_90d >= 45"));
  const lock = runSeg(["lock"], { cwd: repo });
  expect(lock.status, lock.stderr).toBe(0);
  git("commit", "-q", "-am", "Power users need 45 active days");
}, 120_000);

afterAll(() => {
  if (repo) rmSync(resolve(repo, ".."), { recursive: true, force: true });
});

describe("seg diff --base main on a branch of the example", () => {
  it("reports who moves where, as a recomputation from the raw data and seg export on each revision find", async () => {
    const run = runSeg(["diff", "--base", "main", "--format", "json"], { cwd: repo });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as {
      definitions: { file: string; fields: { path: string; base: unknown; head: unknown }[] }[];
      schemes: { scheme: string; segments: { segment: string; base: { count: number }; head: { count: number } }[]; migration: { moved: number; cells: Cell[] } }[];
    };
    const lifecycle = result.schemes.find((s) => s.scheme === "lifecycle")!;
    const reported = sortCells(lifecycle.migration.cells.filter((c) => c.from !== c.to));

    const base = await handRecomputation(repo, 40);
    const head = await handRecomputation(repo, 45);
    const expected = movers(base, head);
    expect(expected.length).toBeGreaterThan(0);
    expect(reported).toEqual(expected);
    handMovers = expected;
    expect(lifecycle.migration.moved).toBe(expected.reduce((sum, c) => sum + c.count, 0));
    for (const segment of lifecycle.segments) {
      expect(segment.base.count, segment.segment).toBe([...base.values()].filter((s) => s === segment.segment).length);
      expect(segment.head.count, segment.segment).toBe([...head.values()].filter((s) => s === segment.segment).length);
    }

    const atHead = exported();
    git("checkout", "-q", "main");
    const atBase = exported();
    git("checkout", "-q", "raise-power-bar");
    expect(movers(atBase, atHead)).toEqual(expected);

    const market = result.schemes.find((s) => s.scheme === "market")!;
    expect(market.migration.moved).toBe(0);
  });

  it("writes the PR comment with the change and its movers", () => {
    const run = runSeg(["diff", "--base", "main", "--format", "markdown"], { cwd: repo });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.startsWith("<!-- seg-diff -->")).toBe(true);
    expect(run.stdout).toContain("<code>active\\_days\\_90d &gt;= 45 and distinct\\_event\\_types\\_90d &gt;= 5</code>");
    expect(handMovers).toBeDefined();
    for (const { from, to, count } of handMovers!) {
      expect(run.stdout).toContain(`| <code>${from}</code> | <code>${to}</code> | ${count.toLocaleString("en-US")} |`);
    }
    // The example's declared metrics over everyone, next to the segment figures: moving
    // members between segments leaves the population's churn (181 of 3,000) as it was.
    expect(run.stdout).toContain("**Population** (declared metrics over everyone)");
    expect(run.stdout).toContain("| Churn rate <code>churn\\_rate</code> | 6.0% | 6.0% |");
    expect(run.stdout.indexOf("| Segment | Customers |")).toBeLessThan(run.stdout.indexOf("**Population**"));
    expect(Buffer.byteLength(run.stdout)).toBeLessThan(65_536);
  });
});
