/**
 * The dbt output: a models folder with seg_features (every step as a CTE),
 * seg_clusters when the lock has a cluster model, one model per scheme, and a
 * sources file declaring the warehouse tables. dbt renders models with Jinja,
 * so every brace in the SQL (which can only come from user text inside quoted
 * names and literals) is written as a Jinja expression that prints it; only
 * Seg's own ref() and source() calls are Jinja.
 */
import { stringify } from "yaml";
import { resolveRefs, renderQuery, type Ref, type RelationName } from "./emit/query.ts";
import type { CompilePlan } from "./plan.ts";
import { compileRelations, type Relation } from "./relations.ts";
import type { SourceTables } from "./source-tables.ts";
import type { Dialect } from "../expr/dialects/dialect.ts";

export interface DbtOptions {
  tables: SourceTables;
  /** Comment lines at the top of each model (no user text). */
  header: readonly string[];
}

export interface OutputFile {
  /** Relative to the output folder, with forward slashes. */
  path: string;
  text: string;
}

const FOLDER = "models/seg";

/** dbt's name for a relation. Scheme ids are kebab-case, so `-` → `_` keeps them distinct. */
export function dbtModelName(relation: RelationName): string {
  return relation.startsWith("scheme:") ? `seg_${relation.slice("scheme:".length).replaceAll("-", "_")}` : `seg_${relation}`;
}

export function renderDbt(plan: CompilePlan, dialect: Dialect, options: DbtOptions): OutputFile[] {
  const groups = sourceGroups(plan.sources.map((s) => s.name), options.tables);
  const resolve = (ref: Ref) => {
    if (ref.kind === "relation") return `{{ ref('${dbtModelName(ref.relation)}') }}`;
    const group = groups.find((g) => g.tables.some((t) => t.source === ref.source))!;
    return `{{ source('${group.name}', '${ref.source}') }}`;
  };
  const relations = compileRelations(plan, dialect);
  const models: Relation[] = [relations.features, ...(relations.clusters ? [relations.clusters] : []), ...relations.schemes];
  const files = models.map((relation) => ({
    path: `${FOLDER}/${dbtModelName(relation.name)}.sql`,
    text: `${[...options.header, relation.summary].map((line) => `-- ${line}`).join("\n")}\n${resolveRefs(escapeJinja(renderQuery(relation.query)), resolve)}\n`,
  }));
  const sources = groups.map((g) => ({
    name: g.name,
    ...(g.database !== undefined ? { database: g.database } : {}),
    schema: g.schema ?? "{{ target.schema }}",
    tables: g.tables.map((t) => ({ name: t.source, identifier: t.identifier })),
  }));
  files.push({ path: `${FOLDER}/seg_sources.yml`, text: `# ${options.header.join("\n# ")}\n${stringify({ version: 2, sources })}` });
  return files;
}

/** Text dbt's Jinja prints unchanged: `{` and `}` become expressions printing them. */
export function escapeJinja(sql: string): string {
  return sql.replace(/[{}]/g, (brace) => `{{ '${brace}' }}`);
}

interface SourceGroup {
  name: string;
  database: string | undefined;
  schema: string | undefined;
  tables: { source: string; identifier: string }[];
}

/** Sources grouped by database and schema: one dbt source each, seg, seg_2, … */
function sourceGroups(sources: readonly string[], tables: SourceTables): SourceGroup[] {
  const groups: SourceGroup[] = [];
  for (const source of sources) {
    const parts = tables[source] ?? [source];
    for (const part of parts) {
      if (/['"\\{}]/.test(part)) throw new RangeError(`the table of source "${source}" (${parts.join(".")}) has a quote, backslash or brace, which dbt's source() cannot take`);
    }
    const identifier = parts[parts.length - 1]!;
    const schema = parts.length >= 2 ? parts[parts.length - 2] : undefined;
    const database = parts.length === 3 ? parts[0] : undefined;
    let group = groups.find((g) => g.schema === schema && g.database === database);
    if (!group) {
      group = { name: groups.length === 0 ? "seg" : `seg_${groups.length + 1}`, database, schema, tables: [] };
      groups.push(group);
    }
    group.tables.push({ source, identifier });
  }
  return groups;
}
