/**
 * `--engine postgres` against a real PostgreSQL server started for the test:
 * the example workspace's files and Online Retail are loaded into typed
 * tables, a copy of each workspace names those tables (table:), and a profile
 * outside the workspace says how to connect. `seg lock` on PostgreSQL must
 * write the very bytes `seg lock` on DuckDB writes from the files, and check,
 * explain and export must agree member by member; lock and check bring back
 * aggregates and the clustering sample only; seg explain brings back the
 * asked member's row and the clustering sample only. Skipped, with the reason
 * printed, when PostgreSQL (or the shared Online Retail data) is missing.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { parseDocument } from "yaml";
import { check, checkDefinitions } from "../../src/api/check.ts";
import { explain } from "../../src/api/explain.ts";
import { exportWorkspace } from "../../src/api/export.ts";
import { lock } from "../../src/api/lock.ts";
import type { Io } from "../../src/cli/io.ts";
import { main } from "../../src/cli/main.ts";
import { postgres } from "../../src/expr/dialects/postgres.ts";
import { dataPath, missingData } from "../support/shared-data.ts";
import { FIXTURE } from "./compile-cases.ts";
import { missingPostgres, parseCsv, startPostgres, type PostgresServer } from "./compile-postgres-server.ts";
import { loadSourceTables, withTables } from "./warehouse-tables.ts";

const REPO = resolve(import.meta.dirname, "../..");
const noServer = missingPostgres();
if (noServer) console.warn(`warehouse-postgres skipped: ${noServer}`);

// .ci/run installs PostgreSQL: in CI these tests run, they are never skipped.
describe.runIf(Boolean(noServer) && process.env.CI === "true")("--engine postgres in CI", () => {
  it("has a PostgreSQL server to run on", () => {
    expect(noServer).toBeUndefined();
  });
});

const CASES = [
  { name: "the example workspace", schema: "example", root: REPO, dataRoot: REPO, missing: undefined, members: ["ACC-00001", "ACC-02999"] },
  {
    name: "Online Retail",
    schema: "retail",
    root: resolve(REPO, "examples/online-retail"),
    dataRoot: dataPath("online-retail"),
    missing: missingData("online-retail", "online_retail.csv.gz"),
    members: ["17850"],
  },
];

const WORKSPACE_PARTS = ["segmentation.yaml", "segments", "personas", "hypotheses", "reviews", "seg-suppressions.json", "segments.lock.json"];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Each test runs the engine two to four times; on a loaded two-core machine that can take minutes (not a performance bound). */
const SLOW = { timeout: 900_000 };

