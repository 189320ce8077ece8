/**
 * The data checks' findings follow `rules:` and `overrides:` in
 * segmentation.yaml like a rule's: off hides them, a level sets their
 * severity, an unknown id is an error with a did-you-mean, and a check whose
 * error stops the recompute cannot be lowered. On the example's real
 * invoices, with one invoice id repeated.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkFiles, EXAMPLE_CONFIG, exampleData, exampleFiles, removeWorkspaces, type Checked } from "./silent-data-workspace.ts";

afterAll(removeWorkspaces);

const invoices = exampleData("invoices.csv.gz");
// Line 6 (INV-000005) appended again: a data/duplicate-id warning.
const repeated = `${invoices}${invoices.split("\n")[5]!.replace(",1479.00,", ",10.00,")}\n`;
const withRules = (rules: string) => `${EXAMPLE_CONFIG}${rules}`;
const lineOf = (text: string, token: string) => text.split("\n").findIndex((l) => l.includes(token)) + 1;

describe("data checks configured under rules:", () => {
  let baseline: Checked;
  beforeAll(async () => {
    baseline = await checkFiles(exampleFiles(repeated));
  });

  it("by default the repeated invoice id is a warning", () => {
    expect(baseline.findings.filter((f) => f.ruleId === "data/duplicate-id").map((f) => f.severity)).toEqual(["warning"]);
  });

  it("off hides it and nothing else changes", async () => {
    const checked = await checkFiles(exampleFiles(repeated, withRules("rules:\n  data/duplicate-id: off\n")));
    expect(checked.findings).toEqual(baseline.findings.filter((f) => f.ruleId !== "data/duplicate-id"));
  });

  it("error raises it (and seg check fails), an override for segmentation.yaml applies after rules:", async () => {
    const raised = await checkFiles(exampleFiles(repeated, withRules("rules:\n  data/duplicate-id: error\n")));
    expect(raised.findings.filter((f) => f.ruleId === "data/duplicate-id").map((f) => f.severity)).toEqual(["error"]);
    expect(raised.result.counts.error).toBe(baseline.result.counts.error + 1);
    // The data still counts: raising a warning does not stop the recompute.
    expect(raised.result.data?.engine.members).toBe(baseline.result.data?.engine.members);
    const overridden = await checkFiles(exampleFiles(repeated, withRules("rules:\n  data/duplicate-id: error\noverrides:\n  - files: [segmentation.yaml]\n    rules:\n      data/duplicate-id: info\n")));
    expect(overridden.findings.filter((f) => f.ruleId === "data/duplicate-id").map((f) => f.severity)).toEqual(["info"]);
  });

  it("an unknown id is an error at its key with a did-you-mean", async () => {
    const text = withRules("rules:\n  data/duplicate-ids: off\n");
    const checked = await checkFiles(exampleFiles(repeated, text), { data: false });
    const unknown = checked.result.diagnostics.filter((d) => d.ruleId === "unknown-reference");
    expect(unknown.map((d) => [d.line, d.column, d.message, d.hint])).toEqual([[lineOf(text, "data/duplicate-ids"), 3, 'Unknown rule "data/duplicate-ids".', 'Did you mean "data/duplicate-id"?']]);
  });

  it("a check whose error stops the recompute cannot be turned off or lowered, and takes no options", async () => {
    const text = withRules("rules:\n  data/duplicate-key: off\n  data/type-mismatch: error\n  data/future-dates: [warn, { days: 3 }]\n");
    const checked = await checkFiles(exampleFiles(invoices, text), { data: false });
    expect(checked.result.diagnostics.filter((d) => d.ruleId === "schema/invalid-value").map((d) => [d.line, d.column, d.message])).toEqual([
      [lineOf(text, "data/duplicate-key"), 3, '"data/duplicate-key" cannot be set to off: its error stops the recompute (member keys are unique in the accounts source), so it can only be fixed.'],
      [lineOf(text, "data/future-dates"), 3, '"data/future-dates" takes no options.'],
    ]);
  });
});
