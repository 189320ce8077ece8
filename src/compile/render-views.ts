/**
 * The SQL targets' output: one script of CREATE OR REPLACE VIEW statements,
 * seg_features, seg_clusters (with a cluster model) and seg_memberships, in
 * dependency order, optionally inside a schema (BigQuery needs the dataset).
 */
import { resolveRefs, renderQuery, type RelationName } from "./emit/query.ts";
import type { CompilePlan } from "./plan.ts";
import { compileRelations, type Relation } from "./relations.ts";
import type { SourceTables } from "./source-tables.ts";
import type { Dialect } from "../expr/dialects/dialect.ts";

export interface ViewsOptions {
  /** Parts of the schema the views are created in (default: the session's). */
  schema?: readonly string[];
  /** Table of each source (see source-tables.ts). */
  tables: SourceTables;
  /** First lines of the script, as comment text without user text. */
  header: readonly string[];
}

export interface RenderedViews {
  /** One statement per view, without the terminating semicolon. */
  statements: string[];
  text: string;
}

export const VIEW_NAMES: Readonly<Record<"features" | "clusters" | "memberships", string>> = { features: "seg_features", clusters: "seg_clusters", memberships: "seg_memberships" };

export function renderViews(plan: CompilePlan, dialect: Dialect, options: ViewsOptions): RenderedViews {
  const q = dialect.quoteIdent;
  const qualified = (parts: readonly string[]) => parts.map(q).join(".");
  const viewName = (relation: RelationName) => {
    const name = VIEW_NAMES[relation as keyof typeof VIEW_NAMES];
    if (!name) throw new Error(`no view for relation ${relation}`);
    return qualified([...(options.schema ?? []), name]);
  };
  const relations = compileRelations(plan, dialect);
  const views: Relation[] = [relations.features, ...(relations.clusters ? [relations.clusters] : []), relations.memberships];
  const statements = views.map((relation) => {
    const body = resolveRefs(renderQuery(relation.query), (ref) => (ref.kind === "input" ? qualified(options.tables[ref.source] ?? [ref.source]) : viewName(ref.relation)));
    return `-- ${relation.summary}\nCREATE OR REPLACE VIEW ${viewName(relation.name)} AS\n${body}`;
  });
  const header = options.header.map((line) => `-- ${line}`).join("\n");
  return { statements, text: `${header}\n\n${statements.join(";\n\n")};\n` };
}
