/**
 * Runs the SQL that `emitSql` writes for DuckDB on a real DuckDB, over a small table full of
 * awkward values (nulls, zeros, negatives, halves, unicode, hostile text), and checks every
 * row against the reference evaluator. If the two ever disagree, one of them is wrong.
 */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Expr, Value, ValueType } from "./ast.ts";
import { checkNames } from "./check-names.ts";
import { duckdb } from "./dialects/duckdb.ts";
import { emitSql } from "./emit-sql.ts";
import { evaluate, type Row } from "./evaluate.ts";
import { MAX_NESTING, MAX_REPEATED_NESTING, MAX_TREE_DEPTH } from "./limits.ts";
import { parseExpression } from "./parser.ts";

const COLUMNS: ReadonlyArray<readonly [string, ValueType, string]> = [
  ["mrr", "number", "DOUBLE"],
  ["seats", "number", "INTEGER"],
  ["plan", "string", "VARCHAR"],
  ["region", "string", "VARCHAR"],
  ["is_churned", "boolean", "BOOLEAN"],
  ['weird "name"', "number", "DOUBLE"],
];

const HOSTILE = "'; drop table m; --";

const ROWS: readonly Row[] = [
  { mrr: 120.5, seats: 10, plan: "growth", region: "emea", is_churned: false, 'weird "name"': 1 },
  { mrr: 0, seats: 0, plan: "free", region: "amer", is_churned: true, 'weird "name"': 0 },
  { mrr: null, seats: 3, plan: null, region: null, is_churned: null, 'weird "name"': null },
  { mrr: -7.5, seats: -2, plan: "enterprise", region: "apac", is_churned: false, 'weird "name"': -1 },
  { mrr: 2.5, seats: 1, plan: "Growth", region: "émea", is_churned: true, 'weird "name"': 0.125 },
  { mrr: -2.5, seats: null, plan: "", region: "😀 zone", is_churned: false, 'weird "name"': 1e21 },
  { mrr: 1e-7, seats: 2147483647, plan: HOSTILE, region: "back\\slash", is_churned: null, 'weird "name"': 5e-324 },
  { mrr: 45, seats: 45, plan: "pro plan", region: "\uff5e", is_churned: true, 'weird "name"': 100 },
  { mrr: 1000000, seats: 7, plan: "enterprise", region: "EMEA", is_churned: false, 'weird "name"': -0.5 },
  { mrr: 0.1, seats: 3, plan: "it's", region: 'say "hi"', is_churned: false, 'weird "name"': 2 },
];

const features = new Map(COLUMNS.map(([name, type]) => [name, { type }]));

const EXPRESSIONS: readonly string[] = [
  "mrr >= 45 and plan in ('growth', 'enterprise')",
  "mrr > 100 or is_churned",
  "not is_churned",
  "is_churned and mrr > 1",
  "is_churned or mrr > 1",
  "mrr / seats > 1",
  "mrr / seats is null",
  "seats / 4 = 0.75",
  "mrr % 2 = 0.5 or mrr % 2 = -1.5",
  "seats % 0 is null",
  "-seats < -1",
  "mrr * 1.1 > 49.5",
  "0.1 + 0.2 = 0.30000000000000004",
  "plan in ('free', null)",
  "plan not in ('free', 'growth')",
  "mrr between -2.5 and 2.5",
  "mrr not between 0 and 100",
  "region is null or plan is not null",
  "plan = 'Growth'",
  "plan < 'growth'",
  "region > 'z'",
  `plan = '''; drop table m; --'`,
  "region = 'back\\slash'",
  `region = 'say "hi"'`,
  `"weird ""name""" >= 1`,
  `"weird ""name""" > 1e20`,
  "round(mrr) = 3 or round(mrr) = -3",
  "round(mrr * 10, -1) = 0",
  `round("weird ""name""", 2) = 0.13`,
  "sqrt(mrr) > 1",
  "sqrt(mrr) is null",
  "ln(mrr) > 0 or log10(mrr) < -1",
  "log1p(seats) is null",
  "greatest(mrr, seats) > 5",
  "least(mrr, seats, 1) < 0",
  "coalesce(plan, 'none') = 'none'",
  "contains(lower(plan), 'pro') or starts_with(upper(plan), 'ENT')",
  "contains(region, '😀')",
  "length(region) = 6 or length(plan) = 0",
  "abs(mrr) = 2.5 or ceil(mrr) = -2 or floor(mrr) = 0",
  "seats * 2 > 4294967294 - 1",
];

