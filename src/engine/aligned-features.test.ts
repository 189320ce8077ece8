import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { featuresQuery } from "../compile/emit/features-query.ts";
import { quintileBinSql } from "../compile/emit/rfm-sql.ts";
import { renderQuery } from "../compile/emit/query.ts";
import { featuresPlan } from "../compile/plan.ts";
import { duckdb } from "../expr/dialects/duckdb.ts";
import { configSchema, type Config } from "../schema/config.ts";
import { binFirsts, fewestBelow } from "./aligned-features.ts";
import { buildFeatureTable } from "./build-feature-table.ts";
import { checkMemberKeys } from "./check-member-keys.ts";
import { openDatabase, type Database } from "./duckdb.ts";
import { FEATURES, MEMBERS, sourceTable } from "./sql-names.ts";

const AS_OF = "2026-11-01";

let db: Database;
beforeAll(async () => {
  db = await openDatabase({ threads: 2 });
});
afterAll(() => db.close());

const goals = { focus: "internal", objective: "account-attack", statement: "s", stakeholders: [{ name: "A", role: "B" }], scope: { unit: "account" }, deliverables: ["d"] };
const accountsSource = { path: "a.csv", kind: "accounts", key: "account_id", columns: { account_id: { type: "string" }, employees: { type: "integer" }, score: { type: "number" } } };
const invoicesSource = {
  path: "i.csv",
  kind: "transactions",
  key: "invoice_id",
  customer: "account_id",
  timestamp: "ts",
  amount: "amount",
  columns: { invoice_id: { type: "string" }, account_id: { type: "string" }, ts: { type: "timestamp" }, amount: { type: "number" } },
};
const ticketsSource = { path: "t.csv", kind: "transactions", key: "ticket_id", customer: "account_id", timestamp: "ts", columns: { ticket_id: { type: "string" }, account_id: { type: "string" }, ts: { type: "timestamp" } } };

function config(options: { accounts?: boolean; measure?: string; features?: Record<string, unknown>; tiers?: { high: number; low: number } }): Config {
  return configSchema.parse({
    name: "t",
    as_of: AS_OF,
    goals,
    sources: { ...(options.accounts === false ? {} : { accounts: accountsSource }), invoices: invoicesSource, tickets: ticketsSource },
    features: options.features ?? {},
    rfm: { source: "invoices", order: "invoice_id", groups: { best: "r_score >= 4 and m_score >= 4", rest: "r_score >= 1" } },
    value_tiers: { measure: options.measure ?? "monetary", ...(options.tiers ?? {}) },
    schemes: { s: { label: "S" } },
  });
}

/** Typed sources as the load leaves them; amounts are multiples of 1/4 so any order of summing gives the same sums. */
async function sources(accounts: string[], invoices: [string | null, string, string, number | null][]): Promise<void> {
  const rows = (values: string[]) => (values.length > 0 ? values.join(", ") : "(NULL, NULL, NULL, NULL)");
  await db.run(`CREATE OR REPLACE TABLE ${sourceTable("accounts")} AS SELECT CAST(account_id AS VARCHAR) AS account_id, CAST(employees AS BIGINT) AS employees, CAST(score AS DOUBLE) AS score FROM (VALUES ${accounts.join(", ")}) v(account_id, employees, score)`);
  await db.run(
    `CREATE OR REPLACE TABLE ${sourceTable("invoices")} AS SELECT invoice_id, account_id, CAST(ts AS TIMESTAMP) AS ts, CAST(amount AS DOUBLE) AS amount FROM (VALUES ${rows(invoices.map(([a, id, ts, amount]) => `(${a === null ? "NULL" : `'${a}'`}, '${id}', '${ts}', ${amount ?? "NULL"})`))}) v(account_id, invoice_id, ts, amount) WHERE invoice_id IS NOT NULL`,
  );
  await db.run(`CREATE OR REPLACE TABLE ${sourceTable("tickets")} AS SELECT * FROM (VALUES ('t1', 'a', TIMESTAMP '2026-10-20 00:00:00'), ('t2', 'a', TIMESTAMP '2026-01-01 00:00:00'), ('t3', 'é', TIMESTAMP '2026-10-30 00:00:00'), ('t4', 'x', TIMESTAMP '2026-10-30 00:00:00')) v(ticket_id, account_id, ts)`);
}

