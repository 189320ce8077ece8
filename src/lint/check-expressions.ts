/**
 * Parse and name-check every expression of the workspace (segment definitions,
 * source filters, feature conditions, computed features, RFM groups), placing
 * each problem at its column inside the YAML file. Returns the parsed trees of
 * segment definitions for the rules and the engine.
 */
import type { Check } from "../checks/define-check.ts";
import { exprAlwaysNull, exprArity, exprSyntax, exprTooComplex, exprType, exprUnknownFunction } from "../checks/expr.ts";
import { unknownReference } from "../checks/references.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Expr } from "../expr/ast.ts";
import { childrenOf } from "../expr/children.ts";
import { checkNames } from "../expr/check-names.ts";
import type { ExprError, ExprErrorCode } from "../expr/expr-error.ts";
import { parseExpression } from "../expr/parser.ts";
import { referencedNames } from "../expr/referenced-names.ts";
import { RFM_FEATURES, sourceColumnCatalog, type CatalogEntry } from "../workspace/feature-catalog.ts";
import type { PathSegment } from "../workspace/locate.ts";
import type { LoadedDocument } from "../workspace/read-document.ts";
import { reportAt } from "../workspace/report-at.ts";
import { scalarText } from "../workspace/scalar-offsets.ts";
import type { Workspace } from "../workspace/workspace.ts";

export interface ExpressionCheck {
  diagnostics: Diagnostic[];
  /** Segment file path → its parsed where expression. */
  segmentExpressions: Map<string, Expr>;
}

export function checkExpressions(workspace: Workspace, catalog: ReadonlyMap<string, CatalogEntry>): ExpressionCheck {
  const diagnostics: Diagnostic[] = [];
  const segmentExpressions = new Map<string, Expr>();
  /** `condition`: the expression selects rows or members, so it must be true or false. */
  const check = (document: LoadedDocument<unknown>, path: readonly PathSegment[], source: string, names: ReadonlyMap<string, CatalogEntry>, condition = true): Expr | undefined => {
    const place = (error: ExprError, ast?: Expr): Diagnostic => {
      const text = scalarText(document, path);
      const span = text && text.value === source ? text.spanOf(error.start, error.end) : undefined;
      const problem = sentence(error.message);
      // A type error names the features it reads, so a wrongly declared column type can be found to explain it.
      const data = error.code === "type" && ast ? { names: namesWithin(ast, error.start, error.end) } : undefined;
      const where = { document, path, ...(span ? { span } : {}) };
      // The expression checker's own hint, or none: its message says what to change.
      const hint = error.hint ? sentence(error.hint) : "";
      if (error.code === "unknown-feature") return reportAt({ check: unknownReference, messageId: "unknownFeature", ...where, words: { problem }, hint });
      return reportAt({ check: EXPR_CHECKS[error.code], messageId: "problem", ...where, ...(data ? { data } : {}), words: { problem }, hint });
    };
    const parsed = parseExpression(source);
    if (!parsed.ok) {
      diagnostics.push(place(parsed.error));
      return undefined;
    }
    // Without a valid segmentation.yaml there are no known names; report syntax only.
    if (!workspace.config) return undefined;
    const errors = checkNames(parsed.ast, names, condition ? { expect: "boolean" } : {});
    diagnostics.push(...errors.map((error) => place(error, parsed.ast)));
    return errors.length === 0 ? parsed.ast : undefined;
  };

  for (const segment of workspace.segments) {
    const definition = segment.value.definition;
    if ("where" in definition) {
      const ast = check(segment, ["definition", "where"], definition.where, catalog);
      if (ast) segmentExpressions.set(segment.file.path, ast);
    }
  }
  const config = workspace.config;
  if (config) {
    const c = config.value;
    for (const [name, source] of Object.entries(c.sources)) {
      const columns = sourceColumnCatalog(c, name);
      if (source.filter !== undefined) check(config, ["sources", name, "filter"], source.filter, columns);
      const read = new Map([...columns].filter(([column]) => source.columns[column]?.expression === undefined));
      for (const [column, spec] of Object.entries(source.columns)) {
        if (spec.expression !== undefined) check(config, ["sources", name, "columns", column, "expression"], spec.expression, read, false);
      }
    }
    for (const [name, feature] of Object.entries(c.features)) {
      if ("aggregate" in feature && feature.where !== undefined && c.sources[feature.source]) {
        check(config, ["features", name, "where"], feature.where, sourceColumnCatalog(c, feature.source));
      }
      if ("expression" in feature) {
        const others = new Map([...catalog].filter(([key]) => key !== name));
        check(config, ["features", name, "expression"], feature.expression, others, false);
      }
    }
    const rfmNames = new Map(RFM_FEATURES.filter((f) => f.name !== "rfm_group").map((f) => [f.name, f]));
    for (const [group, expression] of Object.entries(c.rfm?.groups ?? {})) {
      check(config, ["rfm", "groups", group], expression, rfmNames);
    }
  }
  return { diagnostics, segmentExpressions };
}

const EXPR_CHECKS: Record<Exclude<ExprErrorCode, "unknown-feature">, Check<"problem">> = {
  syntax: exprSyntax,
  "too-complex": exprTooComplex,
  "unknown-function": exprUnknownFunction,
  arity: exprArity,
  type: exprType,
  "always-null": exprAlwaysNull,
};

/**
 * The feature names a type error is about, sorted: those read by the innermost
 * operation or call that holds the error's range [start, end) (an error may
 * mark one operand, as in "cannot compare monthly with 70" at 70), or by the
 * range itself when no operation holds it.
 */
function namesWithin(ast: Expr, start: number, end: number): string[] {
  const holds = (expr: Expr) => expr.loc.start <= start && expr.loc.end >= end;
  let operation: Expr | undefined;
  for (let expr: Expr | undefined = ast; expr !== undefined; ) {
    const children = childrenOf(expr);
    if (children.length > 0 && holds(expr)) operation = expr;
    expr = children.find(holds);
  }
  const names = new Set<string>(operation ? referencedNames(operation) : []);
  const pending: Expr[] = [ast];
  for (let expr = pending.pop(); expr !== undefined; expr = pending.pop()) {
    if (expr.kind === "ident" && expr.loc.start >= start && expr.loc.end <= end) names.add(expr.name);
    pending.push(...childrenOf(expr));
  }
  return [...names].sort();
}

/**
 * Expression errors are written as clauses ("unknown feature x"); diagnostics
 * are sentences. Capitalize a leading word (not a function name like round())
 * and end with a full stop.
 */
function sentence(text: string): string {
  const first = /^[a-z][a-z-]*(?=[\s,;:]|$)/.exec(text);
  const capitalized = first ? `${text[0]!.toUpperCase()}${text.slice(1)}` : text;
  return /[.!?]$/.test(capitalized) ? capitalized : `${capitalized}.`;
}
