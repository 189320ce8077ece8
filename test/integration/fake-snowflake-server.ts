/**
 * A local HTTP server that speaks the Snowflake REST calls snowflake-sdk makes
 * for Seg's queries (the SDK is pointed at it with accessUrl, over http):
 * login (POST /session/v1/login-request), statements (POST
 * /queries/v1/query-request, the body gzipped by the client), the result's
 * first rows inline and the rest as chunks the client downloads by URL (as it
 * would from cloud storage), telemetry, and the session's end. It answers
 * only the SQL it was given, writes timestamps as a TIMESTAMP_TZ column in
 * +05:30 with the session's output formats (so the client must move them to
 * UTC), and records every request.
 */
import { createVerify, type KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { requestBody, type FakeTable, type SegType } from "./warehouse-fake-tables.ts";

const SNOWFLAKE_TYPES: Record<SegType, string> = { string: "text", integer: "fixed", number: "real", boolean: "boolean", date: "date", timestamp: "timestamp_tz" };

export interface FakeSnowflake {
  url: string;
  /** Every statement's SQL, in order. */
  statements: string[];
  /** The login's user and whether a password or a key-pair JWT came with it. */
  logins: { user: string; authenticator: string }[];
  chunks: number;
  unexpected: string[];
  close(): Promise<void>;
}

const column = (name: string, type: string) => ({ name, type, nullable: true, scale: type === "fixed" ? 0 : null, precision: type === "fixed" ? 38 : null, length: type === "text" ? 16777216 : null, byteLength: null, database: "", schema: "", table: "", collation: null });

/** `password`: the one a password login must give; `publicKey`: the one a key-pair login's JWT must be signed for. */
export async function startFakeSnowflake(
  tables: ReadonlyMap<string, FakeTable>,
  queries: ReadonlyMap<string, { table: string; purpose: "shape" | "read" }>,
  chunkRows: number,
  credentials: { password: string; publicKey: KeyObject },
): Promise<FakeSnowflake> {
  const state = { statements: [] as string[], logins: [] as { user: string; authenticator: string }[], chunks: 0, unexpected: [] as string[] };
  const results = new Map<string, string[][]>();
  let ids = 0;
  let base = "";
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? "/", "http://localhost");
      const body = await requestBody(request);
      const send = (value: unknown) => {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify(value));
      };
      const result = (rowtype: unknown[], rowset: unknown[][], chunks: unknown[] = [], total = rowset.length) =>
        send({ success: true, code: null, message: null, data: { queryId: `q${++ids}`, version: 1, statementTypeId: 4096, queryResultFormat: "json", parameters: [], rowtype, rowset, total, returned: total, chunks: chunks.length > 0 ? chunks : undefined } });
      if (request.method === "POST" && url.pathname === "/session/v1/login-request") {
        const data = (JSON.parse(body) as { data: { LOGIN_NAME: string; AUTHENTICATOR?: string; PASSWORD?: string; TOKEN?: string } }).data;
        state.logins.push({ user: data.LOGIN_NAME, authenticator: data.AUTHENTICATOR ?? "SNOWFLAKE" });
        if (data.AUTHENTICATOR === "SNOWFLAKE_JWT" && !signedJwt(data.TOKEN ?? "", credentials.publicKey)) {
          send({ success: false, code: "390144", message: "JWT token is invalid.", data: null });
          return;
        }
        if (data.AUTHENTICATOR !== "SNOWFLAKE_JWT" && data.PASSWORD !== credentials.password) {
          send({ success: false, code: "390100", message: `Incorrect username or password was specified (got ${data.PASSWORD}).`, data: { nextAction: "RETRY_LOGIN", authnMethod: "PASSWORD" } });
          return;
        }
        send({ success: true, code: null, message: null, data: { token: "session-token", masterToken: "master-token", validityInSeconds: 3600, masterValidityInSeconds: 14400, sessionId: 1, parameters: [], sessionInfo: {} } });
        return;
      }
      if (request.method === "POST" && url.pathname === "/queries/v1/query-request") {
        const sql = (JSON.parse(body) as { sqlText: string }).sqlText;
        state.statements.push(sql);
        if (sql.startsWith("ALTER SESSION SET ")) {
          result([column("status", "text")], [["Statement executed successfully."]]);
          return;
        }
        const known = queries.get(sql);
        const table = known ? tables.get(known.table) : undefined;
        if (!known || !table) {
          send({ success: false, code: "002003", message: `SQL compilation error:\nObject does not exist or not authorized: ${sql}`, data: { queryId: `q${++ids}`, sqlState: "42S02", errorCode: "002003" } });
          return;
        }
        if (known.purpose === "shape") {
          result(table.columns.map((c) => column(c.name, SNOWFLAKE_TYPES[c.type])), []);
          return;
        }
        const names = [...sql.matchAll(/CAST\("((?:[^"]|"")+)" AS VARCHAR\)/g)].map((m) => m[1]!.replaceAll('""', '"'));
        const picked = names.map((n) => table.columns.findIndex((c) => c.name === n));
        const rows = table.rows.map((row) => picked.map((i) => snowflakeText(row[i] ?? null, table.columns[i]!.type)));
        const id = `r${++ids}`;
        const inline = rows.slice(0, chunkRows);
        const chunks = [];
        for (let start = chunkRows; start < rows.length; start += chunkRows) {
          const part = rows.slice(start, start + chunkRows);
          const json = JSON.stringify(part).slice(1, -1);
          results.set(`${id}/${chunks.length}`, part as string[][]);
          chunks.push({ url: `${base}/chunks/${id}/${chunks.length}`, rowCount: part.length, uncompressedSize: json.length, compressedSize: json.length });
        }
        result(names.map((n) => column(n, "text")), inline, chunks, rows.length);
        return;
      }
      const chunk = /^\/chunks\/(.+)$/.exec(url.pathname);
      if (request.method === "GET" && chunk && results.has(chunk[1]!)) {
        state.chunks++;
        // As cloud storage serves it: bytes, not a JSON document (the rows without the enclosing brackets).
        response.writeHead(200, { "content-type": "application/octet-stream" });
        response.end(JSON.stringify(results.get(chunk[1]!)).slice(1, -1));
        return;
      }
      if (request.method === "POST" && (url.pathname === "/session" || url.pathname === "/telemetry/send")) {
        send({ success: true, code: null, message: null, data: null });
        return;
      }
      state.unexpected.push(`${request.method} ${url.pathname}`);
      response.writeHead(404);
      response.end();
    })();
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    get statements() {
      return state.statements;
    },
    get logins() {
      return state.logins;
    },
    get chunks() {
      return state.chunks;
    },
    get unexpected() {
      return state.unexpected;
    },
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/**
 * What Snowflake's CAST(x AS VARCHAR) writes under Seg's session settings, for a value held as DuckDB writes it:
 * a timestamp as TIMESTAMP_TZ in +05:30 ('YYYY-MM-DD HH24:MI:SS.FF6TZH:TZM'), a FLOAT as JavaScript's shortest
 * text, everything else as it is.
 */
export function snowflakeText(value: string | null, type: SegType): string | null {
  if (value === null) return null;
  if (type === "number") return String(Number(value));
  if (type !== "timestamp") return value;
  const [date, time = "00:00:00"] = value.split(" ");
  const [whole, fraction = ""] = time.split(".");
  const shifted = new Date(Date.parse(`${date}T${whole}Z`) + 330 * 60_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}.${fraction.padEnd(6, "0")}+05:30`;
}

/** Whether `token` is an RS256 JWT signed with the private key of `publicKey`. */
function signedJwt(token: string, publicKey: KeyObject): boolean {
  const [header, payload, signature] = token.split(".");
  if (!header || !payload || !signature) return false;
  return createVerify("RSA-SHA256").update(`${header}.${payload}`).verify(publicKey, Buffer.from(signature, "base64url"));
}