/** The features table both ways: aligned (the engine's) and the features query's joins and windows, ordered by member id. */
async function bothWays(cfg: Config): Promise<{ aligned: Record<string, unknown>[]; reference: Record<string, unknown>[]; differences: number; types: [string, string] }> {
  await buildFeatureTable(db, cfg, AS_OF, undefined, undefined, { unique: ["accounts", "invoices"], complete: ["accounts", "invoices"] });
  await db.run(`CREATE OR REPLACE TABLE aligned_out AS SELECT * FROM ${FEATURES}`);
  await db.run(`CREATE OR REPLACE TABLE reference AS ${renderQuery(featuresQuery(featuresPlan(cfg, AS_OF), duckdb, { source: sourceTable, members: MEMBERS }))}\nORDER BY member_id`);
  const [diff] = await db.all(`SELECT count(*) AS n FROM (SELECT f AS x FROM aligned_out f) POSITIONAL JOIN (SELECT g AS y FROM reference g) WHERE x IS DISTINCT FROM y`);
  const types = async (table: string) => (await db.all(`SELECT string_agg(column_name || ' ' || column_type, ', ') AS t FROM (DESCRIBE ${table})`))[0]?.t as string;
  return {
    aligned: await db.all("SELECT * FROM aligned_out"),
    reference: await db.all("SELECT * FROM reference"),
    differences: Number(diff?.n),
    types: [await types("aligned_out"), await types("reference")],
  };
}

const ACCOUNTS = ["(NULL, 9, '4.0')", "('a', 5, '1.5')", "('B', NULL, NULL)", "('b', 50, '-0.0')", "('é', 7, 'nan')", "('a2', 7, '1.5')", "('z', 1000, '0.0')", "('m', 3, NULL)", "('q', 1, '2.0')"];
// Ties in every RFM value, a NULL amount, a customer who is not a member (x), rows after as_of, members without invoices (m, q).
const INVOICES: [string | null, string, string, number | null][] = [
  ["a", "i1", "2026-10-01 10:00:00", 10.5],
  ["a", "i2", "2026-10-30 12:00:00", null],
  ["B", "i3", "2026-10-30 09:00:00", 10.5],
  ["B", "i4", "2026-09-01 00:00:00", 1.25],
  ["b", "i5", "2026-10-30 18:00:00", 11.75],
  ["é", "i6", "2026-10-01 00:00:00", 0],
  ["é", "i7", "2026-11-02 00:00:00", 99],
  ["a2", "i8", "2026-08-01 00:00:00", 11.75],
  ["z", "i9", "2026-10-30 00:00:00", -3.5],
  ["x", "i10", "2026-10-30 00:00:00", 5],
  [null, "i11", "2026-10-30 00:00:00", 5],
];
const FEATURES_USED = {
  tickets_30d: { source: "tickets", aggregate: "count", window_days: 30 },
  avg_invoice: { source: "invoices", aggregate: "avg", column: "amount" },
  spend_per_order: { label: "Spend per order", expression: "monetary / frequency" },
  size: { source: "accounts", column: "employees", buckets: [{ label: "small", below: 10 }, { label: "big" }] },
};

describe("aligned features", () => {
  it.each([
    ["monetary (ties, zeros of members without invoices)", "monetary"],
    ["a computed measure with nulls", "spend_per_order"],
    ["an accounts column with nulls, -0.0 and NaN", "score"],
    ["an integer accounts column", "employees"],
  ])("equal the features query's table, column types and member order included: tier by %s", async (_, measure) => {
    await sources(ACCOUNTS, INVOICES);
    const { aligned, reference, differences, types } = await bothWays(config({ measure, features: FEATURES_USED }));
    expect(differences).toBe(0);
    expect(types[0]).toBe(types[1]);
    expect(aligned).toEqual(reference);
    expect(aligned.map((r) => r.member_id)).toEqual(["B", "a", "a2", "b", "m", "q", "z", "é"]);
    // The scores rank ties by member id (byte order): B, a2 and b spent 11.75 each, the most.
    expect(["z", "é", "a", "B", "a2", "b", "m", "q"].map((id) => aligned.find((r) => r.member_id === id)?.m_score)).toEqual([1, 1, 2, 3, 4, 5, null, null]);
  });

  it.each([
    ["one member", ["('a', 5, 1.5)"]],
    ["two members", ["('a', 5, 1.5)", "('b', 6, 1.5)"]],
    ["members none of whom bought", ["('m', 5, 1.5)", "('n', 6, 2.5)", "('o', 6, 2.5)"]],
  ])("equal the features query's table with %s", async (_, accounts) => {
    await sources(accounts, INVOICES);
    for (const measure of ["monetary", "score"]) {
      const { aligned, reference, differences, types } = await bothWays(config({ measure, tiers: { high: 0.6, low: 0.4 } }));
      expect(differences).toBe(0);
      expect(types[0]).toBe(types[1]);
      expect(aligned).toEqual(reference);
      expect(aligned).toHaveLength(accounts.length);
    }
  });

  it("equal the features query's table when the members are RFM's customers (no accounts source)", async () => {
    await sources(ACCOUNTS, INVOICES);
    const { aligned, reference, differences, types } = await bothWays(config({ accounts: false, features: { tickets_30d: FEATURES_USED.tickets_30d } }));
    expect(differences).toBe(0);
    expect(types[0]).toBe(types[1]);
    expect(aligned).toEqual(reference);
    expect(aligned.map((r) => r.member_id)).toEqual(["B", "a", "a2", "b", "x", "z", "é"]);
  });

  it("stops rather than put one member's values on another's row", async () => {
    await sources(ACCOUNTS, INVOICES);
    await buildFeatureTable(db, config({}), AS_OF, undefined, undefined, { unique: ["accounts", "invoices"], complete: ["accounts", "invoices"] });
    const plan = { ...featuresPlan(config({}), AS_OF), features: [], computed: [], rfm: undefined, valueTier: undefined };
    const read = (order: string) => db.run(`CREATE OR REPLACE TEMP TABLE accounts_in_order AS SELECT * FROM ${sourceTable("accounts")} WHERE account_id IS NOT NULL ORDER BY account_id ${order}`);
    const features = () => db.all(renderQuery(featuresQuery(plan, duckdb, { source: sourceTable, members: MEMBERS, aligned: { accounts: "accounts_in_order", groups: new Map() } })));
    await read("ASC");
    expect((await features()).map((r) => r.member_id)).toEqual(["B", "a", "a2", "b", "m", "q", "z", "é"]);
    await read("DESC");
    await expect(features()).rejects.toThrow(/out of step with the members/);
    await db.run("DROP TABLE accounts_in_order");
  });

  it("leaves no table of its own behind", async () => {
    await sources(ACCOUNTS, INVOICES);
    await buildFeatureTable(db, config({ features: FEATURES_USED }), AS_OF, undefined, undefined, { unique: ["accounts", "invoices"], complete: ["accounts", "invoices"] });
    const tables = (await db.all("SELECT table_name AS t FROM duckdb_tables() ORDER BY 1")).map((r) => r.t);
    expect(tables).toEqual(["aligned_out", "features", "members", "reference", "source_accounts", "source_invoices", "source_tickets"]);
  });
});

