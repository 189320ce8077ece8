import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { configWithRules } from "../../test/support/config-with-rules.ts";
import { BASE_SEGMENT, tempWorkspace, type TempWorkspace } from "../../test/support/temp-workspace.ts";
import { check } from "./check.ts";
import { updateSuppressionsFile } from "./update-suppressions.ts";

let ws: TempWorkspace | undefined;
afterEach(() => ws?.remove());

const misstated = `${BASE_SEGMENT}stated_total: 9\n`;
const config = configWithRules({ "stated-total-mismatch": "error", "stale-data": "warn" });

describe("updateSuppressionsFile", () => {
  it("returns the check result as the new baseline sees it", async () => {
    ws = tempWorkspace({ "segmentation.yaml": config, "segments/usage/heavy.yaml": misstated });
    const before = await check({ root: ws.root, today: "2026-11-01", data: false });
    expect(before.counts).toEqual({ error: 1, warning: 0, info: 0 });
    const outcome = updateSuppressionsFile(before, { add: "all", prune: false });
    expect(outcome).toMatchObject({ status: "written", changed: true, findings: 1, entries: 1, expired: 0 });
    expect(outcome.result.counts).toEqual({ error: 0, warning: 0, info: 0 });
    expect(outcome.result.suppressed.map((s) => [s.by, s.diagnostic.ruleId])).toEqual([["baseline", "stated-total-mismatch"]]);
    const again = await check({ root: ws.root, today: "2026-11-01", data: false });
    expect(again.diagnostics).toEqual(outcome.result.diagnostics);
    expect(updateSuppressionsFile(again, { add: "all", prune: false })).toMatchObject({ status: "written", changed: false });
  });

  it("leaves a broken suppressions file alone", async () => {
    ws = tempWorkspace({ "segmentation.yaml": config, "segments/usage/heavy.yaml": misstated, "seg-suppressions.json": '{ "version": 1, "suppressions": { "a.yaml": { "weights-sum": { "count": 0 } } } }\n' });
    const result = await check({ root: ws.root, today: "2026-11-01", data: false });
    const outcome = updateSuppressionsFile(result, { add: "all", prune: true });
    expect(outcome.status).toBe("refused");
    expect(outcome.status === "refused" && outcome.reason).toMatch(/^seg-suppressions.json has errors \(.+\); fix them, or delete the file, before updating it$/);
    expect(readFileSync(join(ws.root, "seg-suppressions.json"), "utf8")).toContain('"count": 0');
  });

  it("keeps findings hidden by directives out of the baseline", async () => {
    ws = tempWorkspace({ "segmentation.yaml": config, "segments/usage/heavy.yaml": `${BASE_SEGMENT}stated_total: 9 # seg-disable-line stated-total-mismatch -- agreed\n` });
    const outcome = updateSuppressionsFile(await check({ root: ws.root, today: "2026-11-01", data: false }), { add: "all", prune: false });
    expect(outcome).toMatchObject({ status: "written", findings: 0, entries: 0 });
    expect(JSON.parse(readFileSync(join(ws.root, "seg-suppressions.json"), "utf8"))).toEqual({ version: 1, suppressions: {} });
  });

  it("refuses to prune when the data-aware rules did not run", async () => {
    ws = tempWorkspace({ "segmentation.yaml": config, "seg-suppressions.json": '{ "version": 1, "suppressions": { "segmentation.yaml": { "stale-data": { "count": 1 } } } }\n' });
    const result = await check({ root: ws.root, today: "2026-11-01", data: false });
    expect(result.diagnostics).toEqual([]);
    expect(updateSuppressionsFile(result, { add: [], prune: true })).toMatchObject({ status: "refused", reason: expect.stringMatching(/^pruning needs a check with the data/) });
    expect(JSON.parse(readFileSync(join(ws.root, "seg-suppressions.json"), "utf8")).suppressions).toEqual({ "segmentation.yaml": { "stale-data": { count: 1 } } });
  });
});
