/**
 * Data files DuckDB reads without complaint, or with an error that says
 * nothing about the cause: each is a located finding with the data file's
 * line and what to do, exit 1, never an internal error.
 */
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { runSeg } from "../../support/run-seg.ts";
import { tempWorkspace } from "../../support/temp-workspace.ts";
import { checkFiles, EXAMPLE_CONFIG, exampleData, exampleFiles, removeWorkspaces, replaceLine } from "./silent-data-workspace.ts";

afterAll(removeWorkspaces);

const invoices = exampleData("invoices.csv.gz");
const errorsOf = async (files: Record<string, string | Buffer | null>, options: { data?: boolean } = {}) => (await checkFiles(files, options)).findings.filter((f) => f.severity === "error");
/** The example files with invoices at data/invoices.csv.gz (gzipped bytes). */
const withGzipInvoices = (bytes: Buffer) => ({ ...exampleFiles(), "segmentation.yaml": EXAMPLE_CONFIG.replace("path: data/invoices.csv", "path: data/invoices.csv.gz"), "data/invoices.csv": null, "data/invoices.csv.gz": bytes });

describe("files that cannot be read as they are", () => {
  it("a row with a missing field: its row and line, the fields it has and the header's count", async () => {
    const ragged = replaceLine(invoices, 7, (line) => line.replace(/,paid$/, ""));
    expect(await errorsOf(exampleFiles(ragged))).toEqual([
      { ruleId: "data/malformed", severity: "error", file: "segmentation.yaml", line: 21, column: 11, message: "Row 6 (line 7) of data/invoices.csv has 4 fields, expected 5 (one per header column)." },
    ]);
  });

  it("rows appended with another kind of line end: the first such line, instead of DuckDB's \"state machine reached an invalid state\"", async () => {
    const lines = invoices.split("\n");
    const mixed = `${lines.slice(0, 9).join("\r\n")}\r\n${lines.slice(9).join("\n")}`;
    expect(await errorsOf(exampleFiles(mixed))).toEqual([
      { ruleId: "data/malformed", severity: "error", file: "segmentation.yaml", line: 21, column: 11, message: "Line 10 of data/invoices.csv ends with LF, but the lines before it end with CRLF; a CSV file is read with one kind of line end." },
    ]);
  });

  it("a truncated .csv.gz says the gzip stream is truncated instead of reading the rows before the cut", async () => {
    const gz = gzipSync(invoices);
    const errors = await errorsOf(withGzipInvoices(gz.subarray(0, Math.floor(gz.length * 0.6))));
    expect(errors).toEqual([
      {
        ruleId: "data/malformed",
        severity: "error",
        file: "segmentation.yaml",
        line: 21,
        column: 11,
        message: 'The gzip stream of data/invoices.csv.gz (source "invoices") is truncated or corrupt (unexpected end of file): its end is missing, so rows would be lost.',
      },
    ]);
  });

  it("Latin-1 bytes: the file is not UTF-8, where, and the iconv command to convert it", async () => {
    const latin1 = Buffer.from(replaceLine(invoices, 4, (line) => line.replace("paid", "payé")), "latin1");
    const [error, ...rest] = (await checkFiles(exampleFiles(latin1 as unknown as string))).result.diagnostics.filter((d) => d.severity === "error");
    expect(rest).toEqual([]);
    expect(error).toMatchObject({
      ruleId: "data/encoding",
      line: 21,
      message: 'data/invoices.csv (source "invoices") is not UTF-8: byte 0xE9 at line 4, column 42 is not a valid UTF-8 character.',
      hint: "Convert the file to UTF-8, e.g. iconv -f LATIN1 -t UTF-8 invoices.csv > invoices.utf8.csv (use the file's real encoding; LATIN1 and WINDOWS-1252 are common).",
    });
  });

  it("UTF-16, with a byte order mark or without: named as UTF-16 with the iconv command, not as bad UTF-8 or a bad header", async () => {
    const cases: [Buffer, string][] = [
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(invoices, "utf16le")]), "LE"],
      [Buffer.from(invoices, "utf16le").swap16(), "BE"],
    ];
    for (const [bytes, order] of cases) {
      const [error, ...rest] = (await checkFiles(exampleFiles(bytes as unknown as string))).result.diagnostics.filter((d) => d.severity === "error");
      expect(rest).toEqual([]);
      expect(error).toMatchObject({
        ruleId: "data/encoding",
        line: 21,
        message: `data/invoices.csv (source "invoices") is UTF-16 (${order === "LE" ? "little" : "big"}-endian); Seg reads CSV files as UTF-8.`,
        hint: `Convert the file to UTF-8, e.g. iconv -f UTF-16${order} -t UTF-8 invoices.csv > invoices.utf8.csv (spreadsheets: save as "CSV UTF-8").`,
      });
    }
  });

  it("a derived column whose expression cannot be cast to its declared type is located at the expression", async () => {
    const config = EXAMPLE_CONFIG.replace("      status: { type: string }\n", "      status: { type: string }\n      status_code: { type: integer, expression: status }\n");
    expect(await errorsOf(exampleFiles(invoices, config))).toEqual([
      {
        ruleId: "data/type-mismatch",
        severity: "error",
        file: "segmentation.yaml",
        line: 34,
        column: 49,
        message: 'Column "status_code" of source "invoices" is declared integer, but its expression gives 35,877 values that are not whole numbers: "paid" (line 2), "paid" (line 3), "paid" (line 4).',
      },
    ]);
  });
});

