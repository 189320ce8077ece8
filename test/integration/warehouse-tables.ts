/**
 * Test support for the warehouse engine: the SQL that loads a workspace's
 * source files into typed PostgreSQL tables (one schema per workspace, one
 * table per source, named like it), and the workspace's segmentation.yaml with
 * each source pointing at its table.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { parseDocument } from "yaml";
import type { Source } from "../../src/schema/source.ts";

const PG_TYPES: Record<string, string> = { string: "text", integer: "bigint", number: "double precision", boolean: "boolean", date: "date", timestamp: "timestamp" };

/** CREATE SCHEMA, a typed table per source (the file's columns, declared ones with their declared type) and a \copy of its file. */
export function loadSourceTables(schema: string, sources: Readonly<Record<string, Source>>, dataRoot: string, quote: (name: string) => string): string {
  const load = [`CREATE SCHEMA ${quote(schema)};`];
  for (const [name, source] of Object.entries(sources)) {
    const file = resolve(dataRoot, source.path!);
    const columns = csvHeader(file).map((column) => `${quote(column)} ${PG_TYPES[declaredType(source, column)] ?? "text"}`);
    load.push(`CREATE TABLE ${quote(schema)}.${quote(name)} (${columns.join(", ")});`);
    const from = file.endsWith(".gz") ? `PROGRAM 'gzip -dc ${file.replaceAll("'", "''")}'` : `'${file.replaceAll("'", "''")}'`;
    load.push(`\\copy ${quote(schema)}.${quote(name)} FROM ${from} WITH (FORMAT csv, HEADER true)`);
  }
  return load.join("\n");
}

/** segmentation.yaml with `table: <schema>.<source>` on every named source (comments and the rest kept). */
export function withTables(configText: string, schema: string, sources: readonly string[]): string {
  const doc = parseDocument(configText);
  for (const name of sources) doc.setIn(["sources", name, "table"], `${schema}.${name}`);
  return doc.toString();
}

function csvHeader(file: string): string[] {
  const bytes = readFileSync(file);
  const text = (file.endsWith(".gz") ? gunzipSync(bytes) : bytes).subarray(0, 64 * 1024).toString("utf8");
  return text.split("\n")[0]!.replace(/\r$/, "").split(",").map((c) => c.replace(/^"|"$/g, ""));
}

/** The declared type of the file column, if a declared column reads it. */
function declaredType(source: Source, fileColumn: string): string {
  const entry = Object.entries(source.columns).find(([name, c]) => c.expression === undefined && (c.from ?? name) === fileColumn);
  return entry?.[1].type ?? "string";
}
