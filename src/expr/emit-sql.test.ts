import { describe, expect, it } from "vitest";
import type { Expr } from "./ast.ts";
import type { Dialect, DialectName } from "./dialects/dialect.ts";
import { dialects } from "./dialects/index.ts";
import { emitSql } from "./emit-sql.ts";
import { parseExpression } from "./parser.ts";

function parse(source: string): Expr {
  const result = parseExpression(source);
  if (!result.ok) throw new Error(`unexpected parse error: ${result.error.message}`);
  return result.ast;
}

/** Columns qualified with a table alias, the way callers are expected to use the callback. */
const sql = (source: string, dialect: Dialect) => emitSql(parse(source), dialect, (name) => `m.${dialect.quoteIdent(name)}`);

const GOLDEN: ReadonlyArray<{ source: string } & Record<DialectName, string>> = [
  {
    source: "active_days_90d >= 45 and plan in ('growth', 'enterprise')",
    duckdb: `((m."active_days_90d" >= 45) AND (m."plan" IN ('growth', 'enterprise')))`,
    postgres: `((m."active_days_90d" >= 45) AND (m."plan" IN ('growth', 'enterprise')))`,
    bigquery: "((m.`active_days_90d` >= 45) AND (m.`plan` IN ('growth', 'enterprise')))",
    snowflake: `((m."active_days_90d" >= 45) AND (m."plan" IN ('growth', 'enterprise')))`,
  },
  {
    source: "mrr / seats > 1.5 or not is_churned",
    duckdb: `(((CAST(m."mrr" AS DOUBLE) / NULLIF(m."seats", 0)) > CAST(1.5 AS DOUBLE)) OR (NOT m."is_churned"))`,
    postgres: `(((CAST(m."mrr" AS double precision) / NULLIF(m."seats", 0)) > CAST(1.5 AS double precision)) OR (NOT m."is_churned"))`,
    bigquery: "(((CAST(m.`mrr` AS FLOAT64) / NULLIF(m.`seats`, 0)) > CAST(1.5 AS FLOAT64)) OR (NOT m.`is_churned`))",
    snowflake: `(((CAST(m."mrr" AS FLOAT) / NULLIF(m."seats", 0)) > CAST(1.5 AS FLOAT)) OR (NOT m."is_churned"))`,
  },
  {
    source: "mrr % 7 != -1",
    duckdb: `((m."mrr" % NULLIF(7, 0)) <> (- 1))`,
    postgres: `(CAST(MOD(CAST(m."mrr" AS numeric), NULLIF(CAST(7 AS numeric), 0)) AS double precision) <> (- 1))`,
    bigquery: "(CAST(MOD(CAST(m.`mrr` AS BIGNUMERIC), NULLIF(CAST(7 AS BIGNUMERIC), 0)) AS FLOAT64) <> (- 1))",
    snowflake: `(MOD(m."mrr", NULLIF(7, 0)) <> (- 1))`,
  },
  {
    source: "x not between -2.5 and 1e21 and y is not null",
    duckdb: `((m."x" NOT BETWEEN (- CAST(2.5 AS DOUBLE)) AND CAST('1e+21' AS DOUBLE)) AND (m."y" IS NOT NULL))`,
    postgres: `((m."x" NOT BETWEEN (- CAST(2.5 AS double precision)) AND CAST('1e+21' AS double precision)) AND (m."y" IS NOT NULL))`,
    bigquery: "((m.`x` NOT BETWEEN (- CAST(2.5 AS FLOAT64)) AND CAST('1e+21' AS FLOAT64)) AND (m.`y` IS NOT NULL))",
    snowflake: `((m."x" NOT BETWEEN (- CAST(2.5 AS FLOAT)) AND CAST('1e+21' AS FLOAT)) AND (m."y" IS NOT NULL))`,
  },
  {
    source: "round(mrr, 2) > 3 and round(mrr) < 5",
    duckdb: `((ROUND(m."mrr", 2) > 3) AND (ROUND(m."mrr") < 5))`,
    postgres: `((CAST(ROUND(CAST(m."mrr" AS numeric), 2) AS double precision) > 3) AND (CAST(ROUND(CAST(m."mrr" AS numeric)) AS double precision) < 5))`,
    bigquery: "((ROUND(m.`mrr`, 2) > 3) AND (ROUND(m.`mrr`) < 5))",
    snowflake: `((ROUND(m."mrr", 2) > 3) AND (ROUND(m."mrr") < 5))`,
  },
  {
    source: "sqrt(x) + ln(x) + log10(x) + log1p(x) > 0",
    duckdb: `((((CAST(TRY(SQRT(m."x")) AS DOUBLE) + TRY(LN(m."x"))) + TRY(LOG10(m."x"))) + TRY(LN(1.0 + m."x"))) > 0)`,
    postgres: `((((CAST(SQRT(CASE WHEN m."x" >= 0 THEN m."x" END) AS double precision) + LN(NULLIF(GREATEST(m."x", 0), 0))) + LOG10(NULLIF(GREATEST(m."x", 0), 0))) + LN(1.0 + NULLIF(GREATEST(m."x", -1), -1))) > 0)`,
    bigquery: "((((CAST(SAFE.SQRT(m.`x`) AS FLOAT64) + SAFE.LN(m.`x`)) + SAFE.LOG10(m.`x`)) + SAFE.LN(1.0 + m.`x`)) > 0)",
    snowflake: `((((CAST(SQRT(CASE WHEN m."x" >= 0 THEN m."x" END) AS FLOAT) + LN(NULLIF(GREATEST(m."x", 0), 0))) + LOG(10, NULLIF(GREATEST(m."x", 0), 0))) + LN(1.0 + NULLIF(GREATEST(m."x", -1), -1))) > 0)`,
  },
  {
    source: "greatest(a, b, 0) > least(a, b) and coalesce(a, 0) != abs(b)",
    duckdb: `((GREATEST(m."a", m."b", 0) > LEAST(m."a", m."b")) AND (COALESCE(m."a", 0) <> ABS(m."b")))`,
    postgres: `((GREATEST(m."a", m."b", 0) > LEAST(m."a", m."b")) AND (COALESCE(m."a", 0) <> ABS(m."b")))`,
    bigquery: "(((SELECT MAX(seg_arg) FROM UNNEST([m.`a`, m.`b`, 0]) AS seg_arg) > (SELECT MIN(seg_arg) FROM UNNEST([m.`a`, m.`b`]) AS seg_arg)) AND (COALESCE(m.`a`, 0) <> ABS(m.`b`)))",
    snowflake: `((GREATEST_IGNORE_NULLS(m."a", m."b", 0) > LEAST_IGNORE_NULLS(m."a", m."b")) AND (COALESCE(m."a", 0) <> ABS(m."b")))`,
  },
  {
    source: "contains(lower(plan), 'pro') or starts_with(upper(plan), 'E') or length(plan) <= ceil(floor(x))",
    duckdb: `((CONTAINS(LOWER(m."plan"), 'pro') OR STARTS_WITH(UPPER(m."plan"), 'E')) OR (LENGTH(m."plan") <= CEIL(FLOOR(m."x"))))`,
    postgres: `(((STRPOS(LOWER(m."plan"), 'pro') > 0) OR STARTS_WITH(UPPER(m."plan"), 'E')) OR (LENGTH(m."plan") <= CEIL(FLOOR(m."x"))))`,
    bigquery: "(((STRPOS(LOWER(m.`plan`), 'pro') > 0) OR STARTS_WITH(UPPER(m.`plan`), 'E')) OR (LENGTH(m.`plan`) <= CEIL(FLOOR(m.`x`))))",
    snowflake: `((CONTAINS(LOWER(m."plan"), 'pro') OR STARTSWITH(UPPER(m."plan"), 'E')) OR (LENGTH(m."plan") <= CEIL(FLOOR(m."x"))))`,
  },
  {
    source: "a - -b * 2 + -1.5 > -c",
    duckdb: `(((CAST(m."a" AS DOUBLE) - ((- CAST(m."b" AS DOUBLE)) * 2)) + (- CAST(1.5 AS DOUBLE))) > (- CAST(m."c" AS DOUBLE)))`,
    postgres: `(((CAST(m."a" AS double precision) - ((- CAST(m."b" AS double precision)) * 2)) + (- CAST(1.5 AS double precision))) > (- CAST(m."c" AS double precision)))`,
    bigquery: "(((CAST(m.`a` AS FLOAT64) - ((- CAST(m.`b` AS FLOAT64)) * 2)) + (- CAST(1.5 AS FLOAT64))) > (- CAST(m.`c` AS FLOAT64)))",
    snowflake: `(((CAST(m."a" AS FLOAT) - ((- CAST(m."b" AS FLOAT)) * 2)) + (- CAST(1.5 AS FLOAT))) > (- CAST(m."c" AS FLOAT)))`,
  },
  {
    source: "flag = true and other != false and x in (1, null)",
    duckdb: `(((m."flag" = TRUE) AND (m."other" <> FALSE)) AND (m."x" IN (1, NULL)))`,
    postgres: `(((m."flag" = TRUE) AND (m."other" <> FALSE)) AND (m."x" IN (1, NULL)))`,
    bigquery: "(((m.`flag` = TRUE) AND (m.`other` <> FALSE)) AND (m.`x` IN (1, NULL)))",
    snowflake: `(((m."flag" = TRUE) AND (m."other" <> FALSE)) AND (m."x" IN (1, NULL)))`,
  },
  {
    // Hostile: a name and text that try to close their quotes and append SQL.
    source: `"a""; drop table x; --" = 'b''; drop table y; --\\'`,
    duckdb: `(m."a""; drop table x; --" = 'b''; drop table y; --\\')`,
    postgres: `(m."a""; drop table x; --" = E'b''; drop table y; --\\\\')`,
    bigquery: "(m.`a\"; drop table x; --` = 'b\\'; drop table y; --\\\\')",
    snowflake: `(m."a""; drop table x; --" = 'b''; drop table y; --\\\\')`,
  },
  {
    // Hostile: backticks, backslashes, newlines and non-ASCII text.
    source: "\"`x`\\\" = 'é😀\n\\`'",
    duckdb: "(m.\"`x`\\\" = 'é😀\n\\`')",
    postgres: "(m.\"`x`\\\" = E'é😀\n\\\\`')",
    bigquery: "(m.`\\`x\\`\\\\` = 'é😀\\u000a\\\\`')",
    snowflake: "(m.\"`x`\\\" = 'é😀\n\\\\`')",
  },
];

