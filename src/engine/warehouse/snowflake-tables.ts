/**
 * Reading source tables from Snowflake through its official client
 * (`snowflake-sdk`, an optional peer dependency loaded only here). One
 * session per run: Seg first sets how the session writes values as text (UTC,
 * ISO dates, timestamps to the microsecond, quoted names kept as written),
 * then sends per table the very SQL `--dry-run` prints: the shape query (no
 * rows; its columns and their types) and the read, whose rows are streamed
 * (the client fetches the result's chunks as they are consumed) and appended
 * to a DuckDB table of text columns in batches. Values in columns with a time
 * zone are moved to UTC (warehouse-text). Snowflake has no read-only session:
 * Seg sends only SELECTs and ALTER SESSION, and a role that can only read is
 * what keeps it so (README).
 *
 * Credentials come from the environment, named by the profile: a password, or
 * key-pair authentication with a private key file outside the workspace.
 */
import type { Column, Connection, ConnectionOptions, RowStatement } from "snowflake-sdk";
import { resolve } from "node:path";
import { SegError } from "../../diagnostics/seg-error.ts";
import { snowflake as dialect } from "../../expr/dialects/snowflake.ts";
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
import { utcTimestampText, warehouseText } from "./warehouse-text.ts";

const BATCH_ROWS = 10_000;

/** How the session writes values as text: what warehouse-text expects. */
export const SNOWFLAKE_SESSION_SQL =
  "ALTER SESSION SET TIMEZONE = 'UTC', DATE_OUTPUT_FORMAT = 'YYYY-MM-DD', TIME_OUTPUT_FORMAT = 'HH24:MI:SS.FF6', " +
  "TIMESTAMP_NTZ_OUTPUT_FORMAT = 'YYYY-MM-DD HH24:MI:SS.FF6', TIMESTAMP_LTZ_OUTPUT_FORMAT = 'YYYY-MM-DD HH24:MI:SS.FF6TZH:TZM', " +
  "TIMESTAMP_TZ_OUTPUT_FORMAT = 'YYYY-MM-DD HH24:MI:SS.FF6TZH:TZM', QUOTED_IDENTIFIERS_IGNORE_CASE = FALSE, QUERY_TAG = 'seg'";

/** Column types whose text carries a UTC offset. */
const ZONED = new Set(["timestamp_tz", "timestamp_ltz"]);

export interface SnowflakeConnection {
  account: string;
  username: string;
  password?: string;
  privateKeyPath?: string;
  privateKeyPass?: string;
  warehouse?: string;
  database?: string;
  schema?: string;
  role?: string;
  accessUrl?: string;
  origin: string;
}

/** The connection: the profile's settings (secrets from the variables it names), else the SNOWFLAKE_* variables. */
export function snowflakeConnection(request: WarehouseRequest, workspaceRoot: string): SnowflakeConnection {
  const env = request.env;
  const read = readProfile(request, workspaceRoot);
  const fromEnv = (variable: string | undefined, what: string, origin: string) => {
    if (variable === undefined) return undefined;
    const value = env[variable];
    if (value === undefined) throw new SegError(`${origin} takes the ${what} from $${variable}, which is not set.`);
    return value;
  };
  let settings: Omit<SnowflakeConnection, "origin">;
  let origin: string;
  if (read?.profile.engine === "snowflake") {
    const p = read.profile;
    origin = read.origin;
    const password = fromEnv(p.password_env, "password", origin);
    // A path written in the profile is relative to the profile's folder; one from a variable, to the current folder.
    const keyPath = p.private_key_path !== undefined ? resolve(read.folder, p.private_key_path) : fromEnv(p.private_key_path_env, "private key's path", origin);
    const passphrase = fromEnv(p.private_key_passphrase_env, "private key's passphrase", origin);
    settings = {
      account: p.account,
      username: p.user,
      ...(password !== undefined ? { password } : {}),
      ...(keyPath !== undefined ? { privateKeyPath: keyPath } : {}),
      ...(passphrase !== undefined ? { privateKeyPass: passphrase } : {}),
      ...(p.warehouse !== undefined ? { warehouse: p.warehouse } : {}),
      ...(p.database !== undefined ? { database: p.database } : {}),
      ...(p.schema !== undefined ? { schema: p.schema } : {}),
      ...(p.role !== undefined ? { role: p.role } : {}),
      ...(p.access_url !== undefined ? { accessUrl: p.access_url } : {}),
    };
  } else {
    origin = "the SNOWFLAKE_* environment variables";
    if (!env.SNOWFLAKE_ACCOUNT || !env.SNOWFLAKE_USER) {
      throw new SegError(`--engine snowflake needs an account and a user: a profile in profiles.yaml (~/.seg, --profiles-dir or $SEG_PROFILES_DIR), or $SNOWFLAKE_ACCOUNT and $SNOWFLAKE_USER. See "Running Seg in your warehouse" in the README.`);
    }
    const optional = (name: string, key: keyof SnowflakeConnection) => (env[name] ? { [key]: env[name] } : {});
    settings = {
      account: env.SNOWFLAKE_ACCOUNT,
      username: env.SNOWFLAKE_USER,
      ...optional("SNOWFLAKE_PASSWORD", "password"),
      ...optional("SNOWFLAKE_PRIVATE_KEY_PATH", "privateKeyPath"),
      ...optional("SNOWFLAKE_PRIVATE_KEY_PASSPHRASE", "privateKeyPass"),
      ...optional("SNOWFLAKE_WAREHOUSE", "warehouse"),
      ...optional("SNOWFLAKE_DATABASE", "database"),
      ...optional("SNOWFLAKE_SCHEMA", "schema"),
      ...optional("SNOWFLAKE_ROLE", "role"),
    };
  }
  if (settings.password === undefined && settings.privateKeyPath === undefined) {
    throw new SegError(`${origin} gives Snowflake no credential: name a password variable (password_env, or $SNOWFLAKE_PASSWORD) or a private key (private_key_path, or $SNOWFLAKE_PRIVATE_KEY_PATH).`);
  }
  if (settings.privateKeyPath !== undefined) settings.privateKeyPath = keyFileOutside(settings.privateKeyPath, workspaceRoot, origin);
  return { ...settings, origin };
}

