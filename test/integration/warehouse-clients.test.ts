/**
 * `--engine bigquery` and `--engine snowflake` through their official clients,
 * against local servers that speak each warehouse's REST protocol (no
 * BigQuery or Snowflake runs here). The example workspace's files are served
 * as the typed tables a warehouse would hold, each value written as that
 * warehouse's cast to text writes it. Asserted: the client sends exactly the
 * SQL `--dry-run` prints (and the golden files hold), the rows arrive over
 * several pages, and `seg lock` writes the very bytes `seg lock` on DuckDB
 * writes from the files.
 */
import { generateKeyPairSync } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDefinitions } from "../../src/api/check.ts";
import type { Io } from "../../src/cli/io.ts";
import { main } from "../../src/cli/main.ts";
import { SNOWFLAKE_SESSION_SQL } from "../../src/engine/warehouse/snowflake-tables.ts";
import { warehouseQueries } from "../../src/engine/warehouse/warehouse-queries.ts";
import { EVERY_OUTPUT } from "../../src/engine/engine-outputs.ts";
import { startFakeBigQuery, type FakeBigQuery } from "./fake-bigquery-server.ts";
import { startFakeSnowflake, type FakeSnowflake } from "./fake-snowflake-server.ts";
import { fakeTables, type FakeTable } from "./warehouse-fake-tables.ts";
import { withTables } from "./warehouse-tables.ts";

const REPO = resolve(import.meta.dirname, "../..");
const WORKSPACE_PARTS = ["segmentation.yaml", "segments", "personas", "hypotheses", "reviews", "seg-suppressions.json", "segments.lock.json"];
/** Small pages, so every table of the example arrives in several. */
const PAGE_ROWS = 2_000;
/** Each test runs the engine twice; on a loaded two-core machine that can take minutes (not a performance bound). */
const SLOW = { timeout: 600_000 };

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const temp = mkdtempSync(join(tmpdir(), "seg-warehouse-clients-"));
const workspace = join(temp, "example");
let tables: Map<string, FakeTable>;
let fromFiles: string;
let committed: Buffer;

const cli = async (args: string[], profiles?: string): Promise<Run> => {
  let stdout = "";
  let stderr = "";
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false, env: profiles ? { SEG_PROFILES_DIR: profiles } : {}, cwd: workspace, today: () => "2026-11-23" };
  const code = await main([...args, "--root", workspace, "--data-dir", REPO, "--no-cache"], io);
  return { code, stdout, stderr };
};

function profile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "seg-profile-"));
  writeFileSync(join(dir, "profiles.yaml"), text);
  return dir;
}

