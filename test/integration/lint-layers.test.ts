/**
 * The lint in `npm test` enforces STYLE.md's layers and bans: an import against the flow, the
 * DuckDB client outside engine/duckdb.ts, a default export, console or process.env outside the
 * CLI each fail it, at the line that does it. Linted as text at a path inside src/, so no file is
 * written.
 */
import { resolve } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: ROOT });

async function problems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, path) });
  return result!.messages.map((m) => `${m.line}:${m.ruleId}`);
}

describe("the lint", () => {
  it("refuses imports against the layers, types included, and allows them downwards", async () => {
    const found = await problems(
      "src/engine/layer-probe.ts",
      [
        'import { check } from "../api/check.ts";',
        'import type { CheckResult } from "../lint/check-result.ts";',
        'import { readWorkspace } from "../workspace/read-workspace.ts";',
        "export const probe = [check, readWorkspace] as const;",
        "export type Probe = CheckResult;",
        "",
      ].join("\n"),
    );
    expect(found).toEqual(["1:boundaries/dependencies", "2:boundaries/dependencies"]);
  });

  it("keeps DuckDB, default exports, console, process.exit and process.env out of the library", async () => {
    const found = await problems(
      "src/rules/style-probe.ts",
      ['import { DuckDBInstance } from "@duckdb/node-api";', "export default DuckDBInstance;", "console.log(process.env.HOME);", "process.exit(1);", ""].join("\n"),
    );
    expect(found).toEqual(["1:no-restricted-imports", "2:no-restricted-syntax", "3:no-console", "3:no-restricted-syntax", "4:no-restricted-syntax"]);
  });

  it("lets the CLI write to the console", async () => {
    expect(await problems("src/cli/console-probe.ts", 'export function say(): void {\n  console.log("hi");\n}\n')).toEqual([]);
  });
});