/** Numeric expressions, compared with a relative tolerance (libm and V8 may differ by an ulp). */
const NUMERIC: readonly string[] = [
  "mrr / seats",
  "mrr % seats",
  "ln(mrr) + log10(mrr)",
  "log1p(mrr)",
  "sqrt(mrr)",
  "round(mrr / 3, 4)",
  "-mrr * seats + 1.5",
];

let instance: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
  connection = await instance.connect();
  const columns = COLUMNS.map(([name, , sqlType]) => `${duckdb.quoteIdent(name)} ${sqlType}`).join(", ");
  await connection.run(`CREATE TABLE m (id INTEGER, ${columns})`);
  const literal = (value: Value): string =>
    value === null ? "NULL" : typeof value === "number" ? duckdb.numberLiteral(value) : typeof value === "string" ? duckdb.stringLiteral(value) : String(value);
  const values = ROWS.map((row, id) => `(${[id, ...COLUMNS.map(([name]) => literal(row[name] ?? null))].join(", ")})`);
  await connection.run(`INSERT INTO m VALUES ${values.join(", ")}`);
});

afterAll(() => {
  connection?.closeSync();
  instance?.closeSync();
});

function parseChecked(source: string): Expr {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(`parse error in ${source}: ${parsed.error.message}`);
  expect(checkNames(parsed.ast, features)).toEqual([]);
  return parsed.ast;
}

async function runOnDuckDb(ast: Expr): Promise<Value[]> {
  const sql = `SELECT ${emitSql(ast, duckdb, (name) => `m.${duckdb.quoteIdent(name)}`)} AS v FROM m ORDER BY id`;
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS().map((row) => {
    const value = row.v;
    return typeof value === "bigint" ? Number(value) : (value as Value);
  });
}

describe("emitted DuckDB SQL agrees with evaluate", () => {
  it("holds the awkward rows it was given", async () => {
    const reader = await connection.runAndReadAll(`SELECT plan, region FROM m ORDER BY id`);
    expect(reader.getRowObjectsJS().map((row) => [row.plan, row.region])).toEqual(ROWS.map((row) => [row.plan, row.region]));
  });

  it.each(EXPRESSIONS)("%s", async (source) => {
    const ast = parseChecked(source);
    const expected = ROWS.map((row) => evaluate(ast, row));
    expect(await runOnDuckDb(ast)).toEqual(expected);
  });

  it.each(NUMERIC)("%s (numeric)", async (source) => {
    const ast = parseChecked(source);
    const actual = await runOnDuckDb(ast);
    ROWS.forEach((row, i) => {
      const expected = evaluate(ast, row);
      if (expected === null || actual[i] === null) expect(actual[i]).toBe(expected);
      else expect(Math.abs((actual[i] as number) - (expected as number))).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected as number)));
    });
  });

  it("left the table intact after every hostile expression", async () => {
    const reader = await connection.runAndReadAll("SELECT count(*) AS n FROM m");
    expect(Number(reader.getRowObjectsJS()[0]?.n)).toBe(ROWS.length);
  });

  it("runs the largest trees the parser accepts, quickly and within DuckDB's depth limit", async () => {
    const deep = (open: string, inner: string, close: string, times: number) => `${open.repeat(times)}${inner}${close.repeat(times)} > 0`;
    const sources = [
      `mrr${" / 1".repeat(MAX_TREE_DEPTH - 3)} > 0`,
      deep("log1p(", "mrr", ")", MAX_NESTING - 1),
      deep("ln(1 + ", "mrr", ")", MAX_NESTING / 2 - 1),
      deep("1 / (1 + ", "mrr", ")", MAX_REPEATED_NESTING),
      deep("seats % (1 + ", "seats", ")", MAX_REPEATED_NESTING),
      deep("sqrt(", "mrr", ")", MAX_REPEATED_NESTING),
    ];
    for (const source of sources) {
      const ast = parseChecked(source);
      expect(await runOnDuckDb(ast)).toEqual(ROWS.map((row) => evaluate(ast, row)));
    }
  });
});
