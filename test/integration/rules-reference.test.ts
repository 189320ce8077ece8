/** docs/rules.md is generated from the rule registry and must not go stale; the test never writes it. */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");

describe("docs/rules.md", () => {
  it("is up to date with the rule registry (node scripts/generate-rules-reference.ts)", () => {
    const result = spawnSync(process.execPath, [resolve(ROOT, "scripts/generate-rules-reference.ts"), "--check"], { cwd: ROOT, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});
