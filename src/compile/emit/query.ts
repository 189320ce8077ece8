/**
 * A query as named steps (common table expressions) and a final SELECT, and
 * references to tables that only the output format can name: the warehouse
 * tables of the sources (`--source`) and the relations Seg creates (views or
 * dbt models). References are written as markers that cannot occur in SQL built
 * from user text (the dialects refuse NUL in names and literals) and are
 * replaced when the output is rendered.
 */

export interface Cte {
  /** An internal name: lowercase letters, digits and underscores, written bare. */
  name: string;
  sql: string;
}

export interface Query {
  ctes: Cte[];
  select: string;
}

/** The relations Seg creates. */
export type RelationName = "features" | "clusters" | "memberships" | `scheme:${string}`;

export type Ref = { kind: "input"; source: string } | { kind: "relation"; relation: RelationName };

const MARK = "\u0000";

export function inputRef(source: string): string {
  return `${MARK}input:${source}${MARK}`;
}

export function relationRef(relation: RelationName): string {
  return `${MARK}relation:${relation}${MARK}`;
}

/** `sql` with every marker replaced by what `resolve` writes for it. */
export function resolveRefs(sql: string, resolve: (ref: Ref) => string): string {
  return sql.replace(/\u0000(input|relation):([^\u0000]+)\u0000/g, (_, kind: string, name: string) =>
    resolve(kind === "input" ? { kind: "input", source: name } : { kind: "relation", relation: name as RelationName }),
  );
}

export function renderQuery(query: Query): string {
  if (query.ctes.length === 0) return query.select;
  const steps = query.ctes.map((cte) => `${cte.name} AS (\n${indent(cte.sql)}\n)`);
  return `WITH\n${steps.join(",\n")}\n${query.select}`;
}

export function indent(sql: string, by = "  "): string {
  return sql
    .split("\n")
    .map((line) => (line === "" ? line : by + line))
    .join("\n");
}
