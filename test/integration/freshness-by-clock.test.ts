/**
 * Freshness is measured against today's date, not the as_of a workspace pins:
 * the example (as_of 2026-11-01, data to 2026-10-31) is fresh on 2026-11-23 and
 * stale on 2026-12-07, with the same lock byte for byte on both days. Thresholds
 * work like dbt's: warn_after_days warns, error_after_days fails the check, set
 * per source or for the workspace. The CLI reads today from the clock, or from
 * SEG_TODAY to reproduce a past run.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { check } from "../../src/api/check.ts";
import type { CheckResult } from "../../src/lint/check-result.ts";
import { stableJson } from "../../src/lock/stable-json.ts";
import { configWithRules } from "../support/config-with-rules.ts";
import { runSeg } from "../support/run-seg.ts";
import { BASE_CONFIG, tempWorkspace, type TempWorkspace } from "../support/temp-workspace.ts";

const REPO = resolve(import.meta.dirname, "../..");

const staleData = (result: CheckResult) =>
  result.diagnostics.filter((d) => d.ruleId === "stale-data").map((d) => ({ at: `${d.file}:${d.line}:${d.column}`, severity: d.severity, message: d.message }));

describe("the example workspace by the clock", () => {
  let early: CheckResult;
  let late: CheckResult;
  beforeAll(async () => {
    early = await check({ root: REPO, today: "2026-11-23", cache: false });
    late = await check({ root: REPO, today: "2026-12-07", cache: false });
  });

  it("is fresh 23 days after its newest rows", () => {
    expect(staleData(early)).toEqual([]);
    expect(early.counts).toEqual({ error: 0, warning: 0, info: expect.any(Number) });
  });

  it("goes stale 37 days after, although as_of stays 2026-11-01", () => {
    expect(late.asOf).toBe("2026-11-01");
    const stale = (source: string, line: number) => ({
      at: `segmentation.yaml:${line}:11`,
      severity: "warning",
      message: `The newest row of source "${source}" is from 2026-10-31, 37 days before today (2026-12-07); it should be at most 30 days old.`,
    });
    // surveys (newest 2026-10-27, 41 days) has its own limit of 100 days.
    expect(staleData(late)).toEqual([stale("invoices", 61), stale("events", 75), stale("tickets", 87)]);
    expect(late.counts.error).toBe(0);
  });

  it("writes the same lock whatever day it is, byte for byte, equal to the committed one", () => {
    expect(stableJson(late.data!.lock)).toBe(stableJson(early.data!.lock));
    expect(stableJson(early.data!.lock)).toBe(readFileSync(join(REPO, "segments.lock.json"), "utf8"));
  });
});

describe("freshness thresholds on the command line", () => {
  let ws: TempWorkspace | undefined;
  afterEach(() => ws?.remove());

  /** The temp workspace's events end on 2026-10-01; its lock is written first. */
  function workspace(config: string): TempWorkspace {
    ws = tempWorkspace({ "segmentation.yaml": config });
    const lock = runSeg(["lock"], { cwd: ws.root });
    expect(lock.stderr).toBe("");
    return ws;
  }
  const check = (today: string) => runSeg(["check"], { cwd: ws!.root, env: { SEG_TODAY: today } });
  const rules = (base: string) => configWithRules({ "stale-data": "warn" }, base);

  it("warns after warn_after_days and fails after error_after_days of the source", () => {
    workspace(rules(BASE_CONFIG.replace("    timestamp: occurred_at\n", "    timestamp: occurred_at\n    freshness: { warn_after_days: 7, error_after_days: 30 }\n")));
    expect(check("2026-10-08")).toMatchObject({ status: 0, stdout: "✔ No problems (as of 2026-11-01).\n" });
    const warned = check("2026-10-09");
    expect(warned.status).toBe(0);
    expect(warned.stdout).toContain('22:11  warning  The newest row of source "events" is from 2026-10-01, 8 days before today (2026-10-09); it should be at most 7 days old.  stale-data');
    const failed = check("2026-11-23");
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain('22:11  error    The newest row of source "events" is from 2026-10-01, 53 days before today (2026-11-23), past its error limit of 30 days.  stale-data');
  });

  it("takes the workspace default from review.freshness", () => {
    workspace(rules(`${BASE_CONFIG}review:\n  freshness: { warn_after_days: 60, error_after_days: 90 }\n`));
    expect(check("2026-11-23").status).toBe(0);
    expect(check("2026-11-23").stdout).toBe("✔ No problems (as of 2026-11-01).\n");
    const failed = check("2027-01-01");
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain("92 days before today (2027-01-01), past its error limit of 90 days.");
  });

  it("writes the lock even when the data is past its error limit: the lock does not depend on the day", () => {
    ws = tempWorkspace({ "segmentation.yaml": rules(`${BASE_CONFIG}review:\n  freshness: { error_after_days: 31 }\n`) });
    const lock = runSeg(["lock"], { cwd: ws.root, env: { SEG_TODAY: "2026-11-23" } });
    expect(lock.status).toBe(0);
    expect(lock.stdout).toContain("Wrote segments.lock.json");
  });

  it("refuses a SEG_TODAY that is not a date, with exit code 2", () => {
    workspace(rules(BASE_CONFIG));
    expect(check("next week")).toMatchObject({ status: 2, stderr: 'seg check: SEG_TODAY needs a date written YYYY-MM-DD, not "next week".\n' });
  });

  it("does not make the lock outdated when only a freshness threshold changes", () => {
    workspace(rules(BASE_CONFIG));
    writeFileSync(join(ws!.root, "segmentation.yaml"), rules(BASE_CONFIG.replace("    timestamp: occurred_at\n", "    timestamp: occurred_at\n    freshness: { warn_after_days: 365 }\n")));
    expect(check("2026-11-23")).toMatchObject({ status: 0, stdout: "✔ No problems (as of 2026-11-01).\n" });
  });
});