describe("binFirsts", () => {
  it("is the first rank whose score, as DuckDB computes quintileBinSql, reaches each of 2-5 (scores skipped included)", async () => {
    for (const n of [...Array.from({ length: 40 }, (_, i) => i), 97, 1000, 999_904]) {
      const scores = `SELECT r, ${quintileBinSql("r", "r", String(n), false, duckdb)} AS score FROM range(${n}) t(r)`;
      const rows = await db.all(`SELECT b AS bin, min(r) AS first FROM range(2, 6) s(b), (${scores}) WHERE score >= b GROUP BY b ORDER BY b`);
      expect([...binFirsts(n).entries()], `n = ${n}`).toEqual(rows.map((r) => [Number(r.bin), Number(r.first)]));
    }
  });
});

describe("fewestBelow", () => {
  it("is the first count below whose percentile, as percent_rank divides it, reaches the share", () => {
    for (let n = 0; n <= 60; n++) {
      for (const share of [0.05, 0.1, 0.2, 0.3, 1 / 3, 0.5, 0.7, 0.8, 0.9, 0.95]) {
        const percentile = (c: number) => (n > 1 ? c / (n - 1) : 0);
        const expected = Array.from({ length: n }, (_, c) => c).find((c) => percentile(c) >= share);
        expect(fewestBelow(share, n)).toBe(expected);
      }
    }
  });
});

describe("RFM's frequency", () => {
  const frequencies = async (keys: { unique: string[]; complete: string[] }) => {
    await buildFeatureTable(db, config({}), AS_OF, undefined, undefined, keys);
    return db.all(`SELECT member_id, frequency FROM ${FEATURES} ORDER BY member_id`);
  };

  it("counts rows instead of ids when no invoice lacks one, with the same result", async () => {
    await sources(ACCOUNTS, INVOICES);
    const rows = await frequencies({ unique: ["accounts", "invoices"], complete: ["accounts", "invoices"] });
    expect(rows).toEqual(await frequencies({ unique: ["accounts", "invoices"], complete: ["accounts"] }));
    expect(rows).toEqual(await frequencies({ unique: [], complete: [] }));
    expect(rows.find((r) => r.member_id === "a")?.frequency).toBe(2);
  });

  it("counts ids when a row lacks one, as the key check reports it", async () => {
    await sources(ACCOUNTS, INVOICES);
    await db.run(`INSERT INTO ${sourceTable("invoices")} VALUES (NULL, 'a', TIMESTAMP '2026-10-02 00:00:00', 1.0)`);
    const checked = await checkMemberKeys(db, { name: "invoices", source: config({}).sources.invoices!, table: sourceTable("invoices"), orderColumn: "invoice_id" });
    expect(checked).toMatchObject({ keysUnique: true, keysComplete: false });
    const rows = await frequencies({ unique: ["accounts", ...(checked.keysUnique ? ["invoices"] : [])], complete: ["accounts", ...(checked.keysComplete ? ["invoices"] : [])] });
    // The row without an id is no order: a still has two.
    expect(rows.find((r) => r.member_id === "a")?.frequency).toBe(2);
  });
});
