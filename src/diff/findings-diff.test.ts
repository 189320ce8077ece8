import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { diffFindings } from "./findings-diff.ts";

const finding = (ruleId: string, message: string, file = "segments/usage/heavy.yaml", line = 1): Diagnostic => ({
  ruleId,
  severity: "warning",
  message,
  file,
  line,
  column: 1,
  endLine: line,
  endColumn: 2,
});

describe("diffFindings", () => {
  it("matches findings whose numbers changed, wherever they moved in the file", () => {
    const base = [finding("size-drift", "Heavy users measure 4.1% against a stated 10%.", undefined, 3)];
    const head = [finding("size-drift", "Heavy users measure 3.9% against a stated 10%.", undefined, 7)];
    expect(diffFindings(base, head)).toEqual({ added: [], fixed: [] });
  });

  it("reports findings new in the head and fixed since the base", () => {
    const stale = finding("stale-review", "Heavy users was last reviewed 120 days ago.");
    const weights = finding("weights-sum", "The weights sum to 110.", "segmentation.yaml");
    const drift = finding("size-drift", "Heavy users measure 4.1%.");
    expect(diffFindings([stale, drift], [drift, weights])).toEqual({ added: [weights], fixed: [stale] });
  });

  it("tells the same finding in another file apart", () => {
    const a = finding("stale-review", "Reviewed 120 days ago.", "segments/usage/a.yaml");
    const b = finding("stale-review", "Reviewed 120 days ago.", "segments/usage/b.yaml");
    expect(diffFindings([a], [b])).toEqual({ added: [b], fixed: [a] });
  });

  it("counts repeated findings one by one", () => {
    const once = finding("undifferentiated", "Heavy and light do not differ on spend.");
    expect(diffFindings([once], [once, { ...once, line: 9 }]).added).toHaveLength(1);
  });

  it("takes a finding with a message id and path to be the same one however it is worded, and another node to be another finding", () => {
    const at = (message: string, path: (string | number)[]): Diagnostic => ({ ...finding("unknown-reference", message, "personas/hana.mdx"), messageId: "unknown", path });
    const base = at('Unknown segment "heavvy".', ["segments", 0]);
    expect(diffFindings([base], [at('No segment is called "heavvy" (a typo?).', ["segments", 0])])).toEqual({ added: [], fixed: [] });
    const other = at('Unknown segment "heavvy".', ["segments", 1]);
    expect(diffFindings([base], [other])).toEqual({ added: [other], fixed: [base] });
  });
});
