/**
 * `seg build` refuses to publish a workspace with errors: nothing is written
 * where the site goes, a previous site stays as it was, and no scratch folder
 * is left behind. Persona bodies count: MDX that would run code is an error.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { build } from "../../../src/api/build.ts";
import { lock } from "../../../src/api/lock.ts";
import type { Io } from "../../../src/cli/io.ts";
import { main } from "../../../src/cli/main.ts";
import { BASE_SEGMENT, tempWorkspace, type TempWorkspace } from "../../support/temp-workspace.ts";

const PERSONA = `---
id: busy-bea
name: Busy Bea
kind: enterprise
segments: [heavy]
context: A team that lives in the product.
goals: [Ship faster]
frustrations: [Waiting]
---

Teams like Bea's are {process.exit(1)} of our accounts.
`;

let workspace: TempWorkspace | undefined;
afterEach(() => workspace?.remove());

function withPreviousSite(root: string): string {
  const dist = join(root, "dist");
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, "index.html"), "previous site");
  return dist;
}

describe("seg build on a workspace with errors", () => {
  it("publishes nothing and leaves the previous site untouched", async () => {
    workspace = tempWorkspace({ "segments/usage/heavy.yaml": BASE_SEGMENT.replace(/^name: .*\n/m, "") });
    const dist = withPreviousSite(workspace.root);
    const result = await build({ root: workspace.root, today: "2026-11-01" });
    expect(result.outDir).toBeUndefined();
    expect(result.check.counts.error).toBeGreaterThan(0);
    expect(readFileSync(join(dist, "index.html"), "utf8")).toBe("previous site");
    expect(readdirSync(workspace.root).filter((f) => f.includes("building"))).toEqual([]);
  });

  it("treats a persona body that would run code as an error", async () => {
    workspace = tempWorkspace({ "personas/busy-bea.mdx": PERSONA });
    await lock({ root: workspace.root, today: "2026-11-01" });
    const result = await build({ root: workspace.root, today: "2026-11-01" });
    expect(result.outDir).toBeUndefined();
    expect(result.check.diagnostics.filter((d) => d.severity === "error")).toMatchObject([{ ruleId: "mdx/expression", file: "personas/busy-bea.mdx", line: 11, column: 22 }]);
    expect(existsSync(join(workspace.root, "dist"))).toBe(false);
  });

  it("exits 1 from the CLI with the errors and says nothing was published", async () => {
    workspace = tempWorkspace({ "personas/busy-bea.mdx": PERSONA });
    await lock({ root: workspace.root, today: "2026-11-01" });
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTTY: false, env: {}, cwd: workspace.root, today: () => "2026-11-01" };
    await expect(main(["build"], io)).resolves.toBe(1);
    expect(err.join("")).toContain("mdx/expression");
    expect(err.join("")).toContain("not published");
    expect(out.join("")).toBe("");
  });
});