describe("emitSql", () => {
  describe.each(GOLDEN)("$source", (golden) => {
    it.each(Object.keys(dialects) as DialectName[])("in %s", (name) => {
      expect(sql(golden.source, dialects[name])).toBe(golden[name]);
    });
  });

  it("asks the column callback for every name, and uses what it returns as is", () => {
    const seen: string[] = [];
    const out = emitSql(parse("a > b and a < 'c'"), dialects.duckdb, (name) => {
      seen.push(name);
      return `<${name}>`;
    });
    expect(out).toBe("((<a> > <b>) AND (<a> < 'c'))");
    expect(seen).toEqual(["a", "b", "a"]);
  });

  it("never lets a unary minus and a negative number form '--'", () => {
    for (const dialect of Object.values(dialects)) {
      expect(sql("a - -5 = - -a", dialect)).not.toContain("--");
      const hand: Expr = { kind: "unary", operator: "-", operand: { kind: "number", value: -5, loc: { start: 0, end: 0 } }, loc: { start: 0, end: 0 } };
      expect(emitSql(hand, dialect, (name) => name)).toBe("(- (-5))");
    }
  });

  it("throws on calls the checker would have rejected", () => {
    expect(() => sql("exp(x) > 1", dialects.duckdb)).toThrow(/unchecked call to exp\(\)/);
    expect(() => sql("round(x, 1, 2) > 1", dialects.duckdb)).toThrow(/unchecked call to round\(\)/);
  });
});