export async function connectSnowflake(connection: SnowflakeConnection): Promise<TableReader> {
  const sdk = await loadOptionalClient("snowflake", async () => (await import("snowflake-sdk")).default);
  // The client logs to the console otherwise; Seg reports errors itself.
  sdk.configure({ logLevel: "OFF" });
  const { origin, password, privateKeyPath, privateKeyPass, ...settings } = connection;
  const secrets = [password, privateKeyPass].filter((s): s is string => Boolean(s));
  const options: ConnectionOptions = {
    ...settings,
    application: "seg",
    clientSessionKeepAlive: false,
    // An account that does not answer is reported after three tries, not after the client's default seven.
    sfRetryMaxLoginRetries: 2,
    ...(privateKeyPath !== undefined
      ? { authenticator: "SNOWFLAKE_JWT", privateKeyPath, ...(privateKeyPass !== undefined ? { privateKeyPass } : {}) }
      : { password: password! }),
  };
  const client = sdk.createConnection(options);
  try {
    // connectAsync reports a refused login only to its callback (its promise resolves either way).
    await new Promise<void>((done, fail) => void client.connectAsync((error) => (error ? fail(error) : done())).catch(fail));
    await execute(client, SNOWFLAKE_SESSION_SQL);
  } catch (error) {
    await destroy(client);
    throw new SegError(`Could not connect to Snowflake (${origin}): ${withoutSecrets(error, secrets)}`);
  }
  const steps = fetchTally();
  return {
    engine: "snowflake",
    rowsFetched: steps.dataRows,
    fetchedBySteps: steps.bySteps,
    async read(db: Database, raw: string, source: Source): Promise<TableRead> {
      const table = source.table!;
      let shape: Column[];
      try {
        shape = (await execute(client, tableShapeSql(dialect, table))).getColumns() ?? [];
      } catch (error) {
        return { ok: false, message: withoutSecrets(error, secrets) };
      }
      const present = shape.map((c) => c.getName());
      const columns = tableColumns(source).filter((c) => present.includes(c));
      const zoned = columns.map((c) => ZONED.has(shape.find((s) => s.getName() === c)!.getType()));
      await db.run(`CREATE OR REPLACE TABLE ${q(raw)} (${columns.length > 0 ? columns.map((c) => `${q(c)} VARCHAR`).join(", ") : `${q("__seg_no_column")} VARCHAR`})`);
      if (columns.length === 0) return { ok: true, columns: present };
      try {
        const statement = await execute(client, tableReadSql(dialect, table, columns), true);
        const count = (rows: number) => steps.add(`rows of ${table}`, rows);
        let batch: (string | null)[][] = [];
        for await (const row of statement.streamRows() as AsyncIterable<unknown[]>) {
          batch.push(columns.map((c, i) => snowflakeText(row[i], c, zoned[i]!)));
          if (batch.length === BATCH_ROWS) batch = await appended(db, raw, batch, count);
        }
        if (batch.length > 0) await appended(db, raw, batch, count);
      } catch (error) {
        await db.run(`DROP TABLE IF EXISTS ${q(raw)}`);
        return { ok: false, message: withoutSecrets(error, secrets) };
      }
      return { ok: true, columns: present };
    },
    close: () => destroy(client),
  };
}

/** One value of the read as Seg types it: text, moved to UTC in a column with a time zone. */
export function snowflakeText(value: unknown, column: string, zoned: boolean): string | null {
  const text = warehouseText(value, column);
  return text !== null && zoned ? utcTimestampText(text) : text;
}

/** Runs `sqlText`; with `stream`, the rows are left to statement.streamRows(). */
function execute(client: Connection, sqlText: string, stream = false): Promise<RowStatement> {
  return new Promise((done, fail) => {
    client.execute({
      sqlText,
      rowMode: "array",
      ...(stream ? { streamResult: true } : {}),
      complete: (error, statement) => (error ? fail(error) : done(statement as RowStatement)),
    });
  });
}

function destroy(client: Connection): Promise<void> {
  return new Promise((done) => client.destroy(() => done()));
}

/** An error's first line, with the secrets masked. */
function withoutSecrets(error: unknown, secrets: readonly string[]): string {
  const text = String((error as Error)?.message ?? error).split("\n")[0]!;
  return secrets.reduce((t, s) => t.replaceAll(s, "***"), text);
}

/** `rows` appended to the DuckDB table `raw` and counted; an empty batch to fill next. */
async function appended(db: Database, raw: string, rows: (string | null)[][], count: (rows: number) => void): Promise<(string | null)[][]> {
  await db.appendText(raw, rows);
  count(rows.length);
  return [];
}
