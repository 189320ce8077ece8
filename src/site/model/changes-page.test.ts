import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lockHistory } from "../../api/history.ts";
import { buildChanges } from "./changes-page.ts";

const context = { schemeLabels: new Map<string, string>(), segments: new Map<string, { name: string; url: string }>() };

function withFolder(run: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), "seg-changes-"));
  try {
    run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("buildChanges", () => {
  it("says the workspace is not in git, with no figures, outside a repository", () => {
    withFolder((dir) => {
      const page = buildChanges(lockHistory(dir), context);
      expect(page).toMatchObject({ status: "no-repository", commits: [], schemes: [] });
      expect(page.reason).toContain("not inside a git repository");
    });
  });

  it("says the lock was never committed in a repository without it", () => {
    withFolder((dir) => {
      execFileSync("git", ["init", "-q"], { cwd: dir });
      writeFileSync(join(dir, "segments.lock.json"), "{}");
      const page = buildChanges(lockHistory(dir), context);
      expect(page).toMatchObject({ status: "not-committed", reason: "segments.lock.json has never been committed." });
    });
  });

  it("says the build was not given a history when there is none", () => {
    expect(buildChanges(undefined, context)).toMatchObject({ status: "no-repository", reason: "the build was not given the lock's history." });
  });
});
