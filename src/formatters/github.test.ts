import { describe, expect, it } from "vitest";
import { expectFileSnapshot } from "../../test/support/file-snapshot.ts";
import { findings, fixtureOptions, manyFindings, RESULTS_DIR } from "../../test/support/results-fixture.ts";
import { ANNOTATIONS_PER_KIND, escapeData, escapeProperty, github, githubStepSummary, STEP_SUMMARY_MAX_BYTES } from "./github.ts";

const bytes = (text: string) => Buffer.byteLength(text, "utf8");

describe("github formatter", () => {
  it("matches the snapshot of the shared results", () => {
    expectFileSnapshot(github(findings, fixtureOptions), `${RESULTS_DIR}/findings.github.txt`);
  });

  it("writes a step summary matching its snapshot", () => {
    expectFileSnapshot(githubStepSummary(findings, { ...fixtureOptions, stepSummaryBytes: STEP_SUMMARY_MAX_BYTES })!, `${RESULTS_DIR}/findings.github-summary.md`);
  });

  it("escapes %, CR and LF in messages, and also : and , in properties", () => {
    expect(escapeData("100% done\r\nnext")).toBe("100%25 done%0D%0Anext");
    expect(escapeProperty("a:b,c%\n")).toBe("a%3Ab%2Cc%25%0A");
  });

  it("never lets a message start a second workflow command", () => {
    const lines = github(findings, fixtureOptions).split("\n");
    const commands = lines.filter((line) => line.startsWith("::"));
    expect(commands).toHaveLength(findings.diagnostics.length);
    expect(lines.filter((line) => line.startsWith("::error::"))).toEqual([]);
    expect(lines.join("\n")).toContain("ago;%0A::error::its cadence");
  });

  it("gives columns only for a span on one line, and the end line otherwise", () => {
    const lines = github(findings, fixtureOptions).split("\n");
    expect(lines).toContain(
      "::warning file=playbook/segments/market/smb.yaml,line=3,endLine=5,title=seg stale-review::The summary of SMB spans lines 3–5 and names a *size* range [10-50] in `text`.",
    );
    expect(lines[0]).toMatch(/^::warning file=playbook\/personas\/ops-lead.mdx,line=4,col=16,endColumn=26,title=seg stale-review::/);
  });

  it("annotates at most 10 errors, 10 warnings and 10 notices, and prints the rest as plain lines", () => {
    const input = manyFindings(25);
    const lines = github(input, { color: false }).trimEnd().split("\n");
    for (const kind of ["error", "warning", "notice"]) expect(lines.filter((l) => l.startsWith(`::${kind} `))).toHaveLength(ANNOTATIONS_PER_KIND);
    expect(lines.filter((l) => /^segments\/market\/s\d+\.yaml:\d+:1: (error|warning|info): /.test(l))).toHaveLength(45);
    expect(lines.at(-1)).toBe("seg check: 45 findings beyond GitHub's 10 annotations per kind and step are listed above.");
    expect(github(input, { color: false, stepSummaryBytes: 1000 })).toContain("are listed above and in the step summary.");
  });

  it("lists in the step summary exactly the findings that were not annotated", () => {
    const summary = githubStepSummary(manyFindings(25), { color: false, stepSummaryBytes: STEP_SUMMARY_MAX_BYTES })!;
    expect(summary).toContain("45 findings beyond GitHub's annotation limit");
    expect(summary.split("\n").filter((l) => l.startsWith("| segments/"))).toHaveLength(45);
    expect(summary).not.toContain("| segments/market/s00009.yaml:10 |");
    expect(summary).toContain("| segments/market/s00010.yaml:11 | **error** |");
  });

  it("keeps the step summary within the bytes left, however many findings", () => {
    const input = manyFindings(20_000, "A long message that repeats to fill the summary ".repeat(4));
    const full = githubStepSummary(input, { color: false, stepSummaryBytes: STEP_SUMMARY_MAX_BYTES })!;
    expect(bytes(full)).toBeLessThanOrEqual(STEP_SUMMARY_MAX_BYTES);
    expect(full).toMatch(/… and [\d,]+ more findings; run `seg check` for all of them\.\n/);
    const small = githubStepSummary(input, { color: false, stepSummaryBytes: 5_000 })!;
    expect(bytes(small)).toBeLessThanOrEqual(5_000);
    expect(githubStepSummary(input, { color: false, stepSummaryBytes: 20 })).toBeUndefined();
  });

  it("says so when there is nothing to report", () => {
    const clean = { root: "/w", asOf: "2026-11-01", diagnostics: [], counts: { error: 0, warning: 0, info: 0 }, suppressed: 2 };
    expect(github(clean, { color: false })).toBe("seg check: no problems (as of 2026-11-01; 2 suppressed).\n");
    expect(githubStepSummary(clean, { color: false, stepSummaryBytes: 1000 })).toBe("### Seg check\n\n**✔ No problems** · 2 suppressed · as of 2026-11-01\n\n");
  });
});
