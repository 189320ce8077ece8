/**
 * A finding's identity is its rule or check, file, path in the document and
 * message id, never its wording: rewording every message template (of the
 * rules and of the checks registry) leaves seg diff's new and fixed findings
 * empty, the SARIF fingerprints equal, and a suppressions baseline written
 * under the old wording still accepting every finding. A real change is still
 * a fixed finding.
 */
import { afterEach, describe, expect, it } from "vitest";
import { check } from "../../src/api/check.ts";
import type { CheckResult } from "../../src/lint/check-result.ts";
import { formatCheck } from "../../src/api/format-check.ts";
import { updateSuppressionsFile } from "../../src/api/update-suppressions.ts";
import { checks } from "../../src/checks/index.ts";
import { diffFindings } from "../../src/diff/findings-diff.ts";
import { rules } from "../../src/rules/index.ts";
import { personaFile, PERSONA_FILE } from "../support/persona-file.ts";
import { BASE_CONFIG, BASE_SEGMENT, tempWorkspace, type TempWorkspace } from "../support/temp-workspace.ts";

let ws: TempWorkspace | undefined;
afterEach(() => ws?.remove());

/** Run `body` with every message template of every rule and check reworded, then restore them. */
async function reworded<T>(body: () => Promise<T>): Promise<T> {
  const saved: [Record<string, string>, Record<string, string>][] = [];
  for (const meta of [...rules, ...checks]) {
    const messages = meta.messages as Record<string, string>;
    saved.push([messages, { ...messages }]);
    for (const id of Object.keys(messages)) messages[id] = `Reworded: ${messages[id]}`;
  }
  try {
    return await body();
  } finally {
    for (const [messages, original] of saved) Object.assign(messages, original);
  }
}

function fingerprints(result: CheckResult): string[] {
  const log = JSON.parse(formatCheck(result, "sarif")) as { runs: { results: { partialFingerprints: Record<string, string> }[] }[] };
  return log.runs[0]!.results.map((r) => Object.values(r.partialFingerprints)[0]!);
}

// A stale review (rule), rows dated after as_of and an account without a key (data checks): all warnings, so the data is recomputed.
const WARNINGS = {
  "segments/usage/heavy.yaml": `${BASE_SEGMENT}last_reviewed: 2025-06-01\n`,
  "data/accounts.csv": "account_id,employees,region,plan\nA1,10,EMEA,free\nA2,2000,NA,growth\n,5,NA,free\n",
  "data/events.csv": "account_id,occurred_at,event_type\nA1,2026-10-01 10:00:00,login\nA2,2027-01-05 09:00:00,login\n",
};

describe("finding identity", () => {
  it("survives rewording every message: no new or fixed findings, same fingerprints, the baseline still applies", async () => {
    ws = tempWorkspace(WARNINGS);
    const before = await check({ root: ws.root, today: "2026-11-01", cache: false });
    const watched = (result: CheckResult) => result.diagnostics.filter((d) => ["data/future-dates", "data/missing-key", "stale-review"].includes(d.ruleId));
    expect(watched(before).map((d) => d.ruleId).sort()).toEqual(["data/future-dates", "data/missing-key", "stale-review"]);

    const after = await reworded(() => check({ root: ws!.root, today: "2026-11-01", cache: false }));
    expect(after.diagnostics.filter((d) => !d.message.startsWith("Reworded: "))).toEqual([]);
    expect(diffFindings(before.diagnostics, after.diagnostics)).toEqual({ added: [], fixed: [] });
    expect(fingerprints(after)).toEqual(fingerprints(before));

    // The baseline is written under the old wording and read under the new one.
    const written = updateSuppressionsFile(before, { add: "all", prune: false });
    expect(written.status).toBe("written");
    const accepted = await reworded(() => check({ root: ws!.root, today: "2026-11-01", cache: false }));
    expect(watched(accepted)).toEqual([]);
    expect(accepted.diagnostics.filter((d) => d.ruleId.startsWith("suppressions/"))).toEqual([]);
    const suppressed = accepted.suppressed.map((s) => s.diagnostic);
    expect(suppressed.map((d) => d.ruleId)).toEqual(expect.arrayContaining(["data/future-dates", "data/missing-key", "stale-review"]));
    // What the baseline hides now is what it was written from.
    expect(diffFindings(before.diagnostics.filter((d) => d.severity !== "info" && suppressed.some((s) => s.ruleId === d.ruleId)), suppressed)).toEqual({ added: [], fixed: [] });
  }, 120_000);

  it("keeps errors of every kind of check the same findings when reworded, and still sees a real fix", async () => {
    ws = tempWorkspace({
      // A missing score, an expression comparing a number with text, a hypothesis on a missing segment,
      // a component a persona may not use, a <Metric> on a missing segment, a feature on a missing source.
      "segments/usage/heavy.yaml": BASE_SEGMENT.replace("scores: { size: 5, fit: 5 }\n", "scores: { size: 5 }\n"),
      "segments/usage/light.yaml": BASE_SEGMENT.replace("id: heavy", "id: light").replace("where: active_days_90d >= 40", "where: active_days_90d >= 'x'"),
      "hypotheses/heavy-stay.yaml": "id: heavy-stay\nstatement: Heavy users stay.\nsegments: [heavvy]\nmetric: active_days_90d\ntest:\n  kind: difference-of-means\n  alternative: two-sided\n",
      [PERSONA_FILE]: personaFile('Hana runs <Chart /> and <Metric segment="nobody" metric="share" />.'),
      "segmentation.yaml": BASE_CONFIG.replace("    window_days: 90\n", "    window_days: 90\n  lifetime:\n    source: evnts\n    aggregate: count\n"),
    });
    const before = await check({ root: ws.root, today: "2026-11-01", data: false });
    const ids = new Set(before.diagnostics.map((d) => d.ruleId));
    for (const id of ["prioritization/missing-score", "expr/type", "unknown-reference", "mdx/element"]) expect(ids, `${id} in ${[...ids].join(", ")}`).toContain(id);

    const after = await reworded(() => check({ root: ws!.root, today: "2026-11-01", data: false }));
    expect(after.diagnostics.map((d) => d.message).filter((m) => !m.startsWith("Reworded: "))).toEqual([]);
    expect(diffFindings(before.diagnostics, after.diagnostics)).toEqual({ added: [], fixed: [] });

    // A real fix is still a fixed finding, and only that one.
    ws.write("hypotheses/heavy-stay.yaml", "id: heavy-stay\nstatement: Heavy users stay.\nsegments: [heavy]\nmetric: active_days_90d\ntest:\n  kind: difference-of-means\n  alternative: two-sided\n");
    const fixed = await check({ root: ws.root, today: "2026-11-01", data: false });
    expect(diffFindings(before.diagnostics, fixed.diagnostics)).toMatchObject({ added: [], fixed: [{ ruleId: "unknown-reference", file: "hypotheses/heavy-stay.yaml", path: ["segments", 0] }] });
  }, 120_000);
});
