/**
 * Silent data: problems in real files that once passed `seg check` without a
 * word. Each case copies real data (the example's, or a shared data set) into
 * a temporary workspace, changes what the case is about, and asserts the one
 * finding at its file:line:col with its figures, and that nothing else
 * changed: warnings come on top of exactly the findings of the unchanged data,
 * errors are the only error.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile } from "../../../src/api/compile.ts";
import { explain } from "../../../src/api/explain.ts";
import { exportWorkspace } from "../../../src/api/export.ts";
import { dataPath, missingData } from "../../support/shared-data.ts";
import { tempWorkspace } from "../../support/temp-workspace.ts";
import { missingWholesale, wholesaleConfig, wholesaleCsv, wholesaleFiles } from "../../support/wholesale-workspace.ts";
import { checkFiles, EXAMPLE_CONFIG, exampleData, exampleFiles, removeWorkspaces, replaceLine, type Checked } from "./silent-data-workspace.ts";

afterAll(removeWorkspaces);

/** Line and column (1-based) of `token` on line `line` of `text`. */
function at(text: string, line: number, token: string): { line: number; column: number } {
  const column = text.split("\n")[line - 1]!.indexOf(token);
  if (column === -1) throw new Error(`"${token}" is not on line ${line}`);
  return { line, column: column + 1 };
}

describe("silent data in the example's invoices", () => {
  let baseline: Checked;
  const invoices = exampleData("invoices.csv.gz");
  beforeAll(async () => {
    baseline = await checkFiles(exampleFiles(invoices));
  });

  it("the unchanged data has no data finding (the baseline the cases compare with)", () => {
    expect(baseline.result.data).toBeDefined();
    expect(baseline.findings.filter((f) => f.ruleId.startsWith("data/") || f.ruleId.startsWith("source/"))).toEqual([]);
  });

  it("the same invoice id twice: a warning at the source's key with the count, nothing else changes", async () => {
    // Line 6 is INV-000005; appended again with another amount.
    const copy = invoices.split("\n")[5]!.replace(",1479.00,", ",10.00,");
    const checked = await checkFiles(exampleFiles(`${invoices}${copy}\n`));
    const added = checked.findings.filter((f) => !baseline.findings.some((b) => JSON.stringify(b) === JSON.stringify(f)));
    expect(added).toEqual([
      {
        ruleId: "data/duplicate-id",
        severity: "warning",
        file: "segmentation.yaml",
        ...at(EXAMPLE_CONFIG, 23, "invoice_id"),
        message: 'Id "invoice_id" of source "invoices" repeats: 1 id appears more than once in data/invoices.csv (1 extra row of the 34,072 its filter keeps), so their amounts count more than once.',
      },
    ]);
    // 34,071 paid invoices in the file (zcat data/invoices.csv.gz | grep -c ",paid$"), plus the copy.
    expect(checked.findings.filter((f) => f.ruleId !== "data/duplicate-id")).toEqual(baseline.findings);
  });

  it("an invoice dated 2999-01-01: a warning at the source's timestamp with the count, nothing else changes", async () => {
    const changed = replaceLine(invoices, 11, (line) => line.replace("2024-11-01", "2999-01-01"));
    const checked = await checkFiles(exampleFiles(changed));
    const extra = checked.findings.filter((f) => f.ruleId === "data/future-dates");
    expect(extra).toEqual([
      {
        ruleId: "data/future-dates",
        severity: "warning",
        file: "segmentation.yaml",
        ...at(EXAMPLE_CONFIG, 25, "invoice_date"),
        message: 'Source "invoices" has 1 row of the 34,071 its filter keeps in data/invoices.csv dated after as_of 2026-11-01 (the latest 2999-01-01); windows, recency and tenure end at as_of, so it counts nowhere.',
      },
    ]);
    expect(checked.findings.filter((f) => f.ruleId !== "data/future-dates")).toEqual(baseline.findings);
  });

  it("as_of pinned after today: invoices dated after today are a warning even before as_of, nothing else changes", async () => {
    // as_of 2027-06-01 lies ahead of today (2026-12-07, the injected clock), so an invoice of 2027-01-15 is inside every
    // window and would count without a word; 2999-01-01 is after as_of as well.
    const ahead = EXAMPLE_CONFIG.replace("as_of: 2026-11-01", "as_of: 2027-06-01");
    const today = "2026-12-07";
    const before = await checkFiles(exampleFiles(invoices, ahead), { today });
    expect(before.findings.filter((f) => f.ruleId === "data/future-dates")).toEqual([]);
    let changed = replaceLine(invoices, 11, (line) => line.replace("2024-11-01", "2999-01-01"));
    changed = replaceLine(changed, 12, (line) => line.replace(/,2024-11-\d\d,/, ",2027-01-15,"));
    expect(changed).toContain(",2027-01-15,");
    const checked = await checkFiles(exampleFiles(changed, ahead), { today });
    expect(checked.findings.filter((f) => f.ruleId === "data/future-dates")).toEqual([
      {
        ruleId: "data/future-dates",
        severity: "warning",
        file: "segmentation.yaml",
        ...at(ahead, 25, "invoice_date"),
        message: 'Source "invoices" has 2 rows of the 34,071 its filter keeps in data/invoices.csv dated after today, 2026-12-07 (the latest 2999-01-01): dates that have not happened yet; 1 of them also after as_of 2027-06-01, so it counts nowhere.',
      },
    ]);
    expect(checked.result.data?.engine.members).toBe(before.result.data?.engine.members);
    // stale-data reads the newest row dated up to today (2026-10-31), not the one of 2999: it still says the data is 37 days old.
    expect(before.findings.filter((f) => f.ruleId === "stale-data").map((f) => f.message)).toContain(
      'The newest row of source "invoices" is from 2026-10-31, 37 days before today (2026-12-07); it should be at most 30 days old.',
    );
    const others = (findings: Checked["findings"]) => findings.filter((f) => f.ruleId !== "data/future-dates");
    expect(others(checked.findings)).toEqual(others(before.findings));
  });

  it("NaN and 1e309 in the amount column: an error at the column's type naming the lines, and the recompute stops", async () => {
    let changed = replaceLine(invoices, 10, (line) => line.replace("529.20", "NaN"));
    changed = replaceLine(changed, 20, (line) => line.replace(/,[0-9.]+,paid$/, ",1e309,paid"));
    const checked = await checkFiles(exampleFiles(changed));
    expect(checked.result.data?.engine.schemes).toEqual([]);
    expect(checked.findings.filter((f) => f.severity === "error")).toEqual([
      {
        ruleId: "data/non-finite",
        severity: "error",
        file: "segmentation.yaml",
        ...at(EXAMPLE_CONFIG, 32, "number"),
        message: 'Column "amount_usd" of source "invoices" holds 2 values in data/invoices.csv that are not finite numbers (NaN, Infinity, or too large for a double): "NaN" (line 10), "1e309" (line 20).',
      },
    ]);
  });
});

