import { describe, expect, it } from "vitest";
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.ts";
import type { Suppressions } from "../schema/suppressions.ts";
import { loadedDocument } from "../../test/support/loaded-document.ts";
import { applySuppressions, countSuppressions, updateSuppressions } from "./suppressions.ts";

const RULES = new Set(["stale-review", "segment-count"]);
const SMB = "segments/market/smb.yaml";
const ENT = "segments/market/enterprise.yaml";

function finding(ruleId: string, line: number, file = SMB, severity: Severity = "warning"): Diagnostic {
  return { ruleId, severity, message: `${ruleId} at ${line}`, hint: "Fix it.", file, line, column: 1, endLine: line, endColumn: 2 };
}

/** seg-suppressions.json text, so expected positions can be read off. */
const BASELINE = `{
  "version": 1,
  "suppressions": {
    "segments/market/smb.yaml": {
      "stale-review": { "count": 2, "reason": "owner on leave" },
      "segment-count": { "count": 1, "expires": "2026-10-31" }
    },
    "segments/market/enterprise.yaml": {
      "stale-review": { "count": 3 }
    }
  }
}
`;

const baseline = loadedDocument<Suppressions>("seg-suppressions.json", BASELINE);
const apply = (findings: Diagnostic[], asOf = "2026-11-01") => applySuppressions(findings, baseline, { asOf, ruleIds: RULES });
const where = (ds: Diagnostic[]) => ds.map((d) => `${d.ruleId}@${d.file}:${d.line}`);

describe("applySuppressions", () => {
  it("hides nothing for a rule whose findings may not be accepted, and says so at the entry", () => {
    const text = `{\n  "version": 1,\n  "suppressions": {\n    "segmentation.yaml": {\n      "lock-outdated": { "count": 1 }\n    }\n  }\n}\n`;
    const stale = finding("lock-outdated", 1, "segmentation.yaml", "error");
    const outcome = applySuppressions([stale], loadedDocument<Suppressions>("seg-suppressions.json", text), { asOf: "2026-11-01", ruleIds: RULES });
    expect(outcome.reported).toEqual([stale]);
    expect(outcome.diagnostics.map((d) => [d.ruleId, d.line, d.column, d.message])).toEqual([
      ["suppressions/not-accepted", 5, 24, "seg-suppressions.json cannot accept lock-outdated findings (in segmentation.yaml): lock-outdated is not a rule whose findings may be accepted, so none are hidden."],
    ]);
  });

  it("hides up to count findings per file and rule", () => {
    const outcome = apply([finding("stale-review", 3), finding("stale-review", 9), finding("stale-review", 1, ENT), finding("stale-review", 2, ENT), finding("stale-review", 3, ENT)]);
    expect(where(outcome.suppressed)).toEqual([`stale-review@${SMB}:3`, `stale-review@${SMB}:9`, `stale-review@${ENT}:1`, `stale-review@${ENT}:2`, `stale-review@${ENT}:3`]);
    expect(outcome.reported).toEqual([]);
  });

  it("reports the findings past the count, saying how many the baseline accepts", () => {
    const outcome = apply([finding("stale-review", 3), finding("stale-review", 9), finding("stale-review", 12), ...[1, 2, 3].map((l) => finding("stale-review", l, ENT))]);
    expect(where(outcome.reported)).toEqual([`stale-review@${SMB}:12`]);
    expect(outcome.reported[0]!.hint).toBe("Fix it. (seg-suppressions.json accepts 2 of the 3 stale-review findings in this file.)");
  });

  it("stops applying an entry after its expiry date, and reports it at the date", () => {
    const outcome = apply([finding("segment-count", 1), ...[1, 2, 3].map((l) => finding("stale-review", l, ENT)), finding("stale-review", 1), finding("stale-review", 2)]);
    expect(where(outcome.reported)).toEqual([`segment-count@${SMB}:1`]);
    expect(outcome.diagnostics.map((d) => [d.ruleId, d.severity, d.line, d.column, d.message])).toEqual([
      ["suppressions/expired", "warning", 6, 49, "The suppression of segment-count in segments/market/smb.yaml expired on 2026-10-31; its 1 finding is reported again."],
    ]);
  });

  it("still applies an entry on its expiry date", () => {
    expect(apply([finding("segment-count", 1)], "2026-10-31").suppressed).toHaveLength(1);
  });

  it("reports entries that accept more findings than there are, with the prune hint", () => {
    const outcome = apply([finding("stale-review", 3), ...[1, 2].map((l) => finding("stale-review", l, ENT))], "2026-10-01");
    expect(outcome.diagnostics.map((d) => [d.ruleId, d.file, d.line, d.column, d.message, d.hint])).toEqual([
      ["suppressions/unused", "seg-suppressions.json", 5, 34, "seg-suppressions.json accepts 2 stale-review findings in segments/market/smb.yaml, but there is 1.", "Run seg check --prune-suppressions to lower the count or remove the entry."],
      ["suppressions/unused", "seg-suppressions.json", 6, 35, "seg-suppressions.json accepts 1 segment-count finding in segments/market/smb.yaml, but there are 0.", "Run seg check --prune-suppressions to lower the count or remove the entry."],
      ["suppressions/unused", "seg-suppressions.json", 9, 34, "seg-suppressions.json accepts 3 stale-review findings in segments/market/enterprise.yaml, but there are 2.", "Run seg check --prune-suppressions to lower the count or remove the entry."],
    ]);
  });

  it("without the data, reports an entry unused only when its rule fired in that file", () => {
    const outcome = applySuppressions([finding("stale-review", 3), ...[1, 2].map((l) => finding("stale-review", l, ENT))], baseline, { asOf: "2026-10-01", ruleIds: RULES, complete: false });
    expect(outcome.diagnostics.map((d) => d.message)).toEqual([
      "seg-suppressions.json accepts 2 stale-review findings in segments/market/smb.yaml, but there is 1.",
      "seg-suppressions.json accepts 3 stale-review findings in segments/market/enterprise.yaml, but there are 2.",
    ]);
  });

  it("never hides info findings or findings of checks that are not rules", () => {
    const outcome = apply([finding("stale-review", 3, SMB, "info"), finding("schema/unknown-key", 4), ...[1, 2, 3].map((l) => finding("stale-review", l, ENT))], "2026-10-01");
    expect(where(outcome.reported)).toEqual([`stale-review@${SMB}:3`, `schema/unknown-key@${SMB}:4`]);
  });

  it("passes everything through without a baseline", () => {
    const findings = [finding("stale-review", 3)];
    expect(applySuppressions(findings, undefined, { asOf: "2026-11-01", ruleIds: RULES })).toEqual({ reported: findings, suppressed: [], diagnostics: [] });
  });
});

