import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineRule } from "../../src/rules/define-rule.ts";
import { lintCase, ruleTester, workspaceFiles } from "./rule-tester.ts";
import { CONFIG_HEAD, CONFIG_HEAD_LINES } from "./rule-test-workspace.ts";

/** Reports every segment, with whatever data the test asks for. */
const everySegment = (data: Record<string, string | number>) =>
  defineRule({
    id: "every-segment",
    description: "Reports every segment",
    defaultSeverity: "warning",
    options: z.strictObject({ only: z.string().optional() }),
    messages: { found: "Found {name} in {scheme}." },
    hint: "Nothing to do.",
    docs: { rationale: "For testing the tester.", bad: [], good: [] },
    check(context) {
      for (const s of context.segmentsOf()) {
        if (context.options.only === undefined || s.value.id === context.options.only) context.report({ messageId: "found", document: s, path: ["id"], data: { name: s.value.name, ...data } });
      }
    },
  });

describe("the rule tester", () => {
  it("refuses duplicate case names", () => {
    expect(() => ruleTester.run(everySegment({ scheme: "x" }), { valid: [{ name: "same" }], invalid: [{ name: "same", errors: [{ messageId: "found", file: "a", line: 1, column: 1 }] }] })).toThrow(/duplicate test case names: same/);
  });

  it("refuses invalid cases that expect nothing", () => {
    expect(() => ruleTester.run(everySegment({ scheme: "x" }), { valid: [], invalid: [{ name: "nothing", errors: [] }] })).toThrow(/expects no findings/);
  });

  it("refuses expectations with a message id the rule does not declare", () => {
    expect(() => ruleTester.run(everySegment({ scheme: "x" }), { valid: [], invalid: [{ name: "typo", errors: [{ messageId: "fonud", file: "a", line: 1, column: 1 }] }] })).toThrow(/does not declare/);
  });

  it("refuses a message with an unfilled placeholder", () => {
    expect(() => lintCase(everySegment({}), { name: "missing scheme" })).toThrow(/placeholder \{scheme\} has no value/);
  });

  it("refuses a message with a non-number", () => {
    expect(() => lintCase(everySegment({ scheme: Number.NaN }), { name: "NaN" })).toThrow(/NaN/);
  });

  it("refuses a workspace with definition errors", () => {
    expect(() => lintCase(everySegment({ scheme: "x" }), { name: "broken", files: { "segments/usage/heavy.yaml": "id: heavy\n" } })).toThrow(/definition errors/);
  });

  it("refuses invalid options", () => {
    expect(() => lintCase(everySegment({ scheme: "x" }), { name: "bad option", options: { only: 3 } })).toThrow(/options are invalid/);
  });

  it("runs the rule with the case's options and returns findings in file order", () => {
    const findings = lintCase(everySegment({ scheme: "x" }), { name: "one", options: { only: "heavy" } });
    expect(findings.map((f) => [f.file, f.line, f.column, f.message])).toEqual([["segments/usage/heavy.yaml", 1, 5, "Found Heavy users in x."]]);
  });

  it("lays a partial segmentation.yaml after the shared head, keeping default sections it does not mention", () => {
    const text = workspaceFiles({ "segmentation.yaml": "thresholds:\n  alpha: 0.01\n" })["segmentation.yaml"]!;
    expect(text.startsWith(CONFIG_HEAD)).toBe(true);
    expect(text.split("\n")[CONFIG_HEAD_LINES]).toBe("schemes:");
    expect(text.endsWith("thresholds:\n  alpha: 0.01\n")).toBe(true);
    expect(workspaceFiles({ "segmentation.yaml": "name: Whole file\n" })["segmentation.yaml"]).toBe("name: Whole file\n");
  });
});
