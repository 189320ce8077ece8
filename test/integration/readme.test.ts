/** The README's command reference is generated from the option tables and must not go stale. */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");

describe("README", () => {
  it("has an up-to-date command reference (node scripts/generate-cli-reference.ts)", () => {
    const result = spawnSync(process.execPath, [resolve(ROOT, "scripts/generate-cli-reference.ts"), "--check"], { cwd: ROOT, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("shows the two set-up commands that .ci/run and package.json agree with", () => {
    const readme = readFileSync(resolve(ROOT, "README.md"), "utf8");
    const ci = readFileSync(resolve(ROOT, ".ci/run"), "utf8");
    const scripts = JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8")).scripts as Record<string, string>;
    expect(readme).toContain("npm ci && npm run build");
    expect(readme).toContain("npm test");
    expect(ci).toMatch(/^npm test$/m);
    expect(scripts.build).toBeDefined();
    expect(scripts.test).toContain("vitest run");
    expect(scripts.test).toContain("npm run lint");
    expect(scripts.test).toContain("npm run knip");
  });
});