describe("normalize regexes", () => {
  it("a regex that does not compile is an error at the regex, also with --no-data", async () => {
    const config = `${EXAMPLE_CONFIG}features:
  plan_kind:
    source: accounts
    column: plan
    normalize:
      categories:
        paid: { regex: ['(unclosed', '[z-a]'] }
`;
    const errors = await errorsOf(exampleFiles(invoices, config), { data: false });
    expect(errors.map((e) => [e.ruleId, e.line, e.column, e.message])).toEqual([
      ["schema/invalid-value", 48, 25, '"features.plan_kind.normalize.categories.paid.regex[0]" is not a valid regular expression: Unterminated group (got the text "(unclosed").'],
      ["schema/invalid-value", 48, 38, '"features.plan_kind.normalize.categories.paid.regex[1]" is not a valid regular expression: Range out of order in character class (got the text "[z-a]").'],
    ]);
  });
});

describe("data findings through the CLI", () => {
  it("a data warning can be accepted with --suppress-rule; an error cannot, and says how to fix it; json and sarif carry the ids", () => {
    const changed = replaceLine(invoices, 11, (line) => line.replace("2024-11-01", "2999-01-01"));
    const ws = tempWorkspace({ ...exampleFiles(changed) }, {});
    try {
      const json = runSeg(["check", "--format", "json"], { cwd: ws.root });
      const report = JSON.parse(json.stdout) as { diagnostics: { ruleId: string; file: string; line: number; data?: Record<string, unknown> }[]; rules: Record<string, { description: string }> };
      expect(report.diagnostics.filter((d) => d.ruleId.startsWith("data/"))).toEqual([
        expect.objectContaining({ ruleId: "data/future-dates", file: "segmentation.yaml", line: 25, data: { source: "invoices", column: "invoice_date", count: 1, latest: "2999-01-01", asOf: "2026-11-01", newestInTime: "2026-10-31" } }),
      ]);
      expect(report.rules["data/future-dates"]?.description).toBe("Timestamps are not after the analysis date (as_of), nor after today when as_of is later");
      const sarif = runSeg(["check", "--format", "sarif"], { cwd: ws.root });
      const rules = (JSON.parse(sarif.stdout) as { runs: { tool: { driver: { rules: { id: string; shortDescription?: { text: string } }[] } } }[] }).runs[0]!.tool.driver.rules;
      expect(rules.find((r) => r.id === "data/future-dates")?.shortDescription?.text).toBe("Timestamps are not after the analysis date (as_of), nor after today when as_of is later");
      const accepted = runSeg(["check", "--suppress-rule", "data/future-dates"], { cwd: ws.root });
      expect(accepted.stderr).toContain("seg check: wrote seg-suppressions.json (1 finding accepted in 1 entry)");
      const after = runSeg(["check", "--format", "json"], { cwd: ws.root });
      expect(after.stdout).not.toContain('"ruleId": "data/future-dates"');
      const refused = runSeg(["check", "--suppress-rule", "data/duplicate-key"], { cwd: ws.root });
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain("--suppress-rule: data/duplicate-key findings cannot be accepted, only fixed: Point key: at a column that identifies one row");
    } finally {
      ws.remove();
    }
  });
});