describe.runIf(!missingWholesale())("Wholesale: a file without an id column", () => {
  const csv = wholesaleCsv;
  const config = (key: string) => wholesaleConfig({ key, columns: { Region: "territory", Fresh: "behavioral" } });
  const files = (key: string) => wholesaleFiles(config(key));

  it("key: Region (3 values over 440 rows) is a duplicate-key error at the key, with the three most frequent and their first lines, before any join", async () => {
    const checked = await checkFiles(files("Region"));
    expect(checked.result.data?.engine.schemes).toEqual([]);
    expect(checked.findings.filter((f) => f.severity === "error")).toEqual([
      {
        ruleId: "data/duplicate-key",
        severity: "error",
        file: "segmentation.yaml",
        ...at(config("Region"), 15, "Region"),
        message:
          'Key "Region" of source "clients" is not unique: 3 keys repeat in data/wholesale.csv, on 440 rows of 440; most frequent: "3" ×316 (lines 2, 3, 4, …), "1" ×77 (lines 198, 199, 200, …), "2" ×47 (lines 295, 296, 297, …).',
      },
    ]);
    const error = checked.result.diagnostics.find((d) => d.ruleId === "data/duplicate-key");
    expect(error?.data).toMatchObject({ keys: 3, rows: 440, top: [{ key: "3", count: 316 }, { key: "1", count: 77 }, { key: "2", count: 47 }] });
  });

  it("key: Fresh (433 distinct values over 440 rows) names the 7 repeated keys", async () => {
    const checked = await checkFiles(files("Fresh"));
    const [error, ...rest] = checked.findings.filter((f) => f.severity === "error");
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ ruleId: "data/duplicate-key", line: 15 });
    expect(error?.message).toBe(
      'Key "Fresh" of source "clients" is not unique: 7 keys repeat in data/wholesale.csv, on 14 rows of 440; most frequent: "3366" ×2 (lines 12, 282), "9670" ×2 (lines 46, 201), "3" ×2 (lines 97, 340).',
    );
  });

  it("a row_number key numbers the 440 rows 1…440 in file order: no finding, every row a member, the same ids on every run", async () => {
    const first = await checkFiles(files("client_no"));
    expect(first.findings.filter((f) => f.ruleId.startsWith("data/") || f.severity === "error").filter((f) => f.ruleId !== "lock-outdated")).toEqual([]);
    expect(first.result.data?.engine.members).toBe(440);
    const scheme = first.result.data?.engine.schemes.find((s) => s.scheme === "channel");
    expect(scheme?.segments.filter((s) => s.segment !== null).map((s) => [s.segment, s.count])).toEqual([
      ["horeca", 298],
      ["retail", 142],
    ]);
    const second = await checkFiles(files("client_no"));
    expect(JSON.stringify(second.result.data?.lock)).toBe(JSON.stringify(first.result.data?.lock));
  });

  it("export writes the row numbers as member ids, explain says which row of the file a member is, compile warns that the warehouse needs the column", async () => {
    const ws = tempWorkspace(files("client_no"), {});
    try {
      const out = join(ws.root, "out/members.csv");
      const exported = await exportWorkspace({ root: ws.root, today: "2026-11-01", cache: false, out, format: "csv" });
      expect(exported.rows).toBe(440);
      const lines = readFileSync(out, "utf8").trim().split("\n");
      expect(lines[0]).toMatch(/^member_id,segment_channel,client_no,Channel,Region,Fresh,/);
      // Line 6 of the file is the 5th client: Channel 2, Region 3, Fresh 22615.
      expect(csv().split("\n")[5]).toMatch(/^2,3,22615,/);
      expect(lines[5]).toMatch(/^5,retail,5,2,3,22615,/);
      const explained = await explain({ root: ws.root, today: "2026-11-01", cache: false, memberId: "5" });
      expect(explained.explanation?.position).toEqual({ source: "clients", path: "data/wholesale.csv", row: 5, key: "client_no" });
      const compiled = compile({ root: ws.root, today: "2026-11-01", target: "duckdb" });
      expect(compiled.diagnostics.map((d) => [d.ruleId, d.severity, d.line])).toEqual([["compile/row-number-key", "warning", 17]]);
    } finally {
      ws.remove();
    }
  });
});

