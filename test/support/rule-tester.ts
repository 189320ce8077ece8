/**
 * A strict valid/invalid tester for rules, in the manner of ESLint's RuleTester.
 *
 *   ruleTester.run(staleReview, {
 *     valid: [{ name: "reviewed last month", files: { ... } }],
 *     invalid: [{ name: "reviewed a year ago", files: { ... }, errors: [{ messageId: "overdue", file, line, column }] }],
 *   });
 *
 * Each case lays its files (inline YAML/MDX text) over the default workspace of
 * rule-test-workspace.ts, checks the definitions the way `seg check` does, adds
 * the data facts it describes (`data`, see src/rules/example-data.ts), and runs
 * the one rule with the case's options. The tester refuses duplicate case
 * names, invalid cases that expect nothing, expectations naming unknown message
 * ids, workspaces with definition errors, invalid options, and messages with
 * unfilled or NaN placeholders.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkDefinitions } from "../../src/api/check.ts";
import { compareDiagnostics, type Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { runRules } from "../../src/lint/run-rules.ts";
import type { Facts, Rule } from "../../src/rules/define-rule.ts";
import type { ExampleData } from "../../src/rules/example-data.ts";
import type { RuleLevel } from "../../src/schema/rule-setting.ts";
import { exampleDataFacts } from "./example-data-facts.ts";
import { BASE_WORKSPACE, configText } from "./rule-test-workspace.ts";

export interface RuleTestCase {
  /** Says what the case shows; unique within a rule's tests. */
  name: string;
  /** Files laid over the default workspace, by workspace path; null removes one. */
  files?: Record<string, string | null>;
  /** The analysis date (default: as_of of segmentation.yaml, 2026-11-01). */
  asOf?: string;
  /** Today's date, what freshness is measured against (default: the analysis date). */
  today?: string;
  /** The rule's options, as written under `rules:` in segmentation.yaml (they replace a setting the case's file makes). */
  options?: Record<string, unknown>;
  /** What the data measures; without it the rule runs as under `seg check --no-data`. */
  data?: ExampleData;
}

export interface ExpectedFinding {
  messageId: string;
  file: string;
  line: number;
  column: number;
  /** Figures the finding must carry (a subset of its data). */
  data?: Record<string, string | number>;
  /** The exact message, when the wording matters. */
  message?: string;
  /** The severity, when a finding can be more severe than the rule's setting. */
  severity?: "error" | "warning" | "info";
}

export interface InvalidRuleTestCase extends RuleTestCase {
  errors: ExpectedFinding[];
}

export interface RuleTests {
  valid: RuleTestCase[];
  invalid: InvalidRuleTestCase[];
}

const LEVELS: Record<string, RuleLevel> = { error: "error", warning: "warn", info: "info", off: "warn" };

export class RuleTester {
  run<Options>(rule: Rule<Options>, tests: RuleTests): void {
    assertWellFormed(rule, tests);
    describe(rule.id, () => {
      describe("valid", () => {
        for (const testCase of tests.valid) {
          it(testCase.name, () => {
            const findings = lintCase(rule, testCase);
            expect(findings.map(describeFinding), "a valid case must produce no findings").toEqual([]);
          });
        }
      });
      describe("invalid", () => {
        for (const testCase of tests.invalid) {
          it(testCase.name, () => {
            const findings = lintCase(rule, testCase);
            const expected = [...testCase.errors].sort(compareExpected);
            const actual = findings.map((finding, i) => {
              const wanted = expected[i];
              return {
                messageId: String(finding.data?.messageId),
                file: finding.file,
                line: finding.line,
                column: finding.column,
                ...(wanted?.data ? { data: Object.fromEntries(Object.keys(wanted.data).map((k) => [k, finding.data?.[k]])) } : {}),
                ...(wanted?.message !== undefined ? { message: finding.message } : {}),
                ...(wanted?.severity !== undefined ? { severity: finding.severity } : {}),
              };
            });
            expect(actual, findings.map(describeFinding).join("\n")).toEqual(expected);
          });
        }
      });
    });
  }
}

export const ruleTester = new RuleTester();

/**
 * Run one rule on one case and return its findings in file:line:col order.
 * Throws when the case's workspace itself is invalid or a message is malformed.
 */
