/**
 * A local HTTP server that speaks the BigQuery REST calls the official Node
 * client makes for Seg's queries: jobs.insert (POST …/jobs, a dry run
 * answered with the result's schema, or a query job), then jobs.getQueryResults
 * (GET …/queries/<job>), answered "not complete" once and then a page of
 * rows at a time with a page token. It answers only the SQL it was given
 * (anything else is an invalidQuery error), renders values as BigQuery's
 * CAST(… AS STRING) does, and records every request.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { requestBody, type FakeTable, type SegType } from "./warehouse-fake-tables.ts";

const BIGQUERY_TYPES: Record<SegType, string> = { string: "STRING", integer: "INTEGER", number: "FLOAT", boolean: "BOOLEAN", date: "DATE", timestamp: "DATETIME" };

export interface FakeBigQuery {
  url: string;
  /** Every query job's SQL, in order, with whether it was a dry run. */
  jobs: { sql: string; dryRun: boolean }[];
  /** Pages of rows served (after the first "not complete" answer). */
  pages: number;
  /** Requests that were not jobs.insert or getQueryResults. */
  unexpected: string[];
  close(): Promise<void>;
}

/** `queries`: each SQL the server answers → the table it reads (shape or read, as warehouseQueries() lists them). */
export async function startFakeBigQuery(tables: ReadonlyMap<string, FakeTable>, queries: ReadonlyMap<string, { table: string; purpose: "shape" | "read" }>, pageRows: number): Promise<FakeBigQuery> {
  const running = new Map<string, { table: FakeTable; columns: number[]; polled: boolean }>();
  const state = { jobs: [] as { sql: string; dryRun: boolean }[], pages: 0, unexpected: [] as string[] };
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? "/", "http://localhost");
      const send = (status: number, body: unknown) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(body));
      };
      const insert = /^\/bigquery\/v2\/projects\/([^/]+)\/jobs$/.exec(url.pathname);
      const results = /^\/bigquery\/v2\/projects\/([^/]+)\/queries\/([^/]+)$/.exec(url.pathname);
      if (request.method === "POST" && insert) {
        const body = JSON.parse(await requestBody(request)) as { jobReference: { jobId: string; projectId: string }; configuration: { dryRun?: boolean; query: { query: string; useLegacySql?: boolean } } };
        const sql = body.configuration.query.query;
        const dryRun = body.configuration.dryRun === true;
        state.jobs.push({ sql, dryRun });
        const known = queries.get(sql);
        const table = known ? tables.get(known.table) : undefined;
        if (!known || !table || body.configuration.query.useLegacySql !== false) {
          send(400, { error: { code: 400, message: `Unrecognized query: ${sql}`, errors: [{ reason: "invalidQuery", message: `Unrecognized query: ${sql}` }] } });
          return;
        }
        const reference = { ...body.jobReference, location: "US" };
        if (known.purpose === "shape") {
          const fields = table.columns.map((c) => ({ name: c.name, type: BIGQUERY_TYPES[c.type], mode: "NULLABLE" }));
          send(200, { kind: "bigquery#job", jobReference: reference, configuration: body.configuration, status: { state: "DONE" }, statistics: { query: { totalBytesProcessed: "0", schema: { fields } } } });
          return;
        }
        // The read: CAST(column AS STRING) AS column, for each column it names.
        const names = [...sql.matchAll(/CAST\(`((?:[^`\\]|\\.)+)` AS STRING\)/g)].map((m) => m[1]!);
        running.set(body.jobReference.jobId, { table, columns: names.map((n) => table.columns.findIndex((c) => c.name === n)), polled: false });
        send(200, { kind: "bigquery#job", jobReference: reference, configuration: body.configuration, status: { state: "RUNNING" } });
        return;
      }
      if (request.method === "GET" && results) {
        const job = running.get(results[2]!);
        if (!job) {
          send(404, { error: { code: 404, message: `Not found: Job ${results[2]}`, errors: [{ reason: "notFound", message: "Not found" }] } });
          return;
        }
        const reference = { projectId: results[1], jobId: results[2], location: "US" };
        if (!job.polled) {
          job.polled = true;
          send(200, { kind: "bigquery#getQueryResultsResponse", jobReference: reference, jobComplete: false });
          return;
        }
        const start = Number(url.searchParams.get("pageToken") ?? 0);
        const size = Math.min(Number(url.searchParams.get("maxResults") ?? pageRows), pageRows);
        const rows = job.table.rows.slice(start, start + size).map((row) => ({ f: job.columns.map((i) => ({ v: bigqueryText(row[i] ?? null, job.table.columns[i]!.type) })) }));
        state.pages++;
        const fields = job.columns.map((i) => ({ name: job.table.columns[i]!.name, type: "STRING", mode: "NULLABLE" }));
        const next = start + size < job.table.rows.length ? { pageToken: String(start + size) } : {};
        send(200, { kind: "bigquery#getQueryResultsResponse", jobReference: reference, jobComplete: true, schema: { fields }, totalRows: String(job.table.rows.length), rows, ...next });
        return;
      }
      state.unexpected.push(`${request.method} ${url.pathname}`);
      send(404, { error: { code: 404, message: "Not found", errors: [{ reason: "notFound", message: "Not found" }] } });
    })();
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get jobs() {
      return state.jobs;
    },
    get pages() {
      return state.pages;
    },
    get unexpected() {
      return state.unexpected;
    },
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/**
 * What BigQuery's CAST(x AS STRING) writes for a value held as DuckDB writes it: the same digits for INT64, the
 * same date, a DATETIME as YYYY-MM-DD HH:MM:SS[.ffffff], a BOOL as true/false; a FLOAT64 as the shortest text that
 * reads back to the same double (written here by JavaScript's own shortest form, not DuckDB's, so the two differ in
 * form, e.g. 1 against 1.0, 1e+21 against 1e21).
 */
export function bigqueryText(value: string | null, type: SegType): string | null {
  if (value === null) return null;
  if (type === "number") return String(Number(value));
  return value;
}