describe.runIf(!missingData("telco-churn", "Telco-Customer-Churn.csv"))("Telco: MonthlyCharges declared integer", () => {
  const csv = () => readFileSync(dataPath("telco-churn", "Telco-Customer-Churn.csv"), "utf8");
  const config = `name: Telco
as_of: 2026-11-01
goals:
  focus: internal
  objective: account-attack
  statement: Keep customers.
  stakeholders:
    - { name: Ana, role: CS }
  scope: { unit: customer }
  deliverables: [Segments]
sources:
  customers:
    path: data/telco.csv
    kind: accounts
    key: customerID
    columns:
      customerID: { type: string, kind: key }
      MonthlyCharges: { type: integer, kind: behavioral }
features:
  monthly: { source: customers, column: MonthlyCharges }
schemes:
  plan:
    label: Plan
`;

  it("a decimal in an integer column is an error at the declaration with the count and first lines, never rounded", async () => {
    const text = csv();
    // Counted independently: MonthlyCharges is the 19th field; no field before it holds a comma.
    const decimals = text.trim().split("\n").slice(1).filter((line) => !/^\d+(\.0*)?$/.test(line.split(",")[18]!.trim())).length;
    expect(decimals).toBe(6651);
    const checked = await checkFiles({ "segmentation.yaml": config, "segments/plan/high.yaml": "id: high\nname: High payers\nsummary: Pay a lot.\nstatus: active\napproach: behavioral\ndefinition:\n  where: monthly >= 70\n", "data/telco.csv": text });
    expect(checked.result.data?.engine.schemes).toEqual([]);
    expect(checked.findings.filter((f) => f.severity === "error")).toEqual([
      {
        ruleId: "data/type-mismatch",
        severity: "error",
        file: "segmentation.yaml",
        ...at(config, 18, "integer"),
        message: 'Column "MonthlyCharges" of source "customers" is declared integer, but 6,651 values in data/telco.csv are not whole numbers: "29.85" (line 2), "56.95" (line 3), "53.85" (line 4).',
      },
    ]);
  });

  it("a column declared with the wrong type is reported instead of the expression errors it causes", async () => {
    const wrong = config.replace("MonthlyCharges: { type: integer", "MonthlyCharges: { type: date");
    const checked = await checkFiles({ "segmentation.yaml": wrong, "segments/plan/high.yaml": "id: high\nname: High payers\nsummary: Pay a lot.\nstatus: active\napproach: behavioral\ndefinition:\n  where: monthly >= 70\n", "data/telco.csv": csv() });
    expect(checked.findings.filter((f) => f.severity === "error")).toEqual([
      {
        ruleId: "data/type-mismatch",
        severity: "error",
        file: "segmentation.yaml",
        ...at(wrong, 18, "date"),
        message: 'Column "MonthlyCharges" of source "customers" is declared date, but 7,043 values in data/telco.csv are not dates (YYYY-MM-DD): "29.85" (line 2), "56.95" (line 3), "53.85" (line 4).',
      },
    ]);
  });
});
