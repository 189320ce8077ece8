/**
 * The Changes page in a shallow clone (what actions/checkout gives by default):
 * the build succeeds and the page says what it needs — the full history,
 * `fetch-depth: 0` — instead of failing or showing one version as if it were
 * the whole story.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtPage, textOf } from "../../support/built-html.ts";
import { runSeg } from "../../support/run-seg.ts";
import { BASE_SEGMENT, tempWorkspace, type TempWorkspace } from "../../support/temp-workspace.ts";

let ws: TempWorkspace;
let clone: string;
let html = "";

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=Seg Test", "-c", "user.email=seg@example.com", "-c", "commit.gpgsign=false", ...args], { cwd, encoding: "utf8" });
}

beforeAll(() => {
  ws = tempWorkspace({ ".gitignore": ".cache/\ndist/\n" });
  // The cache stays in the test run's own folder (test/support/cache-dir-setup.ts): inside the workspace Seg refuses it.
  const env = { ASTRO_TELEMETRY_DISABLED: "1" };
  git(ws.root, "init", "-q", "-b", "main");
  for (const days of [40, 1]) {
    ws.write("segments/usage/heavy.yaml", BASE_SEGMENT.replace("active_days_90d >= 40", `active_days_90d >= ${days}`));
    expect(runSeg(["lock"], { cwd: ws.root, env }).status).toBe(0);
    git(ws.root, "add", "-A");
    git(ws.root, "commit", "-q", "-m", `heavy from ${days} days`);
  }
  clone = mkdtempSync(join(tmpdir(), "seg-shallow-"));
  git(clone, "clone", "-q", "--depth", "1", `file://${ws.root}`, "ws");
  expect(git(join(clone, "ws"), "rev-parse", "--is-shallow-repository").trim()).toBe("true");
  const run = runSeg(["build"], { cwd: join(clone, "ws"), env });
  expect(run.status, run.stderr).toBe(0);
  html = builtPage(join(clone, "ws", "dist"), "changes/");
}, 600_000);

afterAll(() => {
  ws?.remove();
  if (clone) rmSync(clone, { recursive: true, force: true });
});

describe("the Changes page in a shallow clone", () => {
  it("says the history is missing and how to fetch it (fetch-depth: 0)", () => {
    expect(html).toContain('data-changes-status="shallow"');
    const text = textOf(html);
    expect(text).toContain("The lock's history is not in this checkout.");
    expect(text).toContain("fetch-depth: 0");
    expect(text).toContain("git fetch --unshallow");
  });

  it("shows no figures it cannot back, and no trend on the segment page", () => {
    expect(html).not.toContain('id="changes-moves"');
    expect(builtPage(join(clone, "ws", "dist"), "segments/heavy/")).not.toContain("segment-heavy-trend");
  });
});
