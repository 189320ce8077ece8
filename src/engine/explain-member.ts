/**
 * Why a member is where it is: for every scheme, each segment in evaluation
 * order with its definition broken into clauses and the truth of each clause on
 * the member's feature values. The assignment itself is read from the SQL
 * result, and the clause-by-clause evaluation (same three-valued semantics) is
 * checked against it.
 */
import type { Expr, Value } from "../expr/ast.ts";
import { evaluate } from "../expr/evaluate.ts";
import { formatExpression } from "../expr/format.ts";
import { referencedNames } from "../expr/referenced-names.ts";
import { sourceData } from "../schema/source.ts";
import type { Workspace } from "../workspace/workspace.ts";
import type { Database, Row } from "./duckdb.ts";
import { MEMBERSHIPS } from "./membership.ts";
import { schemeSegments } from "../workspace/scheme-segments.ts";
import { population } from "./population.ts";
import { FEATURES, lit, MEMBER_ID, q } from "./sql-names.ts";

export interface Clause {
  text: string;
  /** For composite clauses: how the children combine. */
  operator?: "and" | "or" | "not";
  value: Value;
  /** Feature values the clause reads (leaves only). */
  inputs?: Record<string, Value>;
  children?: Clause[];
}

export interface SegmentExplanation {
  id: string;
  name: string;
  matched: boolean;
  /** The clause tree of a where definition; absent for cluster and RFM-group definitions. */
  clause?: Clause;
  /** For other definitions: the feature they test and its value. */
  note?: string;
}

export interface SchemeExplanation {
  scheme: string;
  exclusive: boolean;
  /** Segments the member is in, from the SQL assignment. */
  assigned: string[];
  segments: SegmentExplanation[];
}

export interface ClusterExplanation {
  /** fitted: k-means was fitted on the member (or on a sample it resembles); outlier: outside the Tukey
   * fences of two or more transformed features, set aside from fitting and assigned to its nearest
   * cluster; missing: a clustering feature has no value, so no cluster. */
  status: "fitted" | "outlier" | "missing";
  id: string | null;
  name: string | null;
}

export interface Explanation {
  memberId: string;
  /** When members are keyed by their row in the file (a row_number: true key column): where that row is. */
  position?: { source: string; path: string; row: number; key: string };
  features: Row;
  schemes: SchemeExplanation[];
  /** How clustering treated the member; absent without clustering. */
  cluster?: ClusterExplanation;
}

export async function explainMember(db: Database, workspace: Workspace, expressions: ReadonlyMap<string, Expr>, memberId: string): Promise<Explanation | undefined> {
  const [row] = await db.all(`SELECT * FROM ${FEATURES} WHERE CAST(${q(MEMBER_ID)} AS VARCHAR) = ${lit(memberId)}`);
  if (!row) return undefined;
  const memberships = await db.all(`SELECT scheme, segment FROM ${MEMBERSHIPS} WHERE CAST(${q(MEMBER_ID)} AS VARCHAR) = ${lit(memberId)} AND segment IS NOT NULL ORDER BY scheme, segment`);
  const config = workspace.config!.value;
  const schemes = Object.entries(config.schemes).map(([scheme, settings]) => ({
    scheme,
    exclusive: settings.exclusive,
    assigned: memberships.filter((m) => m.scheme === scheme).map((m) => String(m.segment)),
    segments: schemeSegments(workspace.segments, scheme).map((segment) => {
      const definition = segment.value.definition;
      const ast = expressions.get(segment.file.path);
      if ("where" in definition && ast) {
        const clause = explainClause(ast, row);
        return { id: segment.value.id, name: segment.value.name, matched: clause.value === true, clause };
      }
      if ("rfm_group" in definition) {
        return { id: segment.value.id, name: segment.value.name, matched: row.rfm_group === definition.rfm_group, note: `rfm_group is ${String(row.rfm_group)}` };
      }
      const cluster = "cluster" in definition ? definition.cluster : "";
      const matched = row.cluster_name === cluster || String(row.cluster_id) === cluster;
      return { id: segment.value.id, name: segment.value.name, matched, note: `cluster is ${String(row.cluster_name ?? row.cluster_id)}` };
    }),
  }));
  const accounts = population(config).accounts;
  const key = accounts ? config.sources[accounts]!.key : undefined;
  const position = accounts && key && config.sources[accounts]!.columns[key]?.row_number ? { source: accounts, path: sourceData(config.sources[accounts]!), row: Number(row[MEMBER_ID]), key } : undefined;
  const explanation: Explanation = { memberId: String(row[MEMBER_ID]), ...(position ? { position } : {}), features: row, schemes };
  if (config.clustering && typeof row.cluster_status === "string") {
    explanation.cluster = { status: row.cluster_status as ClusterExplanation["status"], id: row.cluster_id === null ? null : String(row.cluster_id), name: row.cluster_name === null ? null : String(row.cluster_name) };
  }
  return explanation;
}

function explainClause(ast: Expr, row: Row): Clause {
  const value = evaluate(ast, row as Record<string, Value>);
  if (ast.kind === "binary" && (ast.operator === "and" || ast.operator === "or")) {
    return { text: formatExpression(ast), operator: ast.operator, value, children: [explainClause(ast.left, row), explainClause(ast.right, row)] };
  }
  if (ast.kind === "unary" && ast.operator === "not") return { text: formatExpression(ast), operator: "not", value, children: [explainClause(ast.operand, row)] };
  const inputs: Record<string, Value> = {};
  for (const name of referencedNames(ast)) inputs[name] = (row[name] ?? null) as Value;
  return { text: formatExpression(ast), value, inputs };
}