/** The statements `--dry-run` prints, comments dropped. */
/** The statements a dry run prints as sent (those marked "not sent yet" are compiled for the dialect, and left out). */
function dryRunStatements(stdout: string): string[] {
  return stdout
    .split(/;\n/)
    .filter((s) => !/^-- .*\(not sent yet/m.test(s))
    .map((s) => s.replace(/^--.*$/gm, "").trim())
    .filter((s) => s !== "");
}

beforeAll(async () => {
  for (const part of WORKSPACE_PARTS) if (existsSync(join(REPO, part))) cpSync(join(REPO, part), join(workspace, part), { recursive: true });
  const { workspace: loaded } = checkDefinitions({ root: REPO, today: "2026-11-23", dataDir: REPO });
  const sources = loaded.config!.value.sources;
  tables = await fakeTables("example", sources, REPO);
  writeFileSync(join(workspace, "segmentation.yaml"), withTables(readFileSync(join(REPO, "segmentation.yaml"), "utf8"), "example", Object.keys(sources)));
  committed = readFileSync(join(workspace, "segments.lock.json"));
  const local = await cli(["lock"]);
  expect(local.stderr).toBe("");
  expect(local.code).toBe(0);
  fromFiles = readFileSync(join(workspace, "segments.lock.json"), "utf8");
}, SLOW.timeout);

afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The queries the engine sends, by their SQL: each source's shape and read. */
function queriesFor(engine: "bigquery" | "snowflake"): Map<string, { table: string; purpose: "shape" | "read" }> {
  const { workspace: loaded, asOf } = checkDefinitions({ root: workspace, today: "2026-11-23", dataDir: REPO });
  const sent = warehouseQueries(loaded.config!.value, engine, { asOf }, EVERY_OUTPUT).flatMap((q) => (q.table !== undefined && (q.purpose === "shape" || q.purpose === "read") ? [[q.sql, { table: q.table, purpose: q.purpose }] as const] : []));
  return new Map(sent);
}

describe("--engine bigquery through @google-cloud/bigquery", SLOW, () => {
  let server: FakeBigQuery;
  beforeAll(async () => {
    server = await startFakeBigQuery(tables, queriesFor("bigquery"), PAGE_ROWS);
  });
  afterAll(() => server?.close());

  it("sends the dry run's SQL and writes the lock seg lock writes from the files", async () => {
    writeFileSync(join(workspace, "segments.lock.json"), committed);
    const profiles = profile(`default:\n  engine: bigquery\n  project: seg-test\n  api_endpoint: ${server.url}\n`);
    const dryRun = await cli(["lock", "--engine", "bigquery", "--dry-run"], profiles);
    expect(dryRun.code).toBe(0);
    const live = await cli(["lock", "--engine", "bigquery"], profiles);
    expect(live.stderr).toBe("");
    expect(live.code).toBe(0);
    // (a) the very SQL --dry-run prints, shape queries as free dry runs, nothing else asked.
    const queries = queriesFor("bigquery");
    expect(server.jobs).toEqual([...queries].map(([sql, q]) => ({ sql, dryRun: q.purpose === "shape" })));
    expect(server.jobs.map((j) => j.sql)).toEqual(dryRunStatements(dryRun.stdout));
    expect(server.unexpected).toEqual([]);
    const rows = [...tables.values()].reduce((n, t) => n + t.rows.length, 0);
    expect(server.pages).toBeGreaterThanOrEqual(Math.ceil(rows / PAGE_ROWS));
    // (b) byte-identical lock.
    expect(readFileSync(join(workspace, "segments.lock.json"), "utf8")).toBe(fromFiles);
  });

  it("reports a query BigQuery refuses at the source, naming the table", async () => {
    const profiles = profile(`default:\n  engine: bigquery\n  project: seg-test\n  api_endpoint: ${server.url}\n`);
    const config = readFileSync(join(workspace, "segmentation.yaml"), "utf8");
    writeFileSync(join(workspace, "segmentation.yaml"), config.replace("table: example.accounts", "table: example.no_such_table"));
    try {
      const result = await cli(["check", "--format", "json", "--engine", "bigquery"], profiles);
      expect(result.code).toBe(1);
      const found = (JSON.parse(result.stdout) as { diagnostics: { path: string[]; message: string }[] }).diagnostics.map((d) => [d.path.join("."), d.message]);
      expect(found).toContainEqual(["sources.accounts.table", expect.stringMatching(/could not be read as bigquery table example\.no_such_table: Unrecognized query: SELECT \* FROM `example`\.`no_such_table` WHERE 1 = 0/)]);
    } finally {
      writeFileSync(join(workspace, "segmentation.yaml"), config);
    }
  });
});

describe("--engine snowflake through snowflake-sdk", SLOW, () => {
  let server: FakeSnowflake;
  const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
  beforeAll(async () => {
    const queries = queriesFor("snowflake");
    server = await startFakeSnowflake(tables, queries, PAGE_ROWS, { password: "s3cret-pw", publicKey: keys.publicKey });
  });
  afterAll(() => server?.close());

  it("sends the dry run's SQL after its session settings, moves zoned timestamps to UTC, and writes the lock seg lock writes from the files", async () => {
    writeFileSync(join(workspace, "segments.lock.json"), committed);
    const profiles = profile(`default:\n  engine: snowflake\n  account: seg-test\n  user: SEG_READER\n  password_env: SEG_TEST_SNOWFLAKE_PASSWORD\n  access_url: ${server.url}\n`);
    const dryRun = await cli(["lock", "--engine", "snowflake", "--dry-run"], profiles);
    expect(dryRun.code).toBe(0);
    const live = await cliWithEnv(["lock", "--engine", "snowflake"], { SEG_PROFILES_DIR: profiles, SEG_TEST_SNOWFLAKE_PASSWORD: "s3cret-pw" });
    expect(live.stderr).toBe("");
    expect(live.code).toBe(0);
    expect(server.logins).toEqual([{ user: "SEG_READER", authenticator: "SNOWFLAKE" }]);
    expect(server.statements).toEqual([SNOWFLAKE_SESSION_SQL, ...dryRunStatements(dryRun.stdout)]);
    expect(server.unexpected).toEqual([]);
    const rows = [...tables.values()].reduce((n, t) => n + Math.max(0, t.rows.length - PAGE_ROWS), 0);
    expect(server.chunks).toBeGreaterThanOrEqual(Math.ceil(rows / PAGE_ROWS));
    expect(readFileSync(join(workspace, "segments.lock.json"), "utf8")).toBe(fromFiles);
  });

  it("logs in with a key pair, the private key read from its file outside the workspace", async () => {
    const keyFile = join(mkdtempSync(join(tmpdir(), "seg-key-")), "snowflake.p8");
    writeFileSync(keyFile, keys.privateKey.export({ type: "pkcs8", format: "pem" }));
    const profiles = profile(`default:\n  engine: snowflake\n  account: seg-test\n  user: SEG_READER\n  private_key_path: ${JSON.stringify(keyFile)}\n  access_url: ${server.url}\n`);
    const before = server.logins.length;
    const result = await cliWithEnv(["check", "--format", "json", "--engine", "snowflake"], { SEG_PROFILES_DIR: profiles });
    expect(result.stderr).toBe("");
    expect(result.code).toBeLessThan(2);
    expect(server.logins.slice(before)).toEqual([{ user: "SEG_READER", authenticator: "SNOWFLAKE_JWT" }]);
    // A key the server does not know is refused at login.
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" });
    writeFileSync(keyFile, other);
    const refused = await cliWithEnv(["check", "--engine", "snowflake"], { SEG_PROFILES_DIR: profiles });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Could not connect to Snowflake .*JWT token is invalid/);
  });

  it("never prints the password when the login fails", async () => {
    const profiles = profile(`default:\n  engine: snowflake\n  account: seg-test\n  user: SEG_READER\n  password_env: SEG_TEST_SNOWFLAKE_PASSWORD\n  access_url: ${server.url}\n`);
    const result = await cliWithEnv(["lock", "--engine", "snowflake"], { SEG_PROFILES_DIR: profiles, SEG_TEST_SNOWFLAKE_PASSWORD: "wrong-pw" });
    expect(result.code).toBe(2);
    // The server's message repeats the password it was given; Seg masks it.
    expect(result.stderr).toMatch(/Could not connect to Snowflake \(profile default in .*profiles\.yaml\): Incorrect username or password was specified \(got \*\*\*\)/);
    expect(result.stderr).not.toContain("wrong-pw");
  });
});

async function cliWithEnv(args: string[], env: Record<string, string>): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false, env, cwd: workspace, today: () => "2026-11-23" };
  const code = await main([...args, "--root", workspace, "--data-dir", REPO, "--no-cache"], io);
  return { code, stdout, stderr };
}