describe.runIf(!noServer)("--engine postgres on a live server", SLOW, () => {
  let server: PostgresServer;
  let profiles: string;
  const temp = mkdtempSync(join(tmpdir(), "seg-warehouse-"));
  beforeAll(() => {
    server = startPostgres();
    profiles = join(temp, "profiles");
    cpSync(writeProfile(server), join(profiles, "profiles.yaml"));
  });
  afterAll(() => {
    server?.stop();
    rmSync(temp, { recursive: true, force: true });
  });

  const cli = async (args: string[], cwd: string): Promise<Run> => {
    let stdout = "";
    let stderr = "";
    const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false, env: { SEG_PROFILES_DIR: profiles }, cwd, today: () => "2026-11-23" };
    const code = await main(args, io);
    return { code, stdout, stderr };
  };

  it("reads a column whose name is SQL (quotes, a semicolon, a DROP) as a name, and runs nothing else", async () => {
    const workspace = join(temp, "hostile");
    cpSync(FIXTURE, workspace, { recursive: true });
    const { workspace: loaded } = checkDefinitions({ root: FIXTURE, today: "2026-11-23" });
    const hostile = 'Hint"; DROP TABLE hostile.victim; --';
    const q = postgres.quoteIdent;
    server.run(
      [
        loadSourceTables("hostile", loaded.config!.value.sources, FIXTURE, q),
        `ALTER TABLE hostile.customers RENAME COLUMN "Hint Text" TO ${q(hostile)};`,
        "CREATE TABLE hostile.victim (still_here boolean); INSERT INTO hostile.victim VALUES (true);",
      ].join("\n"),
    );
    const config = withTables(readFileSync(join(FIXTURE, "segmentation.yaml"), "utf8"), "hostile", ["customers", "orders"]);
    writeFileSync(join(workspace, "segmentation.yaml"), config);
    const local = await cli(["export", "--out", join(temp, "hostile-local.csv"), "--root", workspace, "--no-cache"], workspace);
    writeFileSync(join(workspace, "segmentation.yaml"), config.replace('from: "Hint Text"', `from: ${JSON.stringify(hostile)}`));
    const warehouse = await cli(["export", "--out", join(temp, "hostile-warehouse.csv"), "--root", workspace, "--no-cache", "--engine", "postgres"], workspace);
    expect(local.code).toBe(0);
    expect(warehouse.stderr).toBe("");
    expect(warehouse.code).toBe(0);
    expect(server.query("SELECT still_here FROM hostile.victim")).toEqual([{ still_here: "t" }]);
    expect(readFileSync(join(temp, "hostile-warehouse.csv"), "utf8")).toBe(readFileSync(join(temp, "hostile-local.csv"), "utf8"));
  });

  it("reports a missing table and a missing column at the source, naming the table", async () => {
    const workspace = join(temp, "broken");
    cpSync(FIXTURE, workspace, { recursive: true });
    const { workspace: loaded } = checkDefinitions({ root: FIXTURE, today: "2026-11-23" });
    server.run([loadSourceTables("broken", { orders: loaded.config!.value.sources.orders! }, FIXTURE, postgres.quoteIdent), "ALTER TABLE broken.orders DROP COLUMN note;"].join("\n"));
    writeFileSync(join(workspace, "segmentation.yaml"), withTables(readFileSync(join(FIXTURE, "segmentation.yaml"), "utf8"), "broken", ["customers", "orders"]));
    const result = await cli(["check", "--format", "json", "--root", workspace, "--no-cache", "--engine", "postgres"], workspace);
    expect(result.code).toBe(1);
    const found = (JSON.parse(result.stdout) as { diagnostics: { path: string[]; message: string }[] }).diagnostics.map((d) => [d.path.join("."), d.message]);
    expect(found).toContainEqual(["sources.customers.table", expect.stringMatching(/could not be read as postgres table broken\.customers: relation "broken\.customers" does not exist/)]);
    expect(found).toContainEqual(["sources.orders.columns.note", 'Source "orders" has no column "note" in table broken.orders.']);
  });

  const warehouse = () => ({ engine: "postgres" as const, env: { SEG_PROFILES_DIR: profiles }, home: temp });

  it("reads the rows when the warehouse's counts find a problem, and reports it as DuckDB does", async () => {
    const workspace = join(temp, "dupes");
    cpSync(FIXTURE, workspace, { recursive: true });
    const { workspace: loaded } = checkDefinitions({ root: FIXTURE, today: "2026-11-23" });
    server.run([loadSourceTables("dupes", loaded.config!.value.sources, FIXTURE, postgres.quoteIdent), "INSERT INTO dupes.customers SELECT * FROM dupes.customers WHERE customer_id = 'c1';"].join("\n"));
    writeFileSync(join(workspace, "segmentation.yaml"), withTables(readFileSync(join(FIXTURE, "segmentation.yaml"), "utf8"), "dupes", ["customers", "orders"]));
    const result = await check({ root: workspace, today: "2026-11-23", cache: false, warehouse: warehouse() });
    const keys = result.diagnostics.filter((d) => d.ruleId === "data/duplicate-key").map((d) => [d.path?.join("."), d.message]);
    // The rows were read, so the message names them, as the row copy numbers them (in order of every column).
    expect(keys).toEqual([["sources.customers.key", 'Key "customer_id" of source "customers" is not unique: 1 key repeats in table dupes.customers, on 2 rows of 7; most frequent: "c1" ×2 (rows 1, 2).']]);
  });

  it("reports repeated transaction ids from the warehouse's counts with DuckDB's words, and computes every member's metrics there (aggregates and the clustering sample come back)", async () => {
    const workspace = join(temp, "repeats");
    cpSync(FIXTURE, workspace, { recursive: true });
    const orders = join(workspace, "data/orders.csv");
    const lines = readFileSync(orders, "utf8").split("\n");
    writeFileSync(orders, `${[...lines.filter((l) => l !== ""), lines.find((l) => l.startsWith("o2,"))!].join("\n")}\n`);
    const { workspace: loaded } = checkDefinitions({ root: workspace, today: "2026-11-23" });
    server.run(loadSourceTables("repeats", loaded.config!.value.sources, workspace, postgres.quoteIdent));
    const local = await check({ root: workspace, today: "2026-11-23", cache: false });
    writeFileSync(join(workspace, "segmentation.yaml"), withTables(readFileSync(join(FIXTURE, "segmentation.yaml"), "utf8"), "repeats", ["customers", "orders"]));
    const remote = await check({ root: workspace, today: "2026-11-23", cache: false, warehouse: warehouse() });
    const repeated = (result: typeof local) => result.diagnostics.filter((d) => d.ruleId === "data/duplicate-id").map((d) => d.message.replace("table repeats.orders", "data/orders.csv"));
    expect(repeated(local)).toEqual(['Id "order_id" of source "orders" repeats: 1 id appears more than once in data/orders.csv (1 extra row of the 10 its filter keeps), so their amounts count more than once.']);
    expect(repeated(remote)).toEqual(repeated(local));
    // Per source one row of counts and one digest; then the clustering sample (here every member with both clustering
    // features) and one row of aggregates: metrics, overlaps, coverage, normalization and value ranks computed there.
    const complete = local.data!.engine.clustering!.members - local.data!.engine.clustering!.incomplete;
    expect(remote.data?.engine.warehouse).toEqual({ inWarehouse: true, rowsFetched: complete, fetched: { checks: 2, digest: 2, "clustering sample": complete, aggregates: 1 } });
    // Every finding is the one DuckDB finds, and every figure the rules read is the same.
    const asFile = (text: string) => text.replaceAll("table repeats.orders", "data/orders.csv").replaceAll("table repeats.customers", "data/customers.csv");
    // (Positions aside: the copy that names the tables has two more lines per source.)
    const found = (diagnostics: typeof local.diagnostics) => diagnostics.map(({ ruleId, messageId, severity, message, path, data }) => ({ ruleId, messageId, severity, message: asFile(message), path, data }));
    expect(found(local.diagnostics).length).toBeGreaterThan(3);
    expect(found(remote.diagnostics)).toEqual(found(local.diagnostics));
    const figures = (result: typeof local) => {
      const { schemes, members, coverage, normalization, valueLabels, idsaa, clustering } = result.data!.engine;
      return { schemes, members, coverage, normalization, valueLabels, idsaa, clusters: clustering?.clusters, outlierMembers: clustering?.outlierMembers };
    };
    expect(figures(remote)).toEqual(figures(local));
    // A hypothesis is tested in DuckDB: every member's feature row comes back, and the report says why.
    mkdirSync(join(workspace, "hypotheses"), { recursive: true });
    writeFileSync(
      join(workspace, "hypotheses/best-spend.yaml"),
      "id: best-spend\nstatement: The best customers spend more.\nsegments: [spenders]\nmetric: monetary\ntest: { kind: difference-of-means, alternative: greater }\n",
    );
    const tested = await check({ root: workspace, today: "2026-11-23", cache: false, warehouse: warehouse() });
    expect(tested.data?.engine.warehouse).toMatchObject({ inWarehouse: true, perMember: "the hypotheses are tested on every member's features in DuckDB", fetched: { features: local.data?.engine.members } });
  });

  it("seg explain brings back the asked member's row (with clustering, and the sample the fit reads), and says what DuckDB says", async () => {
    const workspace = join(temp, "solo");
    cpSync(FIXTURE, workspace, { recursive: true });
    const { workspace: loaded } = checkDefinitions({ root: FIXTURE, today: "2026-11-23" });
    server.run(loadSourceTables("solo", loaded.config!.value.sources, FIXTURE, postgres.quoteIdent));
    const config = parseDocument(withTables(readFileSync(join(FIXTURE, "segmentation.yaml"), "utf8"), "solo", ["customers", "orders"]));
    writeFileSync(join(workspace, "segmentation.yaml"), config.toString());
    const asked = (memberId: string) => explain({ root: workspace, today: "2026-11-23", cache: false, warehouse: warehouse(), memberId });
    // With clustering, the fit reads the sample the warehouse draws (here all six members, the asked one among them) and the counts its rows carry.
    const clustered = await asked("c2");
    expect(clustered.explanation?.cluster).toBeDefined();
    expect(clustered.warehouse).toEqual({ inWarehouse: true, rowsFetched: 6, fetched: { checks: 2, features: 6 }, asked: { early: false, because: "clustering fits on every member" } });
    const clusteredLocal = await cli(["explain", "c2", "--format", "json", "--root", workspace, "--no-cache"], workspace);
    const clusteredRemote = await cli(["explain", "c2", "--format", "json", "--root", workspace, "--no-cache", "--engine", "postgres"], workspace);
    expect(clusteredRemote.stdout).toBe(clusteredLocal.stdout);
    // The query --dry-run prints for it runs on the server as printed, the asked ids being its one parameter: six rows.
    const sampledDryRun = await cli(["explain", "c2", "--root", workspace, "--engine", "postgres", "--dry-run"], workspace);
    const sampled = sampledDryRun.stdout.split(/;\n/).find((part) => /^-- features-sampled: /m.test(part))!;
    expect(server.query(sampled.replace(/^--.*$/gm, "").replace("$1::text[]", "ARRAY['c2']").trim())).toHaveLength(6);
    // Without clustering (and the segments defined by a cluster), one member's row is all that comes back.
    config.deleteIn(["clustering"]);
    writeFileSync(join(workspace, "segmentation.yaml"), config.toString());
    for (const file of ["segments/behaviour/second.yaml", "segments/behaviour/spenders.yaml"]) rmSync(join(workspace, file));
    for (const member of ["c1", "c2", "c6"]) {
      const remote = await asked(member);
      // RFM scores rank every member: the features are computed for all of them, and this member's row picked.
      expect(remote.warehouse).toEqual({ inWarehouse: true, rowsFetched: 1, fetched: { checks: 2, features: 1 }, asked: { early: false, because: "the RFM scores rank every member" } });
      const local = await cli(["explain", member, "--format", "json", "--root", workspace, "--no-cache"], workspace);
      const onTables = await cli(["explain", member, "--format", "json", "--root", workspace, "--no-cache", "--engine", "postgres"], workspace);
      expect(local.code).toBe(0);
      expect(onTables.stderr).toBe("");
      expect(onTables.stdout).toBe(local.stdout);
    }
    // An id is a parameter of the query, never its text: one that reads as SQL finds no member, and nothing else runs.
    for (const member of ["nobody", "c1' OR '1' = '1", "c1'; DROP TABLE solo.orders; --"]) {
      const remote = await asked(member);
      expect(remote.explanation).toBeUndefined();
      expect(remote.warehouse?.fetched.features).toBe(0);
      const local = await cli(["explain", member, "--root", workspace, "--no-cache"], workspace);
      const onTables = await cli(["explain", member, "--root", workspace, "--no-cache", "--engine", "postgres"], workspace);
      expect(local.code).toBe(1);
      expect(onTables.code).toBe(1);
      expect(onTables.stderr).toBe(local.stderr);
    }
    expect(server.query("SELECT count(*) AS n FROM solo.orders")).toEqual([{ n: "11" }]);
    // Every query --dry-run prints runs on the server as printed: each source's checks give one row, the features one per member. No digest: explain writes no lock.
    const dryRun = await cli(["explain", "c1", "--root", workspace, "--engine", "postgres", "--dry-run"], workspace);
    expect(dryRun.code).toBe(0);
    const statements = dryRun.stdout.split(/;\n/).filter((part) => part.trim() !== "");
    const rows = statements.map((part) => [/^-- (.*)$/m.exec(part)![1]!, server.query(part.replace(/^--.*$/gm, "").trim()).length]);
    expect(rows).toEqual([
      ["customers: shape solo.customers", 0],
      ["customers: checks solo.customers", 1],
      ["orders: shape solo.orders", 0],
      ["orders: checks solo.orders", 1],
      ["features: every member", 6],
      ["customers: read solo.customers (only when a step needs the rows or a check finds a problem)", 6],
      ["orders: read solo.orders (only when a step needs the rows or a check finds a problem)", 11],
    ]);
  });

  it("seg explain filters the member id at each source's scan when no feature ranks every member, and says which path ran", async () => {
    const workspace = join(temp, "early");
    cpSync(FIXTURE, workspace, { recursive: true });
    const { workspace: loaded } = checkDefinitions({ root: FIXTURE, today: "2026-11-23" });
    server.run(loadSourceTables("early", loaded.config!.value.sources, FIXTURE, postgres.quoteIdent));
    const config = parseDocument(withTables(readFileSync(join(FIXTURE, "segmentation.yaml"), "utf8"), "early", ["customers", "orders"]));
    // No clustering, RFM scores or value tiers (nor what reads them): every feature is one member's own.
    for (const path of [["clustering"], ["rfm"], ["value_tiers"], ["features", "spend_per_order"], ["features", "big_spender"]]) config.deleteIn(path);
    writeFileSync(join(workspace, "segmentation.yaml"), config.toString());
    for (const file of ["interests/best.yaml", "interests/new-ones.yaml", "behaviour/second.yaml", "behaviour/spenders.yaml"]) rmSync(join(workspace, "segments", file));
    for (const member of ["c1", "c2", "c6"]) {
      const remote = await explain({ root: workspace, today: "2026-11-23", cache: false, warehouse: warehouse(), memberId: member });
      expect(remote.warehouse).toEqual({ inWarehouse: true, rowsFetched: 1, fetched: { checks: 2, features: 1 }, asked: { early: true } });
      const local = await cli(["explain", member, "--format", "json", "--root", workspace, "--no-cache"], workspace);
      const onTables = await cli(["explain", member, "--format", "json", "--root", workspace, "--no-cache", "--engine", "postgres"], workspace);
      expect(local.code).toBe(0);
      expect(onTables.stderr).toBe("");
      expect(onTables.stdout).toBe(local.stdout);
    }
    const text = await cli(["explain", "c2", "--root", workspace, "--no-cache", "--engine", "postgres"], workspace);
    expect(text.stdout.split("\n")[1]).toBe("Computed in the warehouse from this customer's rows alone (the id filtered at each source's scan).");
    // The query --dry-run prints for it runs as printed, the ids its one parameter: one row, and each table's scan keeps the member's rows alone.
    const dryRun = await cli(["explain", "c2", "--root", workspace, "--engine", "postgres", "--dry-run"], workspace);
    const printed = dryRun.stdout.split(/;\n/).find((part) => /^-- features-asked: /m.test(part))!;
    const sql = printed.replace(/^--.*$/gm, "").replaceAll("$1::text[]", "ARRAY['c2']").trim();
    expect(server.query(sql)).toHaveLength(1);
    const client = new pg.Client({ host: server.socketDir, port: server.port, user: server.user, database: "postgres" });
    await client.connect();
    const plan = (await client.query<{ "QUERY PLAN": { Plan: PlanNode }[] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`).finally(() => client.end())).rows[0]!["QUERY PLAN"];
    const scanned = (table: string) => scans(plan[0]!.Plan).filter((node) => node["Relation Name"] === table).map((node) => node["Actual Rows"] * node["Actual Loops"]);
    const own = (table: string) => Number(server.query(`SELECT count(*) AS n FROM early.${table} WHERE customer_id = 'c2'`)[0]!.n);
    expect(own("orders")).toBeGreaterThan(0);
    expect(own("orders")).toBeLessThan(Number(server.query("SELECT count(*) AS n FROM early.orders")[0]!.n));
    expect(scanned("orders").length).toBeGreaterThan(0);
    for (const rows of scanned("orders")) expect(rows).toBe(own("orders"));
    for (const rows of scanned("customers")) expect(rows).toBe(1);
  });

  describe.each(CASES)("on $name", ({ schema, root, dataRoot, missing, members }) => {
    if (missing) console.warn(`warehouse-postgres on ${root} skipped: ${missing}`);
    const workspace = join(temp, schema);
    /** Each table's name as findings give it → the file the same finding names on DuckDB. */
    const paths = new Map<string, string>();
    // A command on the files through DuckDB, or with --engine postgres on the tables.
    const on = (engine: "duckdb" | "postgres", args: string[]): Promise<Run> =>
      cli([...args, "--root", workspace, "--data-dir", dataRoot, "--no-cache", ...(engine === "postgres" ? ["--engine", "postgres"] : [])], workspace);
    const both = async (args: string[]): Promise<[Run, Run]> => [await on("duckdb", args), await on("postgres", args)];

    beforeAll(() => {
      if (missing) return;
      for (const part of WORKSPACE_PARTS) if (existsSync(join(root, part))) cpSync(join(root, part), join(workspace, part), { recursive: true });
      const { workspace: loaded } = checkDefinitions({ root, today: "2026-11-23", dataDir: dataRoot });
      const sources = loaded.config!.value.sources;
      for (const [name, source] of Object.entries(sources)) paths.set(`table ${schema}.${name}`, source.path!);
      server.run(loadSourceTables(schema, sources, dataRoot, postgres.quoteIdent));
      writeFileSync(join(workspace, "segmentation.yaml"), withTables(readFileSync(join(root, "segmentation.yaml"), "utf8"), schema, Object.keys(sources)));
    });

    it.skipIf(Boolean(missing))("seg lock on PostgreSQL writes the bytes seg lock on DuckDB writes", async () => {
      const committed = readFileSync(join(workspace, "segments.lock.json"));
      const local = await on("duckdb", ["lock"]);
      expect(local.stderr).toBe("");
      expect(local.code).toBe(0);
      const fromFiles = readFileSync(join(workspace, "segments.lock.json"), "utf8");
      // Each run starts from the same committed lock (its cluster ids).
      writeFileSync(join(workspace, "segments.lock.json"), committed);
      const warehouse = await on("postgres", ["lock"]);
      expect(warehouse.stderr).toBe("");
      expect(warehouse.code).toBe(0);
      const fromTables = readFileSync(join(workspace, "segments.lock.json"), "utf8");
      expect(fromTables).toBe(fromFiles);
      // The output says where it ran and what came back.
      expect(warehouse.stdout).toMatch(
        schema === "retail"
          ? /\nOn postgres: computed in the warehouse; rows brought back by step: checks 1, digest 1, clustering sample 4338, aggregates 1\.\n$/
          : /\nOn postgres: rows read from the warehouse, computed in DuckDB; rows brought back by step: rows of example\.accounts \d+, .*\n {2}The rows were read: impact rebuilds the features as of each launch day/,
      );
      // The lock names each table and records its rows, not a file's bytes.
      const inputs = (JSON.parse(fromTables) as { inputs: Record<string, { table?: string; bytes?: number; sha256: string }> }).inputs;
      for (const [name, input] of Object.entries(inputs)) {
        expect(input.table).toBe(`${schema}.${name}`);
        expect(input.bytes).toBeUndefined();
        expect(input.sha256).toMatch(/^[0-9a-f]{64}$/);
      }
    });

    it.skipIf(Boolean(missing))("runs in PostgreSQL when no step needs the rows (aggregates and the clustering sample come back), else says why it reads them", async () => {
      const committed = readFileSync(join(workspace, "segments.lock.json"));
      const result = await lock({ root: workspace, dataDir: dataRoot, today: "2026-11-23", cache: false, warehouse: warehouse() });
      const engine = result.check.data!.engine;
      if (schema === "retail") {
        // No member's feature row: the clustering sample (clustering.sample is 50,000: every member here) and one row of aggregates.
        expect(engine.warehouse).toEqual({ inWarehouse: true, rowsFetched: engine.members, fetched: { checks: 1, digest: 1, "clustering sample": engine.members, aggregates: 1 } });
        expect(engine.members).toBe(4338);
        // With a sample of 1,000, 1,000 rows come back, and the lock is the one DuckDB writes from the files.
        const sampled = readFileSync(join(workspace, "segmentation.yaml"), "utf8");
        writeFileSync(join(workspace, "segmentation.yaml"), sampled.replace("sample: 50000", "sample: 1000"));
        try {
          writeFileSync(join(workspace, "segments.lock.json"), committed);
          expect((await on("duckdb", ["lock"])).code).toBe(0);
          const fromFiles = readFileSync(join(workspace, "segments.lock.json"), "utf8");
          writeFileSync(join(workspace, "segments.lock.json"), committed);
          const small = await lock({ root: workspace, dataDir: dataRoot, today: "2026-11-23", cache: false, warehouse: warehouse() });
          expect(small.check.data!.engine.warehouse).toEqual({ inWarehouse: true, rowsFetched: 1000, fetched: { checks: 1, digest: 1, "clustering sample": 1000, aggregates: 1 } });
          expect(readFileSync(join(workspace, "segments.lock.json"), "utf8")).toBe(fromFiles);
        } finally {
          writeFileSync(join(workspace, "segmentation.yaml"), sampled);
          writeFileSync(join(workspace, "segments.lock.json"), committed);
        }
        // Without path: the source is read from its table alone, and recorded by the same digest.
        const before = JSON.parse(readFileSync(join(workspace, "segments.lock.json"), "utf8")) as { inputs: Record<string, { path?: string; sha256: string }>; clusters: unknown };
        const config = readFileSync(join(workspace, "segmentation.yaml"), "utf8");
        writeFileSync(join(workspace, "segmentation.yaml"), config.replace("    path: online_retail.csv.gz\n", ""));
        await lock({ root: workspace, dataDir: dataRoot, today: "2026-11-23", cache: false, warehouse: warehouse() });
        const after = JSON.parse(readFileSync(join(workspace, "segments.lock.json"), "utf8")) as typeof before;
        writeFileSync(join(workspace, "segmentation.yaml"), config);
        expect(after.inputs.transactions).toEqual({ ...before.inputs.transactions, path: undefined });
        expect(after.clusters).toEqual(before.clusters);
      } else {
        // The example measures impact, which rebuilds the features as of the launch day from the rows.
        expect(engine.warehouse?.inWarehouse).toBe(false);
        expect(engine.warehouse?.rowsBecause).toMatch(/^impact rebuilds the features as of each launch day/);
        expect(engine.warehouse?.rowsFetched).toBe(engine.sources.reduce((n, s) => n + s.rowsRead, 0));
        // Every row of every table, and nothing computed there.
        expect(engine.warehouse?.fetched).toEqual(Object.fromEntries(engine.sources.map((s) => [`rows of ${s.table}`, s.rowsRead])));
      }
      writeFileSync(join(workspace, "segments.lock.json"), committed);
    });

    it.skipIf(Boolean(missing))("seg check finds the same findings on both engines", async () => {
      const [local, warehouse] = await both(["check", "--format", "json"]);
      expect(local.code).toBeLessThan(2);
      expect(warehouse.stderr).toBe(local.stderr);
      expect(warehouse.code).toBe(local.code);
      const findings = (run: Run) => (JSON.parse(run.stdout) as { diagnostics: { message: string }[] }).diagnostics;
      expect(findings(local).length).toBeGreaterThan(0);
      // Data findings name where the values came from: the file on DuckDB, the table on PostgreSQL. Nothing else differs.
      const asFile = (message: string) => [...paths].reduce((text, [table, path]) => text.replaceAll(table, path), message);
      expect(findings(warehouse).map((d) => ({ ...d, message: asFile(d.message) }))).toEqual(findings(local));
    });

    it.skipIf(Boolean(missing))("seg export writes every member with the same segments and features, and sends no digest query (it writes no lock)", async () => {
      const local = await on("duckdb", ["export", "--out", join(temp, `${schema}-local.csv`)]);
      const remote = await exportWorkspace({ root: workspace, dataDir: dataRoot, today: "2026-11-23", cache: false, warehouse: warehouse(), out: join(temp, `${schema}-warehouse.csv`), format: "csv" });
      expect(local.code).toBe(0);
      expect(remote.diagnostics).toEqual([]);
      // Per source one row of counts, then one row per member: the checks and the features, no digest.
      expect(remote.warehouse).toEqual({ inWarehouse: true, rowsFetched: remote.rows, fetched: { checks: paths.size, features: remote.rows } });
      const fromFiles = readFileSync(join(temp, `${schema}-local.csv`), "utf8");
      expect(parseCsv(fromFiles).length).toBeGreaterThan(100);
      const fromTables = readFileSync(join(temp, `${schema}-warehouse.csv`), "utf8");
      // The very bytes: sums add in value order, so neither threads nor the order rows arrive in change a digit.
      expect(differingLines(fromTables, fromFiles)).toEqual([]);
    });

    it.skipIf(Boolean(missing) || schema !== "example")("seg diff reports the same change on both engines", async () => {
      const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=Seg Test", "-c", "user.email=test@example.com", ...args], { cwd: workspace, encoding: "utf8" });
      git("init", "--quiet");
      git("add", "-A");
      git("commit", "--quiet", "-m", "base");
      const segment = join(workspace, "segments/lifecycle/power-users.yaml");
      writeFileSync(segment, readFileSync(segment, "utf8").replace("active_days_90d >= 40", "active_days_90d >= 30"));
      const [local, warehouse] = await both(["diff", "--base", "HEAD", "--format", "json"]);
      expect(local.stderr).toBe("");
      expect(warehouse.stderr).toBe("");
      expect(warehouse.code).toBe(local.code);
      const report = (run: Run) => JSON.parse(run.stdout) as { head: { recomputed: boolean }; schemes: { scheme: string; migration: { moved: number } | null }[] };
      // The change moves members between lifecycle segments: the reports compared below are not empty.
      expect(report(local).head.recomputed).toBe(true);
      expect(report(local).schemes.find((x) => x.scheme === "lifecycle")?.migration?.moved).toBeGreaterThan(0);
      expect(warehouse.stdout).toBe(local.stdout);
    });

    it.skipIf(Boolean(missing) || schema !== "retail")("seg explain on a sampled fit brings back the warehouse's sample and the member's row, and says what DuckDB says", async () => {
      const config = readFileSync(join(workspace, "segmentation.yaml"), "utf8");
      // 1,000 of the 4,338 members: the fit reads the sample PostgreSQL draws, by the key DuckDB draws it with.
      writeFileSync(join(workspace, "segmentation.yaml"), config.replace("sample: 50000", "sample: 1000"));
      try {
        const remote = await explain({ root: workspace, dataDir: dataRoot, today: "2026-11-23", cache: false, warehouse: warehouse(), memberId: members[0]! });
        expect(remote.explanation?.cluster?.status).toBe("fitted");
        // The sample's 1,000 rows, and the member's unless it is one of them.
        expect([1000, 1001]).toContain(remote.warehouse?.rowsFetched);
        expect(remote.warehouse).toEqual({
          inWarehouse: true,
          rowsFetched: remote.warehouse?.rowsFetched,
          fetched: { checks: 1, features: remote.warehouse?.rowsFetched },
          asked: { early: false, because: "clustering fits on every member" },
        });
        for (const member of members) {
          const [local, warehouse] = await both(["explain", member, "--format", "json"]);
          expect(local.code).toBe(0);
          expect(warehouse.stdout).toBe(local.stdout);
        }
      } finally {
        writeFileSync(join(workspace, "segmentation.yaml"), config);
      }
    });

    it.skipIf(Boolean(missing)).each(members)("seg explain %s says the same on both engines", async (member) => {
      const [local, warehouse] = await both(["explain", member, "--format", "json"]);
      expect(local.code).toBe(0);
      expect(warehouse.code).toBe(0);
      expect(warehouse.stdout).toBe(local.stdout);
    });
  });
});

interface PlanNode {
  "Relation Name"?: string;
  "Actual Rows": number;
  "Actual Loops": number;
  Plans?: PlanNode[];
}

/** Every table scan of an EXPLAIN (FORMAT JSON) plan. */
function scans(node: PlanNode): PlanNode[] {
  return [...(node["Relation Name"] !== undefined ? [node] : []), ...(node.Plans ?? []).flatMap(scans)];
}

/** The first lines where `actual` differs from `expected`, side by side (the whole files would drown the report). */
function differingLines(actual: string, expected: string): string[] {
  const [a, e] = [actual.split("\n"), expected.split("\n")];
  const lines = Array.from({ length: Math.max(a.length, e.length) }, (_, i) => i).filter((i) => a[i] !== e[i]);
  return lines.slice(0, 5).map((i) => `line ${i + 1}: ${JSON.stringify(a[i])} ≠ ${JSON.stringify(e[i])}`);
}

/** A profiles.yaml for the test server, in a folder of its own outside every workspace. */
function writeProfile(server: PostgresServer): string {
  const dir = mkdtempSync(join(tmpdir(), "seg-profile-"));
  const file = join(dir, "profiles.yaml");
  writeFileSync(file, `default:\n  engine: postgres\n  host: ${JSON.stringify(server.socketDir)}\n  port: ${server.port}\n  user: ${server.user}\n  database: postgres\n`);
  return file;
}
