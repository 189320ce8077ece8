/**
 * Memberships (the engine's memberships table): per scheme, each member with its segment. In an
 * exclusive scheme the first matching segment in evaluation order wins; in an
 * overlapping scheme a member is listed once per matching segment. Members in
 * no segment are listed with segment NULL. Columns: scheme, member_id, segment.
 */
import { emitSql } from "../../expr/emit-sql.ts";
import { MEMBER_ID, type SchemePlan, type SegmentCondition } from "../plan.ts";
import type { Dialect } from "../../expr/dialects/dialect.ts";
import { caseSql } from "./case-sql.ts";
import { relationRef, type Cte, type Query } from "./query.ts";

/** One scheme's memberships; step names are prefixed with `prefix`. */
export function schemeQuery(scheme: SchemePlan, dialect: Dialect, prefix = "scheme"): Query {
  const q = dialect.quoteIdent;
  const member = q(MEMBER_ID);
  const label = `${dialect.stringLiteral(scheme.id)} AS ${q("scheme")}`;
  const clustered = scheme.segments.some((s) => s.condition.kind === "cluster");
  const from = `${relationRef("features")} t${clustered ? `\nLEFT JOIN ${relationRef("clusters")} c ON c.${member} = t.${member}` : ""}`;
  const none = `CAST(NULL AS ${dialect.type("string")})`;
  if (scheme.exclusive) {
    const whens = scheme.segments.map((s) => `WHEN ${condition(s.condition, dialect)} THEN ${dialect.stringLiteral(s.id)}`);
    const segment = whens.length > 0 ? caseSql(whens) : none;
    return { ctes: [], select: `SELECT\n  ${label},\n  t.${member},\n  ${segment} AS ${q("segment")}\nFROM ${from}` };
  }
  const flags = `${prefix}_flags`;
  const flag = (i: number) => `in_${i + 1}`;
  const ctes: Cte[] = [{ name: flags, sql: `SELECT\n  t.${member}${scheme.segments.map((s, i) => `,\n  ${condition(s.condition, dialect)} AS ${flag(i)}`).join("")}\nFROM ${from}` }];
  const rows = scheme.segments.map((s, i) => `SELECT ${label}, ${member}, ${dialect.stringLiteral(s.id)} AS ${q("segment")} FROM ${flags} WHERE ${flag(i)}`);
  const unassigned = scheme.segments.length > 0 ? scheme.segments.map((_, i) => `NOT ${flag(i)}`).join(" AND ") : "TRUE";
  rows.push(`SELECT ${label}, ${member}, ${none} AS ${q("segment")} FROM ${flags} WHERE ${unassigned}`);
  // A UNION is kept inside a step: some SQL parsers refuse it as a view's final SELECT after WITH.
  ctes.push({ name: `${prefix}_rows`, sql: rows.join("\nUNION ALL\n") });
  return { ctes, select: `SELECT * FROM ${prefix}_rows` };
}

/** Every scheme's memberships in one relation. */
export function membershipsQuery(schemes: readonly SchemePlan[], dialect: Dialect): Query {
  const q = dialect.quoteIdent;
  if (schemes.length === 0) {
    const text = dialect.type("string");
    return { ctes: [], select: `SELECT CAST(NULL AS ${text}) AS ${q("scheme")}, CAST(NULL AS ${text}) AS ${q(MEMBER_ID)}, CAST(NULL AS ${text}) AS ${q("segment")}\nFROM (SELECT 1 AS one) empty\nWHERE FALSE` };
  }
  const ctes: Cte[] = [];
  const parts = schemes.map((scheme, i) => {
    const name = `scheme_${i + 1}`;
    const query = schemeQuery(scheme, dialect, name);
    ctes.push(...query.ctes, { name, sql: query.select });
    return `SELECT * FROM ${name}`;
  });
  ctes.push({ name: "memberships", sql: parts.join("\nUNION ALL\n") });
  return { ctes, select: "SELECT * FROM memberships" };
}

function condition(c: SegmentCondition, dialect: Dialect): string {
  const q = dialect.quoteIdent;
  switch (c.kind) {
    case "where":
      return `coalesce(${emitSql(c.expression, dialect, (name) => `t.${q(name)}`)}, FALSE)`;
    case "rfm-group":
      return `coalesce(t.${q("rfm_group")} = ${dialect.stringLiteral(c.group)}, FALSE)`;
    case "cluster": {
      const literal = dialect.stringLiteral(c.cluster);
      return `coalesce(c.${q("cluster_name")} = ${literal} OR c.${q("cluster_id")} = ${literal}, FALSE)`;
    }
  }
}