describe("updateSuppressions", () => {
  const existing = baseline.value;
  const current = [finding("stale-review", 3), finding("segment-count", 1), finding("segment-count", 7), finding("stale-review", 1, "segments/market/new.yaml")];

  it("--suppress-all records every current finding, keeping reasons and expiry dates", () => {
    expect(updateSuppressions(existing, current, { add: "all", prune: false }).suppressions).toEqual({
      [SMB]: { "stale-review": { count: 1, reason: "owner on leave" }, "segment-count": { count: 2, reason: "baseline", expires: "2026-10-31" } },
      [ENT]: { "stale-review": { count: 3 } },
      "segments/market/new.yaml": { "stale-review": { count: 1, reason: "baseline" } },
    });
  });

  it("--suppress-rule records only that rule", () => {
    expect(updateSuppressions(existing, current, { add: ["segment-count"], prune: false }).suppressions).toEqual({
      [SMB]: { "stale-review": { count: 2, reason: "owner on leave" }, "segment-count": { count: 2, reason: "baseline", expires: "2026-10-31" } },
      [ENT]: { "stale-review": { count: 3 } },
    });
  });

  it("--prune-suppressions lowers counts and removes entries with nothing left", () => {
    const pruned = updateSuppressions(existing, current, { add: [], prune: true });
    expect(pruned.suppressions).toEqual({ [SMB]: { "stale-review": { count: 1, reason: "owner on leave" }, "segment-count": { count: 1, expires: "2026-10-31" } } });
    expect(countSuppressions(pruned)).toEqual({ findings: 2, entries: 2 });
  });

  it("starts a baseline from nothing", () => {
    expect(updateSuppressions(undefined, [finding("stale-review", 3)], { add: "all", prune: false })).toEqual({ version: 1, suppressions: { [SMB]: { "stale-review": { count: 1, reason: "baseline" } } } });
  });
});
