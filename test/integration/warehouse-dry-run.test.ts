/**
 * `--engine <warehouse> --dry-run`: the queries BigQuery, Snowflake and
 * PostgreSQL would receive, printed without connecting, kept as golden files
 * and parsed by a SQL parser for each dialect (as seg compile's golden tests
 * do). A table name with quotes or semicolons never reaches the SQL: the
 * schema refuses it with a located error.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import type { Io } from "../../src/cli/io.ts";
import { main } from "../../src/cli/main.ts";
import { FIXTURE } from "./compile-cases.ts";
import { withTables } from "./warehouse-tables.ts";

type SqlParser = { astify(sql: string, options: { database: string }): unknown };
let parser: SqlParser | undefined;
try {
  const module = (await import("node-sql-parser")) as { default?: { Parser: new () => SqlParser }; Parser?: new () => SqlParser };
  parser = new (module.Parser ?? module.default!.Parser)();
} catch {
  console.warn("warehouse-dry-run parse checks skipped: node-sql-parser is not installed (npm install)");
}

const GOLDEN = resolve(import.meta.dirname, "../fixtures/warehouse");
const temp = mkdtempSync(join(tmpdir(), "seg-dry-run-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/**
 * The compile fixture (hostile text where users may write it, a column read from "Hint Text"), its sources in warehouse
 * tables; `ownFeatures`: without clustering, RFM scores and value tiers (and what reads them), so every feature is one
 * member's own.
 */
function workspace(tables: (name: string) => string, ownFeatures = false): string {
  const root = mkdtempSync(join(temp, "ws-"));
  cpSync(FIXTURE, root, { recursive: true });
  const config = parseDocument(readFileSync(join(root, "segmentation.yaml"), "utf8"));
  if (ownFeatures) {
    for (const path of [["clustering"], ["rfm"], ["value_tiers"], ["features", "spend_per_order"], ["features", "big_spender"]]) config.deleteIn(path);
    for (const file of ["interests/best.yaml", "interests/new-ones.yaml", "behaviour/second.yaml", "behaviour/spenders.yaml"]) rmSync(join(root, "segments", file));
  }
  writeFileSync(join(root, "segmentation.yaml"), withTables(config.toString(), "", ["customers", "orders"]).replace(/table: \.(\w+)/g, (_, name: string) => `table: ${tables(name)}`));
  return root;
}

async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false, env: {}, cwd, today: () => "2026-11-23" };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/**
 * PostgreSQL: per source shape, checks and digest (not for seg explain and seg export, which write no lock), then the features, the sampled features (sent instead by seg
 * explain with clustering), then per source the read (sent only when the rows are needed); node-sql-parser reads the shape and read queries, and the live server runs all of them
 * (warehouse-postgres.test.ts). BigQuery and Snowflake: per source shape and read, then the features compiled for the
 * dialect (not sent yet), and the sampled features likewise, every one parsed.
 */
const ENGINES = [
  { engine: "postgres", parseAs: "postgresql", table: (name: string) => `analytics.${name}`, steps: ["shape", "checks", "digest", "shape", "checks", "digest", "features", "features-sampled", "read", "read"], parsed: ["shape", "read"] },
  { engine: "bigquery", parseAs: "bigquery", table: (name: string) => `my-project.analytics.${name}`, steps: ["shape", "read", "shape", "read", "features", "features-sampled"], parsed: ["shape", "read", "features", "features-sampled"] },
  { engine: "snowflake", parseAs: "snowflake", table: (name: string) => `ANALYTICS.PUBLIC.${name.toUpperCase()}`, steps: ["shape", "read", "shape", "read", "features", "features-sampled"], parsed: ["shape", "read", "features", "features-sampled"] },
] as const;

/** Each printed statement with the step its heading names. */
function statementsOf(stdout: string): { step: string; sql: string }[] {
  return stdout
    .split(/;\n/)
    .filter((s) => s.trim() !== "")
    .map((s) => {
      const heading = /^-- (?:([\w-]+): (?:every member|the asked members)|\w+: (\w+))/m.exec(s);
      return { step: heading?.[1] ?? heading?.[2] ?? "", sql: s.replace(/^--.*$/gm, "").trim() };
    });
}

