import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { loadedDocument } from "../../test/support/loaded-document.ts";
import { applyDirectives, parseDirectives } from "./directives.ts";

const RULES = ["segment-count", "stale-review", "stated-total-mismatch"];
const FILE = "segments/market/smb.yaml";

function finding(ruleId: string, line: number, file = FILE): Diagnostic {
  return { ruleId, severity: "warning", message: `${ruleId} at ${line}`, file, line, column: 1, endLine: line, endColumn: 2 };
}

function run(text: string, findings: Diagnostic[], path = FILE) {
  const outcome = applyDirectives([loadedDocument(path, text)], findings, RULES);
  return {
    reported: outcome.reported.map((d) => `${d.ruleId}@${d.line}`),
    suppressed: outcome.suppressed.map((d) => `${d.ruleId}@${d.line}`),
    problems: outcome.diagnostics.map((d) => `${d.ruleId} ${d.line}:${d.column} ${d.message}`),
  };
}

describe("inline directives", () => {
  it("cannot disable a rule whose findings may only be fixed", () => {
    const text = "id: smb\n# seg-disable-next-line lock-outdated -- later\nname: SMB\n";
    const outcome = applyDirectives([loadedDocument(FILE, text)], [finding("lock-outdated", 3)], RULES, { fixOnly: new Map([["lock-outdated", "Run seg lock."]]) });
    expect(outcome.reported.map((d) => d.ruleId)).toEqual(["lock-outdated"]);
    expect(outcome.diagnostics.map((d) => [d.ruleId, d.line, d.message, d.hint])).toEqual([["directives/unknown-rule", 2, "lock-outdated findings cannot be disabled, only fixed.", "Run seg lock."]]);
  });

  it("seg-disable-next-line hides the named rules on the next line that has content", () => {
    const text = "id: smb\n# seg-disable-next-line stale-review, segment-count -- owner on leave\n\n# another comment\nlast_reviewed: 2024-01-01\nname: SMB\n";
    expect(run(text, [finding("stale-review", 5), finding("segment-count", 5), finding("stale-review", 6), finding("stated-total-mismatch", 5)])).toEqual({
      reported: ["stale-review@6", "stated-total-mismatch@5"],
      suppressed: ["stale-review@5", "segment-count@5"],
      problems: [],
    });
  });

  it("seg-disable-line hides findings on its own line only", () => {
    const text = "id: smb\nstated_total: 7.3  # seg-disable-line stated-total-mismatch -- agreed with finance\nname: SMB\n";
    expect(run(text, [finding("stated-total-mismatch", 2), finding("stated-total-mismatch", 3)])).toMatchObject({ reported: ["stated-total-mismatch@3"], suppressed: ["stated-total-mismatch@2"], problems: [] });
  });

  it("seg-disable-file hides a rule everywhere in that file, and nowhere else", () => {
    const text = "# seg-disable-file stale-review -- reviewed in the quarterly offsite\nid: smb\n";
    expect(run(text, [finding("stale-review", 2), finding("stale-review", 40), finding("stale-review", 2, "segments/market/other.yaml")])).toMatchObject({
      reported: ["stale-review@2"],
      suppressed: ["stale-review@2", "stale-review@40"],
    });
  });

  it("reports a directive without a reason, and still applies it", () => {
    const text = "# seg-disable-next-line stale-review\nlast_reviewed: 2024-01-01\n";
    expect(run(text, [finding("stale-review", 2)])).toEqual({
      reported: [],
      suppressed: ["stale-review@2"],
      problems: ["directives/missing-reason 1:1 This seg-disable-next-line directive gives no reason."],
    });
  });

  it("treats an empty reason as none", () => {
    expect(run("# seg-disable-next-line stale-review --\nx: 1\n", [finding("stale-review", 2)]).problems).toEqual(["directives/missing-reason 1:1 This seg-disable-next-line directive gives no reason."]);
  });

  it("reports each rule of a directive that suppressed nothing, at the rule's column", () => {
    const text = "# seg-disable-next-line stale-review, segment-count -- owner on leave\nlast_reviewed: 2024-01-01\n";
    expect(run(text, [finding("stale-review", 2)]).problems).toEqual(["directives/unused 1:39 This seg-disable-next-line directive suppresses no segment-count finding on line 2."]);
  });

  it("reports an unknown rule with a suggestion, and a directive that names no rule", () => {
    const outcome = applyDirectives([loadedDocument(FILE, "# seg-disable-next-line stale-reveiw -- typo\nx: 1\n# seg-disable-line -- nothing named\n")], [], RULES);
    expect(outcome.diagnostics.map((d) => [d.ruleId, d.line, d.column, d.message, d.hint])).toEqual([
      ["directives/unknown-rule", 1, 25, 'Unknown rule "stale-reveiw" in a seg-disable-next-line directive.', 'Did you mean "stale-review"?'],
      ["directives/invalid", 3, 1, "This seg-disable-line directive names no rule.", "Name the rules: # seg-disable-next-line <rule>[, <rule>] -- <reason>."],
    ]);
  });

  it("does not take a # inside a string or block scalar for a directive", () => {
    const text = 'name: "SMB # seg-disable-line stale-review -- quoted"\nsummary: |\n  Notes\n  # seg-disable-next-line stale-review -- inside a block\n  more\nurl: a#seg-disable-line stale-review -- not a comment\n';
    expect(parseDirectives(loadedDocument(FILE, text))).toEqual([]);
  });

  it("reads directives in the frontmatter of a persona, not in its prose", () => {
    const text = "---\nid: ops-lead\n# seg-disable-next-line stale-review -- interviews scheduled\nlast_reviewed: 2024-01-01\n---\n# seg-disable-file stale-review -- a heading, not a directive\n";
    expect(run(text, [finding("stale-review", 4, "personas/ops-lead.mdx"), finding("stale-review", 7, "personas/ops-lead.mdx")], "personas/ops-lead.mdx")).toEqual({
      reported: ["stale-review@7"],
      suppressed: ["stale-review@4"],
      problems: [],
    });
  });

  it("reports a next-line directive at the end of a file as covering nothing", () => {
    expect(run("x: 1\n# seg-disable-next-line stale-review -- end\n", []).problems).toEqual(["directives/unused 2:25 This seg-disable-next-line directive suppresses no stale-review finding (no line follows it)."]);
  });

  it("reports nothing unused when some rules did not run (no data)", () => {
    const outcome = applyDirectives([loadedDocument(FILE, "# seg-disable-next-line stale-review -- x\nx: 1\n")], [], RULES, { complete: false });
    expect(outcome.diagnostics).toEqual([]);
  });

  it("leaves findings of ids that are not rules alone", () => {
    expect(run("# seg-disable-next-line stale-review -- x\nx: 1\n", [finding("schema/unknown-key", 2), finding("stale-review", 2)])).toMatchObject({ reported: ["schema/unknown-key@2"], suppressed: ["stale-review@2"] });
  });
});
