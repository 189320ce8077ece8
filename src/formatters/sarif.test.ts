/**
 * The SARIF output is validated against the SARIF 2.1.0 JSON schema vendored in
 * test/fixtures/sarif-schema-2.1.0.json (sarif-2.1.0-rtm.5, the JSON Schema
 * draft-04 file that @microsoft/jest-sarif ships, MIT), with Ajv.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { expectFileSnapshot } from "../../test/support/file-snapshot.ts";
import { findings, fixtureOptions, RESULTS_DIR } from "../../test/support/results-fixture.ts";
import type { FormatInput } from "./formatter.ts";
import { sarif } from "./sarif.ts";

const schema = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../test/fixtures/sarif-schema-2.1.0.json"), "utf8")) as object;
// unicodeRegExp: false, because the schema's `language` pattern ("…{2}]?$") is not a valid unicode-mode regular expression.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

interface Log {
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string; markdown: string }; defaultConfiguration: Record<string, unknown> }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

const parse = (input: FormatInput, options = fixtureOptions) => JSON.parse(sarif(input, options)) as Log;

function expectValid(text: string): void {
  const ok = validate(JSON.parse(text));
  expect(ok, ajv.errorsText(validate.errors, { separator: "\n" })).toBe(true);
}

describe("sarif formatter", () => {
  it("matches the snapshot of the shared results", () => {
    expectFileSnapshot(sarif(findings, fixtureOptions), `${RESULTS_DIR}/findings.sarif.json`);
  });

  it("is valid against the SARIF 2.1.0 schema", () => {
    expectValid(sarif(findings, fixtureOptions));
    expectValid(sarif({ root: "/w", asOf: "2026-11-01", diagnostics: [], counts: { error: 0, warning: 0, info: 0 } }, { color: false }));
  });

  it("the schema check catches an invalid log", () => {
    const log = parse(findings) as unknown as { runs: { results: { level: string }[] }[] };
    log.runs[0]!.results[0]!.level = "fatal";
    expect(validate(log)).toBe(false);
  });

  it("describes the tool and every rule, with docs as help and the default level", () => {
    const driver = parse(findings).runs[0]!.tool.driver;
    expect(driver).toMatchObject({ name: "Seg", version: "0.1.0", informationUri: "https://seg.dev" });
    const weights = driver.rules.find((r) => r.id === "weights-sum")!;
    expect(weights.shortDescription.text).toBe("Prioritization weights sum to 100 (or to 1)");
    expect(weights.fullDescription.text).toMatch(/^A weighted total only means something/);
    expect(weights.help.markdown).toContain("```yaml\nweight: 50\n```");
    expect(weights.defaultConfiguration).toEqual({ level: "error" });
    expect(driver.rules.find((r) => r.id === "demographics-only")!.defaultConfiguration).toEqual({ enabled: false });
    expect(driver.rules.find((r) => r.id === "schema/unknown-key")!.shortDescription.text).toBe("Files use only the keys their schema declares");
  });

  it("locates each result relative to the repository root, with a 1-based region", () => {
    const run = parse(findings).runs[0]!;
    expect(run.originalUriBaseIds["%SRCROOT%"]!.uri).toBe("file:///work/acme/");
    const result = run.results.find((r) => r.ruleId === "stated-total-mismatch")!;
    expect(result.level).toBe("error");
    expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe("stated-total-mismatch");
    expect(result.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: "playbook/segments/market/enterprise.yaml", uriBaseId: "%SRCROOT%" },
      region: { startLine: 9, startColumn: 15, endLine: 9, endColumn: 18 },
    });
    expect(run.results.find((r) => r.ruleId === "segment-count")!.level).toBe("note");
  });

  it("keeps a finding's fingerprint when its line moves, and changes it when the finding changes", () => {
    const fingerprint = (input: FormatInput) => Object.values(parse(input).runs[0]!.results.find((r) => r.ruleId === "stated-total-mismatch")!.partialFingerprints)[0];
    const file = "segments/market/enterprise.yaml";
    const moved = structuredClone(findings) as FormatInput & { sources: Record<string, string> };
    moved.sources[file] = `# a comment added on top\n\n${moved.sources[file]}`;
    moved.diagnostics = moved.diagnostics.map((d) => (d.file === file ? { ...d, line: d.line + 2, endLine: d.endLine + 2 } : d));
    expect(fingerprint(moved)).toBe(fingerprint(findings));

    const renumbered = structuredClone(findings);
    renumbered.diagnostics = renumbered.diagnostics.map((d) => (d.file === file ? { ...d, message: d.message.replace("7.8", "7.9") } : d));
    expect(fingerprint(renumbered)).toBe(fingerprint(findings));

    const edited = structuredClone(findings) as FormatInput & { sources: Record<string, string> };
    edited.sources[file] = edited.sources[file]!.replace("stated_total: 7.3", "stated_total: 6.1");
    expect(fingerprint(edited)).not.toBe(fingerprint(findings));
  });

  it("tells identical findings in one file apart by their order", () => {
    const d = findings.diagnostics[0]!;
    const twice = { ...findings, diagnostics: [d, { ...d }] };
    const prints = parse(twice).runs[0]!.results.map((r) => Object.values(r.partialFingerprints)[0]!);
    expect(prints[0]!.replace(/:1$/, ":2")).toBe(prints[1]);
  });
});
