/** `seg compile`: SQL that computes features, clusters and memberships in a warehouse, or dbt models. */
import { mkdirSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { compile } from "../../api/compile.ts";
import { countBySeverity } from "../../diagnostics/count-by-severity.ts";
import { COMPILE_TARGETS, DIALECT_NAMES } from "../../compile/compile-target.ts";
import { parseSourceTables, tableParts } from "../../compile/source-tables.ts";
import { stylish } from "../../formatters/stylish.ts";
import { useColor, type Io } from "../io.ts";
import type { CommandSpec, ParsedArgs } from "../options.ts";
import { parseDateOption } from "../parse-date-option.ts";
import { SegError } from "../../diagnostics/seg-error.ts";
import { workspaceRoot } from "../workspace-root.ts";
import { writeFileSafely } from "../../workspace/write-file-safely.ts";

export const spec = {
  name: "compile",
  summary:
    "Write SQL that computes the features, RFM scores, value tiers, clusters (from segments.lock.json) and memberships in a warehouse: views for DuckDB, PostgreSQL, BigQuery or Snowflake, or dbt models. Reads no data.",
  usage: "seg compile --target duckdb|postgres|bigquery|snowflake|dbt [options]",
  options: [
    { name: "target", type: "string", choices: COMPILE_TARGETS, description: "The warehouse to write views for, or dbt (required)." },
    { name: "dialect", type: "string", choices: DIALECT_NAMES, description: "With --target dbt: the warehouse dbt runs on (required)." },
    { name: "out", type: "string", placeholder: "DIR", description: "Folder to write into (seg.sql, or dbt's models/seg/); default: print to stdout." },
    { name: "source", type: "string", placeholder: "NAME=TABLE,…", description: "Warehouse table of a source, e.g. accounts=analytics.accounts (default: the source's table: in segmentation.yaml, else a table named like the source)." },
    { name: "schema", type: "string", placeholder: "SCHEMA", description: "Schema (BigQuery: dataset) the views are created in." },
    { name: "as-of", type: "string", placeholder: "YYYY-MM-DD", description: "The analysis date written into the SQL (overrides as_of)." },
  ],
  examples: [
    "seg compile --target postgres --source accounts=crm.accounts,invoices=billing.invoices",
    "seg compile --target bigquery --schema analytics_seg --out warehouse/",
    "seg compile --target dbt --dialect snowflake --out dbt/",
  ],
} as const satisfies CommandSpec;

export async function run(args: ParsedArgs<typeof spec.options>, io: Io): Promise<number> {
  const target = args.options.target;
  if (!target) throw new SegError(`--target is required: one of ${COMPILE_TARGETS.join(", ")}.`);
  const dialect = args.options.dialect;
  if (dialect && target !== "dbt") throw new SegError("--dialect goes with --target dbt; for views the target is the dialect.");
  const tables = parseSourceTables(args.options.source);
  if (!tables.ok) throw new SegError(tables.message);
  const schemaText = args.options.schema;
  const schema = schemaText !== undefined ? tableParts(schemaText) : undefined;
  if (schemaText !== undefined && (!schema || schema.length > 2)) throw new SegError(`--schema takes schema or database.schema, not "${schemaText}".`);
  if (schema && target === "dbt") throw new SegError("--schema is for views; dbt models go where the dbt project puts them.");
  const root = workspaceRoot(args, io);
  const asOf = parseDateOption(args.options["as-of"], "--as-of");

  const result = compile({ root, today: io.today(), target, tables: tables.tables, ...(dialect ? { dialect } : {}), ...(schema ? { schema } : {}), ...(asOf ? { asOf } : {}) });
  if (result.diagnostics.length > 0) {
    io.stderr(stylish({ root: result.root, asOf: result.asOf, diagnostics: result.diagnostics, counts: countBySeverity(result.diagnostics) }, { color: useColor(io) }));
  }
  if (result.files.length === 0) {
    io.stderr("seg compile: nothing written; fix the errors above first.\n");
    return 1;
  }
  const out = args.options.out;
  if (out === undefined) {
    const single = result.files.length === 1;
    io.stdout(result.files.map((f) => (single ? f.text : `-- file: ${f.path}\n${f.text}`)).join("\n"));
    return 0;
  }
  const folder = resolve(io.cwd, out);
  for (const file of result.files) {
    const path = resolve(folder, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSafely(path, file.text);
  }
  io.stdout(`Wrote ${result.files.map((f) => relative(io.cwd, resolve(folder, f.path)) || f.path).join(", ")} (${target}${dialect ? `, ${dialect}` : ""}).\n`);
  return 0;
}
