/**
 * Value labels on the example's segments, checked against its real data: the
 * example's own labels agree with what the data measures; a deliberately wrong
 * label is a value-label-mismatch warning at the label with the figures; and
 * the ranks and medians the engine measured equal ones computed here by hand
 * from data/invoices.csv.gz, data/tickets.csv and the exported memberships.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exactSum } from "../support/exact-sum.ts";
import { check } from "../../src/api/check.ts";
import type { CheckResult } from "../../src/lint/check-result.ts";
import { exportWorkspace } from "../../src/api/export.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const AS_OF = "2026-11-01";

/** A copy of the example's definitions and data, so a label can be changed. */
function copyExample(): string {
  const dir = mkdtempSync(join(tmpdir(), "seg-value-labels-"));
  for (const path of ["segmentation.yaml", "segments", "data"]) cpSync(join(ROOT, path), join(dir, path), { recursive: true });
  return dir;
}

/** Mean mid-rank percentile of `members` among all values, and the members' median. */
function rankOf(values: ReadonlyMap<string, number>, members: readonly string[]): { rank: number; median: number } {
  const all = [...values.values()];
  const below = (x: number) => all.filter((v) => v < x).length;
  const equal = (x: number) => all.filter((v) => v === x).length;
  const cache = new Map<number, number>();
  const p = (x: number) => cache.get(x) ?? (cache.set(x, (below(x) + 0.5 * equal(x)) / all.length), cache.get(x)!);
  const mine = members.map((m) => values.get(m)!).sort((a, b) => a - b);
  const mid = mine.length / 2;
  const median = mine.length % 2 ? mine[Math.floor(mid)]! : (mine[mid - 1]! + mine[mid]!) / 2;
  return { rank: mine.reduce((s, x) => s + p(x), 0) / mine.length, median };
}

function findings(result: CheckResult, ruleId: string) {
  return result.diagnostics.filter((d) => d.ruleId === ruleId).map(({ file, line, column, severity, message }) => ({ file, line, column, severity, message }));
}

describe("value labels on the example", () => {
  let dir: string;
  let baseline: CheckResult;
  beforeAll(async () => {
    dir = copyExample();
    baseline = await check({ root: dir, today: AS_OF, cache: false, threads: 1 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("the example's own labels agree with the data", () => {
    expect(baseline.data).toBeDefined();
    expect(findings(baseline, "value-label-mismatch")).toEqual([]);
  });

  it("ranks and medians equal a computation by hand from the CSV files and the exported memberships", async () => {
    const out = join(dir, "out/members.csv");
    await exportWorkspace({ root: dir, today: AS_OF, cache: false, threads: 1, out, format: "csv", columns: ["monetary"] });
    const [header, ...lines] = readFileSync(out, "utf8").trim().split("\n");
    const cols = header!.split(",");
    const market = lines.map((l) => l.split(",")).map((f) => ({ id: f[cols.indexOf("member_id")]!, market: f[cols.indexOf("segment_market")]!, lifecycle: f[cols.indexOf("segment_lifecycle")]! }));
    expect(market).toHaveLength(3000);

    // Revenue to date: paid invoices before the as-of day, summed exactly and rounded once, as the engine sums them
    // (ties in rank depend on the last bits of each sum).
    const amounts = new Map<string, number[]>(market.map((m) => [m.id, []]));
    const invoices = gunzipSync(readFileSync(join(ROOT, "data/invoices.csv.gz"))).toString("utf8").trim().split("\n").slice(1);
    for (const line of invoices) {
      const [, account, date, amount, status] = line.split(",");
      if (status === "paid" && date! < AS_OF && amounts.has(account!)) amounts.get(account!)!.push(Number(amount));
    }
    const monetary = new Map([...amounts].map(([id, xs]) => [id, exactSum(xs)]));
    // Support tickets: every ticket opened before the as-of day.
    const tickets = new Map(market.map((m) => [m.id, 0]));
    for (const line of readFileSync(join(ROOT, "data/tickets.csv"), "utf8").trim().split("\n").slice(1)) {
      const [, account, openedAt] = line.split(",");
      if (openedAt! < AS_OF && tickets.has(account!)) tickets.set(account!, tickets.get(account!)! + 1);
    }
    const labels = baseline.data!.engine.valueLabels!;
    for (const [scheme, of] of [["market", (m: (typeof market)[number]) => m.market], ["lifecycle", (m: (typeof market)[number]) => m.lifecycle]] as const) {
      const ids = [...new Set(market.map(of))].filter((s) => s !== "");
      for (const id of ids) {
        const members = market.filter((m) => of(m) === id).map((m) => m.id);
        const ltv = rankOf(monetary, members);
        const support = rankOf(tickets, members);
        expect(labels.ltv!.segments[`${scheme}/${id}`]!.rank, `${scheme}/${id} ltv`).toBeCloseTo(ltv.rank, 9);
        expect(labels.ltv!.segments[`${scheme}/${id}`]!.median, `${scheme}/${id} ltv median`).toBeCloseTo(ltv.median, 6);
        expect(labels.support_cost!.segments[`${scheme}/${id}`]!.rank, `${scheme}/${id} tickets`).toBeCloseTo(support.rank, 9);
        expect(labels.support_cost!.segments[`${scheme}/${id}`]!.median, `${scheme}/${id} tickets median`).toBe(support.median);
      }
    }
    expect(labels.ltv!.measure).toBe("monetary");
    expect(labels.support_cost!.population).toEqual({ n: 3000, median: 2 });
  });

  it("a deliberately wrong label is a warning at the label with the measured figures, and nothing else changes", async () => {
    const path = join(dir, "segments/market/startups.yaml");
    const original = readFileSync(path, "utf8");
    try {
      writeFileSync(path, original.replace("  ltv: low\n", "  ltv: high\n"));
      const wrong = await check({ root: dir, today: AS_OF, cache: false, threads: 1 });
      const line = original.split("\n").indexOf("  ltv: low") + 1;
      expect(findings(wrong, "value-label-mismatch")).toEqual([
        {
          file: "segments/market/startups.yaml",
          line,
          column: 8,
          severity: "warning",
          message:
            "Startups is labelled ltv: high, but by monetary it measures low: its members rank on average above 39.4% of all members (low is below 40.0%, high from 60.0%); its median monetary is 1,128 against 2,545.5 for all members.",
        },
      ]);
      expect(wrong.diagnostics.filter((d) => d.ruleId !== "value-label-mismatch")).toEqual(baseline.diagnostics);
    } finally {
      writeFileSync(path, original);
    }
  });
});
