/**
 * Reading source tables from BigQuery through its official client
 * (`@google-cloud/bigquery`, an optional peer dependency loaded only here).
 * Each table costs two query jobs, with the very SQL `--dry-run` prints: the
 * shape query as a dry run (BigQuery returns the result's schema and bills
 * nothing) and the read, whose rows are fetched a page at a time
 * (getQueryResults with a page token) and appended to a DuckDB table of text
 * columns, so memory holds one page. Query jobs only read; BigQuery has no
 * read-only session, so a read-only identity (BigQuery Data Viewer + Job User)
 * is what keeps it so (README).
 *
 * Credentials: a service-account key file named by the profile (a path outside
 * the workspace, never its content), else Application Default Credentials
 * (gcloud auth application-default login, GOOGLE_APPLICATION_CREDENTIALS,
 * workload identity in CI). With `api_endpoint` and no key file (an emulator),
 * no credentials are sent.
 */
import type { BigQuery, BigQueryOptions, Job, QueryResultsOptions } from "@google-cloud/bigquery";
import { resolve } from "node:path";
import { SegError } from "../../diagnostics/seg-error.ts";
import { bigquery as dialect } from "../../expr/dialects/bigquery.ts";
import type { Source } from "../../schema/source.ts";
import type { Database } from "../duckdb.ts";
import { q } from "../sql-names.ts";
import { keyFileOutside } from "./key-file.ts";
import { loadOptionalClient } from "./optional-client.ts";
import { readProfile } from "./profiles.ts";
import { tableColumns, tableReadSql, tableShapeSql } from "./table-read-sql.ts";
import { fetchTally } from "./fetch-tally.ts";
import type { TableRead, TableReader } from "./table-reader.ts";
import type { WarehouseRequest } from "./warehouse-request.ts";
import { warehouseText } from "./warehouse-text.ts";

const PAGE_ROWS = 10_000;

export interface BigQueryConnection {
  project: string;
  location?: string;
  keyFilename?: string;
  apiEndpoint?: string;
  maximumBytesBilled?: number;
  /** Where the settings came from, for messages. */
  origin: string;
}

/** The connection: the profile's settings, else $GOOGLE_CLOUD_PROJECT (and $GOOGLE_APPLICATION_CREDENTIALS, if set). */
export function bigqueryConnection(request: WarehouseRequest, workspaceRoot: string): BigQueryConnection {
  const env = request.env;
  const read = readProfile(request, workspaceRoot);
  if (read?.profile.engine === "bigquery") {
    const p = read.profile;
    // A path written in the profile is relative to the profile's folder; one from a variable, to the current folder.
    let keyfile = p.keyfile !== undefined ? resolve(read.folder, p.keyfile) : undefined;
    if (p.keyfile_env !== undefined) {
      keyfile = env[p.keyfile_env];
      if (keyfile === undefined) throw new SegError(`${read.origin} takes the key file's path from $${p.keyfile_env}, which is not set.`);
    }
    return {
      project: p.project,
      ...(p.location !== undefined ? { location: p.location } : {}),
      ...(keyfile !== undefined ? { keyFilename: keyFileOutside(keyfile, workspaceRoot, read.origin) } : {}),
      ...(p.api_endpoint !== undefined ? { apiEndpoint: p.api_endpoint } : {}),
      ...(p.maximum_bytes_billed !== undefined ? { maximumBytesBilled: p.maximum_bytes_billed } : {}),
      origin: read.origin,
    };
  }
  const project = env.GOOGLE_CLOUD_PROJECT;
  if (!project) {
    throw new SegError(`--engine bigquery needs a project: a profile in profiles.yaml (~/.seg, --profiles-dir or $SEG_PROFILES_DIR) or $GOOGLE_CLOUD_PROJECT. See "Running Seg in your warehouse" in the README.`);
  }
  const keyfile = env.GOOGLE_APPLICATION_CREDENTIALS;
  return { project, ...(keyfile ? { keyFilename: keyFileOutside(keyfile, workspaceRoot, "$GOOGLE_APPLICATION_CREDENTIALS") } : {}), origin: "$GOOGLE_CLOUD_PROJECT" };
}

export async function connectBigQuery(connection: BigQueryConnection): Promise<TableReader> {
  const { BigQuery: Client } = await loadOptionalClient("bigquery", () => import("@google-cloud/bigquery"));
  const { origin, maximumBytesBilled, ...settings } = connection;
  const options: BigQueryOptions = {
    projectId: settings.project,
    userAgent: "seg",
    ...(settings.location !== undefined ? { location: settings.location } : {}),
    ...(settings.keyFilename !== undefined ? { keyFilename: settings.keyFilename } : {}),
    ...(settings.apiEndpoint !== undefined ? { apiEndpoint: settings.apiEndpoint } : {}),
    // An emulator gets no credentials: an auth client that adds no header (the client then sends none).
    ...(settings.apiEndpoint !== undefined && settings.keyFilename === undefined ? { authClient: ANONYMOUS as unknown as BigQueryOptions["authClient"] } : {}),
  };
  const client: BigQuery = new Client(options);
  const job = async (sql: string, dryRun: boolean): Promise<Job> => {
    const [created] = await client.createQueryJob({
      query: sql,
      useLegacySql: false,
      dryRun,
      labels: { tool: "seg" },
      ...(maximumBytesBilled !== undefined ? { maximumBytesBilled: String(maximumBytesBilled) } : {}),
    });
    return created;
  };
  const message = (error: unknown) => `${String((error as Error)?.message ?? error).split("\n")[0]!} (${origin})`;
  const steps = fetchTally();
  return {
    engine: "bigquery",
    rowsFetched: steps.dataRows,
    fetchedBySteps: steps.bySteps,
    async read(db: Database, raw: string, source: Source): Promise<TableRead> {
      const table = source.table!;
      let present: string[];
      try {
        const shape = await job(tableShapeSql(dialect, table), true);
        present = (shape.metadata?.statistics?.query?.schema?.fields ?? []).map((f: { name?: string }) => String(f.name));
      } catch (error) {
        return { ok: false, message: message(error) };
      }
      const columns = tableColumns(source).filter((c) => present.includes(c));
      await db.run(`CREATE OR REPLACE TABLE ${q(raw)} (${columns.length > 0 ? columns.map((c) => `${q(c)} VARCHAR`).join(", ") : `${q("__seg_no_column")} VARCHAR`})`);
      if (columns.length === 0) return { ok: true, columns: present };
      try {
        const read = await job(tableReadSql(dialect, table, columns), false);
        let page: QueryResultsOptions | null = { maxResults: PAGE_ROWS, autoPaginate: false };
        while (page) {
          const [rows, next] = (await read.getQueryResults(page)) as unknown as [Record<string, unknown>[], QueryResultsOptions | null | undefined];
          if (rows.length > 0) await db.appendText(raw, rows.map((row) => columns.map((c) => warehouseText(row[c], c))));
          steps.add(`rows of ${table}`, rows.length);
          page = next ?? null;
        }
      } catch (error) {
        await db.run(`DROP TABLE IF EXISTS ${q(raw)}`);
        return { ok: false, message: message(error) };
      }
      return { ok: true, columns: present };
    },
    async close() {
      // Nothing stays open: each request is its own HTTP call.
    },
  };
}

/** An auth client that authorizes nothing (for an emulator at api_endpoint). */
const ANONYMOUS = {
  getRequestHeaders: async () => new Headers(),
  getProjectId: async () => undefined,
};
