/**
 * Test support for the BigQuery and Snowflake engines, which have no server
 * here: a workspace's source files as the typed tables a warehouse would hold
 * (the file's columns, declared ones with their declared type, as
 * loadSourceTables makes them in PostgreSQL), each value kept as DuckDB writes
 * the typed value as text. The fake servers render these values as their
 * warehouse's CAST to text would, and serve them over the warehouse's own
 * REST protocol to its official client.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { resolve } from "node:path";
import type { Source } from "../../src/schema/source.ts";

export type SegType = "string" | "integer" | "number" | "boolean" | "date" | "timestamp";

export interface FakeTable {
  columns: { name: string; type: SegType }[];
  /** Each row's values as DuckDB writes them (CAST(typed AS VARCHAR)); NULL as null. */
  rows: (string | null)[][];
}

/** Every source's file as a typed table named `<schema>.<source>`. */
export async function fakeTables(schema: string, sources: Readonly<Record<string, Source>>, dataRoot: string): Promise<Map<string, FakeTable>> {
  const db = await (await DuckDBInstance.create(":memory:")).connect();
  const tables = new Map<string, FakeTable>();
  try {
    for (const [name, source] of Object.entries(sources)) {
      const file = resolve(dataRoot, source.path!).replaceAll("'", "''");
      const from = `read_csv('${file}', header = true, all_varchar = true)`;
      const header = (await db.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`)).getRowObjects().map((r) => String(r.column_name));
      const columns = header.map((column) => ({ name: column, type: declaredType(source, column) }));
      const quote = (n: string) => `"${n.replaceAll('"', '""')}"`;
      const typed = columns.map(({ name: c, type }) => (type === "string" ? quote(c) : `CAST(TRY_CAST(nullif(trim(${quote(c)}), '') AS ${DUCKDB[type]}) AS VARCHAR)`));
      const rows = (await db.runAndReadAll(`SELECT ${typed.join(", ")} FROM ${from}`)).getRows().map((row) => row.map((v) => (v === null ? null : String(v))));
      tables.set(`${schema}.${name}`, { columns, rows });
    }
  } finally {
    db.closeSync();
  }
  return tables;
}

const DUCKDB: Record<SegType, string> = { string: "VARCHAR", integer: "BIGINT", number: "DOUBLE", boolean: "BOOLEAN", date: "DATE", timestamp: "TIMESTAMP" };

function declaredType(source: Source, fileColumn: string): SegType {
  const entry = Object.entries(source.columns).find(([name, c]) => c.expression === undefined && !c.row_number && (c.from ?? name) === fileColumn);
  return (entry?.[1].type ?? "string") as SegType;
}

/** The body of a request, gunzipped when the client compressed it. */
export async function requestBody(request: import("node:http").IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const { gunzipSync } = await import("node:zlib");
  return (request.headers["content-encoding"] === "gzip" ? gunzipSync(body) : body).toString("utf8");
}
