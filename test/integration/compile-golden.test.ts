/**
 * What `seg compile` writes for each target, on the compile fixture (hostile
 * text, clusters from the lock, overlapping and empty schemes), matches the
 * files in test/fixtures/compile/golden/ (vitest writes missing ones locally
 * and never in CI). BigQuery and Snowflake output, which no test can run, must
 * parse with a SQL parser for that dialect, on the fixture and on the example;
 * dbt models, once their Jinja is rendered, are the same SQL as the views.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { compile, type CompileOptions } from "../../src/api/compile.ts";
import { FIXTURE } from "./compile-cases.ts";

const REPO = resolve(import.meta.dirname, "../..");
const GOLDEN = resolve(REPO, "test/fixtures/compile/golden");

type SqlParser = { astify(sql: string, options: { database: string }): unknown };
let parser: SqlParser | undefined;
let noParser: string | undefined;
try {
  const module = (await import("node-sql-parser")) as { default?: { Parser: new () => SqlParser }; Parser?: new () => SqlParser };
  parser = new (module.Parser ?? module.default!.Parser)();
} catch {
  noParser = "node-sql-parser is not installed (npm install)";
  console.warn(`compile-golden parse checks skipped: ${noParser}`);
}

const TABLES = { customers: ["crm", "customers"], orders: ["shop", "sales", "orders"] };
const OUTPUTS: { name: string; options: Pick<CompileOptions, "target" | "dialect" | "schema" | "tables">; parseAs?: string }[] = [
  { name: "duckdb", options: { target: "duckdb" } },
  { name: "postgres", options: { target: "postgres", tables: TABLES } },
  { name: "bigquery", options: { target: "bigquery", schema: ["analytics_seg"], tables: TABLES }, parseAs: "bigquery" },
  { name: "snowflake", options: { target: "snowflake", schema: ["ANALYTICS", "SEG"], tables: TABLES }, parseAs: "snowflake" },
  { name: "dbt-snowflake", options: { target: "dbt", dialect: "snowflake", tables: TABLES }, parseAs: "snowflake" },
  { name: "dbt-bigquery", options: { target: "dbt", dialect: "bigquery" }, parseAs: "bigquery" },
];

/** The version in the header changes with every release; the golden files should not. */
const withoutVersion = (text: string) => text.replace(/seg \d+\.\d+\.\d+\S*/g, "seg <version>");

/** What dbt's Jinja makes of a model: ref() and source() as table names, escaped braces as braces. */
function renderJinja(text: string): string {
  return text
    .replace(/\{\{ ref\('([a-z0-9_]+)'\) \}\}/g, "$1")
    .replace(/\{\{ source\('([a-z0-9_]+)', '([A-Za-z0-9_]+)'\) \}\}/g, "$1.$2")
    .replace(/\{\{ '([{}])' \}\}/g, "$1");
}

describe.each(OUTPUTS)("seg compile → $name", ({ name, options, parseAs }) => {
  const result = compile({ root: FIXTURE, today: "2026-11-23", ...options });

  it("compiles the fixture without diagnostics", () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.files.length).toBeGreaterThan(0);
  });

  it.each(result.files.map((f) => [f.path, f.text] as const))("writes %s as the golden file", async (path, text) => {
    await expect(withoutVersion(text)).toMatchFileSnapshot(resolve(GOLDEN, name, path));
  });

  it.skipIf(!parseAs || Boolean(noParser))(`parses as ${parseAs ?? "-"} SQL`, () => {
    for (const file of result.files.filter((f) => f.path.endsWith(".sql"))) {
      expect(() => parser!.astify(renderJinja(file.text), { database: parseAs! }), file.path).not.toThrow();
    }
  });
});

describe.each(["bigquery", "snowflake"] as const)("seg compile --target %s on the example", (target) => {
  it.skipIf(Boolean(noParser))("parses", () => {
    const result = compile({ root: REPO, today: "2026-11-23", target, schema: ["seg"] });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(() => parser!.astify(result.files[0]!.text, { database: target })).not.toThrow();
  });
});

describe("dbt models", () => {
  it("are the views' SQL once dbt renders their Jinja", () => {
    const views = compile({ root: FIXTURE, today: "2026-11-23", target: "duckdb" });
    const dbt = compile({ root: FIXTURE, today: "2026-11-23", target: "dbt", dialect: "duckdb" });
    const model = (path: string) => renderJinja(dbt.files.find((f) => f.path === path)!.text).split("\n").filter((l) => !l.startsWith("--")).join("\n").trim();
    const view = (index: number) => views.statements[index]!.split("\n").slice(2).join("\n").trim();
    expect(model("models/seg/seg_features.sql")).toBe(view(0).replaceAll('"customers"', "seg.customers").replaceAll('"orders"', "seg.orders"));
    expect(model("models/seg/seg_clusters.sql")).toBe(view(1).replaceAll('"seg_features"', "seg_features"));
  });

  it("declare the warehouse tables as dbt sources, grouped by schema", () => {
    const dbt = compile({ root: FIXTURE, today: "2026-11-23", target: "dbt", dialect: "postgres", tables: TABLES });
    const yml = dbt.files.find((f) => f.path === "models/seg/seg_sources.yml")!.text;
    expect(yml).toContain("name: seg\n    schema: crm\n    tables:\n      - name: customers\n        identifier: customers");
    expect(yml).toContain("name: seg_2\n    database: shop\n    schema: sales\n    tables:\n      - name: orders\n        identifier: orders");
  });
});