describe.each(ENGINES)("--engine $engine --dry-run", ({ engine, parseAs, table, steps, parsed }) => {
  const root = workspace(table);

  it.each(["lock", "check", "export", "explain"])("seg %s prints the queries and connects nowhere", async (command) => {
    // No profile and no environment: a live run could not connect, so anything but the printout would fail.
    const extra = command === "export" ? ["--out", join(temp, "never.csv")] : command === "explain" ? ["c1"] : [];
    const result = await run([command, ...extra, "--root", root, "--engine", engine, "--dry-run"], root);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    // seg explain and seg export write no lock: PostgreSQL is sent no digest query for them.
    const membershipsOnly = engine === "postgres" && (command === "export" || command === "explain");
    await expect(result.stdout).toMatchFileSnapshot(join(GOLDEN, `${engine}${membershipsOnly ? "-memberships-only" : ""}.sql`));
    if (membershipsOnly) expect(statementsOf(result.stdout).map((s) => s.step)).toEqual(steps.filter((step) => step !== "digest"));
  });

  it.skipIf(!parser)(`prints each step's query, and they parse as ${parseAs} SQL, one statement per query`, async () => {
    const { stdout } = await run(["lock", "--root", root, "--engine", engine, "--dry-run"], root);
    const statements = statementsOf(stdout);
    expect(statements.map((s) => s.step)).toEqual(steps);
    for (const { step, sql } of statements) if ((parsed as readonly string[]).includes(step)) expect(() => parser!.astify(sql, { database: parseAs }), sql).not.toThrow();
  });

  it(`prints, when every feature is a member's own, the query seg explain sends instead: the ids filtered at each source's scan${engine === "postgres" ? "" : ` (parsed as ${parseAs})`}`, async () => {
    const own = workspace(table, true);
    const result = await run(["explain", "c1", "--root", own, "--engine", engine, "--dry-run"], own);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot(join(GOLDEN, `${engine}-own-features.sql`));
    const statements = statementsOf(result.stdout);
    expect(statements.map((s) => s.step).filter((step) => step.startsWith("features"))).toEqual(["features", "features-asked"]);
    const asked = statements.find((s) => s.step === "features-asked")!.sql;
    // Each table is read through a filter on the asked ids, before any step of the plan.
    for (const name of ["customers", "orders"]) expect(asked).toMatch(new RegExp(`FROM \\(SELECT \\* FROM [^\\n]*${name}[^\\n]* r WHERE [^\\n]*customer_id`, "i"));
    if (engine !== "postgres" && parser) expect(() => parser!.astify(asked, { database: parseAs }), asked).not.toThrow();
  });

  it("computes the features as of --as-of, else the workspace's as_of, else today", async () => {
    const features = async (...args: string[]) => statementsOf((await run(["check", "--root", root, "--engine", engine, "--dry-run", ...args], root)).stdout).find((s) => s.step === "features")!.sql;
    const asOf = await features("--as-of", "2026-01-31");
    expect(asOf).toContain("2026-01-31");
    expect(asOf).not.toBe(await features());
  });
});

describe("seg compile", () => {
  it("reads each source from its table:, unless --source maps it elsewhere", async () => {
    const root = workspace((name) => `crm.${name}`);
    const result = await run(["compile", "--target", "postgres", "--root", root, "--source", "orders=shop.sales"], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('FROM "crm"."customers"');
    expect(result.stdout).toContain('FROM "shop"."sales"');
    expect(result.stdout).not.toContain('"crm"."orders"');
  });
});

describe("warehouse engines refuse what they cannot do", () => {
  it.each(['crm.customers"; DROP TABLE crm.orders; --', "crm.customers;", "a.b.c.d", "crm..customers", "`x`"])("refuses table: %s with a located error, before any SQL", async (name) => {
    const root = workspace((source) => (source === "customers" ? JSON.stringify(name) : `crm.${source}`));
    const result = await run(["lock", "--root", root, "--engine", "postgres", "--dry-run"], root);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/segmentation\.yaml\n\s+\d+:\d+\s+error\s+"sources\.customers\.table" must be a table name/);
  });

  it("refuses a profiles folder inside the workspace", async () => {
    const root = workspace((name) => `crm.${name}`);
    writeFileSync(join(root, "profiles.yaml"), "default:\n  engine: postgres\n  host: localhost\n");
    const result = await run(["lock", "--root", root, "--engine", "postgres", "--profiles-dir", root], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Refusing to read connection profiles from .*inside the workspace/);
  });

  it("never prints the password when the connection fails", async () => {
    const root = workspace((name) => `crm.${name}`);
    const profiles = mkdtempSync(join(temp, "profiles-"));
    writeFileSync(join(profiles, "profiles.yaml"), "default:\n  engine: postgres\n  url_env: SEG_TEST_PG_URL\n");
    let stderr = "";
    const io: Io = { stdout: () => undefined, stderr: (t) => void (stderr += t), isTTY: false, env: { SEG_TEST_PG_URL: "postgresql://seg:s3cret-pw@127.0.0.1:1/postgres" }, cwd: root, today: () => "2026-11-23" };
    const code = await main(["lock", "--root", root, "--engine", "postgres", "--profiles-dir", profiles], io);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Could not connect to PostgreSQL \(profile default in .*profiles\.yaml\)/);
    expect(stderr).not.toContain("s3cret-pw");
  });

  it.each(["postgres://seg:s3cret-pw@db:99999999/postgres", "postgres://seg:s3cret-pw@[db/postgres"])("says a connection URL that is not a URL is one, without printing it: %s", async (url) => {
    const root = workspace((name) => `crm.${name}`);
    let stderr = "";
    const io: Io = { stdout: () => undefined, stderr: (t) => void (stderr += t), isTTY: false, env: { DATABASE_URL: url }, cwd: root, today: () => "2026-11-23" };
    const code = await main(["lock", "--root", root, "--engine", "postgres"], io);
    expect(code).toBe(2);
    expect(stderr).toBe("seg lock: Could not connect to PostgreSQL ($DATABASE_URL): it is not a valid connection URL (postgres://user@host:port/database).\n");
  });

  it("says what a live BigQuery or Snowflake run lacks, and --dry-run needs a warehouse", async () => {
    const root = workspace((name) => `crm.${name}`);
    const snowflake = await run(["lock", "--root", root, "--engine", "snowflake"], root);
    expect(snowflake.code).toBe(2);
    expect(snowflake.stderr).toMatch(/--engine snowflake needs an account and a user: a profile in profiles\.yaml .* or \$SNOWFLAKE_ACCOUNT and \$SNOWFLAKE_USER/);
    const bigquery = await run(["lock", "--root", root, "--engine", "bigquery"], root);
    expect(bigquery.code).toBe(2);
    expect(bigquery.stderr).toMatch(/--engine bigquery needs a project/);
    const local = await run(["lock", "--root", root, "--dry-run"], root);
    expect(local.code).toBe(2);
    expect(local.stderr).toMatch(/go with a warehouse engine/);
  });
});
