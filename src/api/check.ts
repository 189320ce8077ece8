/**
 * `seg check` as a library call: read and validate the workspace, resolve its
 * references, check its expressions, recompute prioritization and run the
 * rules. Options in, result out; nothing is printed and nothing exits.
 */
import { compareDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { checkWeights, prioritize, type PriorityRow, type WeightCheck } from "../engine/prioritize.ts";
import type { Expr } from "../expr/ast.ts";
import { inferExpressionType } from "../expr/infer-type.ts";
import { parseExpression } from "../expr/parser.ts";
import { checkExpressions } from "../lint/check-expressions.ts";
import { runRules } from "../lint/run-rules.ts";
import type { Facts } from "../rules/define-rule.ts";
import { rules } from "../rules/index.ts";
import { featureCatalog, type CatalogEntry } from "../workspace/feature-catalog.ts";
import { spanIn } from "../workspace/read-document.ts";
import { readWorkspace } from "../workspace/read-workspace.ts";
import { resolveReferences } from "../workspace/resolve-refs.ts";
import type { Workspace } from "../workspace/workspace.ts";

export interface CheckOptions {
  /** Workspace folder. */
  root: string;
  /** Overrides `as_of` in segmentation.yaml. */
  asOf?: string;
  /** Today's date (YYYY-MM-DD), used when neither --as-of nor as_of is given. */
  today: string;
}

export interface CheckResult {
  root: string;
  asOf: string;
  workspace: Workspace;
  diagnostics: Diagnostic[];
  counts: { error: number; warning: number; info: number };
  catalog: ReadonlyMap<string, CatalogEntry>;
  /** Segment file path → parsed where expression. */
  expressions: ReadonlyMap<string, Expr>;
  weights: WeightCheck | undefined;
  priorities: PriorityRow[];
}

export function check(options: CheckOptions): CheckResult {
  const { workspace, diagnostics } = readWorkspace(options.root);
  const config = workspace.config?.value;
  const asOf = options.asOf ?? config?.as_of ?? options.today;
  const catalog = config
    ? featureCatalog(config, (expression, known) => {
        const parsed = parseExpression(expression);
        return parsed.ok ? (inferExpressionType(parsed.ast, known) ?? "boolean") : "boolean";
      })
    : new Map<string, CatalogEntry>();

  diagnostics.push(...resolveReferences(workspace, catalog));
  const expressions = checkExpressions(workspace, catalog);
  diagnostics.push(...expressions.diagnostics);

  const { weights, priorities, diagnostics: priorityDiagnostics } = recomputePriorities(workspace);
  diagnostics.push(...priorityDiagnostics);

  const facts: Facts = { asOf, catalog, expressions: expressions.segmentExpressions, weights, priorities };
  diagnostics.push(...runRules(rules, workspace, facts));

  const sorted = dedupe(diagnostics).sort(compareDiagnostics);
  return {
    root: workspace.root,
    asOf,
    workspace,
    diagnostics: sorted,
    counts: countBySeverity(sorted),
    catalog,
    expressions: expressions.segmentExpressions,
    weights,
    priorities,
  };
}

/** Score every segment of the prioritized schemes that is still in play. */
function recomputePriorities(workspace: Workspace): { weights: WeightCheck | undefined; priorities: PriorityRow[]; diagnostics: Diagnostic[] } {
  const prioritization = workspace.config?.value.prioritization;
  if (!prioritization) return { weights: undefined, priorities: [], diagnostics: [] };
  const weights = checkWeights(prioritization.factors);
  const scored = workspace.segments.filter((s) => prioritization.schemes.includes(s.scheme) && s.value.status !== "retired");
  const priorities = prioritize(
    prioritization.factors,
    scored.map((s) => ({ id: s.value.id, scheme: s.scheme, scores: s.value.scores ?? {}, statedTotal: s.value.stated_total })),
  );
  const diagnostics: Diagnostic[] = [];
  priorities.forEach((row, i) => {
    const segment = scored[i]!;
    if (row.missing.length === 0) return;
    diagnostics.push({
      ruleId: "prioritization/missing-score",
      severity: "error",
      message: `${segment.value.name} is in the prioritized scheme "${segment.scheme}" but has no score for ${row.missing.join(", ")}.`,
      hint: `Add scores: { ${row.missing.map((m) => `${m}: <1-10>`).join(", ")} }, or mark the segment retired.`,
      file: segment.file.path,
      ...spanIn(segment, segment.value.scores ? ["scores"] : ["id"]),
      data: { missing: row.missing },
    });
  });
  return { weights, priorities, diagnostics };
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.ruleId}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): CheckResult["counts"] {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}