export function lintCase<Options>(rule: Rule<Options>, testCase: RuleTestCase): Diagnostic[] {
  const root = mkdtempSync(join(tmpdir(), "seg-rule-"));
  try {
    for (const [path, text] of Object.entries(workspaceFiles(testCase.files ?? {}))) {
      const full = join(root, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
    const definitions = checkDefinitions({ root, today: "2026-11-01", ...(testCase.asOf ? { asOf: testCase.asOf } : {}) });
    const errors = definitions.diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0) {
      throw new Error(`The case's workspace has definition errors, so the rule would not be what fails:\n${errors.map(describeFinding).join("\n")}`);
    }
    const config = definitions.workspace.config;
    if (!config && testCase.options) throw new Error("The case sets options but removes segmentation.yaml, where options live.");
    // The case's options win; without them, a setting in the case's segmentation.yaml stands.
    if (config && (testCase.options !== undefined || config.value.rules[rule.id] === undefined)) {
      config.value.rules = { ...config.value.rules, [rule.id]: [LEVELS[rule.defaultSeverity]!, testCase.options ?? {}] };
    }
    const facts: Facts = {
      asOf: definitions.asOf,
      today: testCase.today ?? definitions.asOf,
      catalog: definitions.catalog,
      expressions: definitions.expressions,
      weights: definitions.weights,
      priorities: definitions.priorities,
      data: testCase.data ? exampleDataFacts(testCase.data, definitions) : undefined,
    };
    const out = runRules([rule], definitions.workspace, facts);
    const optionErrors = out.filter((d) => d.ruleId !== rule.id && d.message.startsWith(`Rule ${rule.id}:`));
    if (optionErrors.length > 0) throw new Error(`The case's options are invalid:\n${optionErrors.map(describeFinding).join("\n")}`);
    const findings = out.filter((d) => d.ruleId === rule.id).sort((a, b) => compareExpected(asExpected(a), asExpected(b)) || compareDiagnostics(a, b));
    for (const finding of findings) assertWellFormedFinding(rule, finding);
    return findings;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The files of a case's workspace: the default ones with the case's laid over them. */
export function workspaceFiles(files: Record<string, string | null>): Record<string, string> {
  const out: Record<string, string> = { ...BASE_WORKSPACE };
  for (const [path, text] of Object.entries(files)) {
    if (path === "segmentation.yaml") continue;
    if (text === null) delete out[path];
    else out[path] = text;
  }
  const config = files["segmentation.yaml"];
  if (config !== null) out["segmentation.yaml"] = configText(config);
  return out;
}

function assertWellFormed<Options>(rule: Rule<Options>, tests: RuleTests): void {
  const names = [...tests.valid, ...tests.invalid].map((c) => c.name);
  const duplicates = names.filter((name, i) => names.indexOf(name) !== i);
  if (duplicates.length > 0) throw new Error(`${rule.id}: duplicate test case names: ${[...new Set(duplicates)].join(", ")}`);
  for (const testCase of tests.invalid) {
    if (!testCase.errors || testCase.errors.length === 0) throw new Error(`${rule.id}: the invalid case "${testCase.name}" expects no findings; move it to valid or list its errors`);
    for (const error of testCase.errors) {
      if (!(error.messageId in rule.messages)) throw new Error(`${rule.id}: the case "${testCase.name}" expects the message id "${error.messageId}", which the rule does not declare (${Object.keys(rule.messages).join(", ")})`);
    }
  }
  for (const testCase of tests.valid) {
    if ("errors" in testCase) throw new Error(`${rule.id}: the valid case "${testCase.name}" lists errors; move it to invalid`);
  }
}

function assertWellFormedFinding<Options>(rule: Rule<Options>, finding: Diagnostic): void {
  const messageId = String(finding.data?.messageId);
  if (!(messageId in rule.messages)) throw new Error(`${rule.id} reported the undeclared message id "${messageId}"`);
  const template = rule.messages[messageId]!;
  for (const [, key] of template.matchAll(/\{(\w+)\}/g)) {
    const value = finding.data?.[key!];
    if (value === undefined || value === null) throw new Error(`${rule.id}/${messageId}: the placeholder {${key}} has no value`);
    if (typeof value === "number" && Number.isNaN(value)) throw new Error(`${rule.id}/${messageId}: the placeholder {${key}} is NaN`);
  }
  if (/\bNaN\b|\bundefined\b|\[object Object\]/.test(finding.message)) throw new Error(`${rule.id}/${messageId}: malformed message: ${finding.message}`);
}

function compareExpected(a: ExpectedFinding, b: ExpectedFinding): number {
  if (a.file !== b.file) return compareText(a.file, b.file);
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  return compareText(a.messageId, b.messageId);
}

function asExpected(d: Diagnostic): ExpectedFinding {
  return { messageId: String(d.data?.messageId), file: d.file, line: d.line, column: d.column };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function describeFinding(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.ruleId}${d.data?.messageId ? `/${String(d.data.messageId)}` : ""}: ${d.message}`;
}
