import { describe, expect, it } from "vitest";
import { expectFileSnapshot } from "../../test/support/file-snapshot.ts";
import { findings, fixtureOptions, manyFindings, RESULTS_DIR } from "../../test/support/results-fixture.ts";
import { markdown, MARKDOWN_MAX_BYTES } from "./markdown.ts";

describe("markdown formatter", () => {
  it("matches the snapshot of the shared results", () => {
    expectFileSnapshot(markdown(findings, fixtureOptions), `${RESULTS_DIR}/findings.markdown.md`);
  });

  it("lists errors first, then warnings, then info", () => {
    const rows = markdown(findings, fixtureOptions).split("\n").filter((l) => l.startsWith("| playbook/"));
    const severities = rows.map((r) => r.split(" | ")[1]);
    expect(severities).toEqual(["**error**", "**error**", "**error**", "warning", "warning", "warning", "warning", "info"]);
  });

  it("keeps user text inert: no HTML, no mentions, no broken cells", () => {
    const text = markdown(findings, fixtureOptions);
    expect(text).not.toContain("<script>");
    expect(text).toContain("&lt;script&gt;");
    expect(text).not.toMatch(/@growth/);
    expect(text).toContain("Enterprise \\| Large");
    for (const row of text.split("\n").filter((l) => l.startsWith("| playbook/"))) expect(row.split(/(?<!\\)\|/)).toHaveLength(6);
  });

  it("stays under 64 KB with 10,000 findings, saying how many are left out", () => {
    const input = manyFindings(10_000);
    const text = markdown(input, { color: false });
    expect(Buffer.byteLength(text, "utf8")).toBeLessThanOrEqual(MARKDOWN_MAX_BYTES);
    expect(MARKDOWN_MAX_BYTES).toBeLessThan(64 * 1024);
    const shown = text.split("\n").filter((l) => l.startsWith("| segments/")).length;
    expect(shown).toBeGreaterThan(100);
    expect(text).toContain(`… and ${(30_000 - shown).toLocaleString("en-US")} more findings; run \`seg check\` for all of them.`);
    expect(text.split("\n").filter((l) => l.startsWith("| segments/")).every((l) => l.includes("**error**"))).toBe(true);
  });

  it("stays under 64 KB when single messages are huge", () => {
    const input = manyFindings(50, `${"x".repeat(100_000)} {i}`);
    expect(Buffer.byteLength(markdown(input, { color: false }), "utf8")).toBeLessThanOrEqual(MARKDOWN_MAX_BYTES);
  });

  it("reports a clean workspace in one line", () => {
    expect(markdown({ root: "/w", asOf: "2026-11-01", diagnostics: [], counts: { error: 0, warning: 0, info: 0 } }, { color: false })).toBe("### Seg check\n\n**✔ No problems** · as of 2026-11-01\n");
  });
});
