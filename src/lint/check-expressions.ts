/**
 * Parse and name-check every expression of the workspace (segment definitions,
 * source filters, feature conditions, computed features, RFM groups), placing
 * each problem at its column inside the YAML file. Returns the parsed trees of
 * segment definitions for the rules and the engine.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Expr } from "../expr/ast.ts";
import { checkNames } from "../expr/check-names.ts";
import type { ExprError } from "../expr/expr-error.ts";
import { parseExpression } from "../expr/parser.ts";
import { RFM_FEATURES, sourceColumnCatalog, type CatalogEntry } from "../workspace/feature-catalog.ts";
import type { PathSegment } from "../workspace/locate.ts";
import { spanIn, type LoadedDocument } from "../workspace/read-document.ts";
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
    const place = (error: ExprError): Diagnostic => {
      const text = scalarText(document, path);
      const span = text && text.value === source ? text.spanOf(error.start, error.end) : spanIn(document, path);
      return {
        ruleId: error.code === "unknown-feature" ? "unknown-reference" : `expr/${error.code}`,
        severity: "error",
        message: sentence(error.message),
        ...(error.hint ? { hint: sentence(error.hint) } : {}),
        file: document.file.path,
        ...span,
      };
    };
    const parsed = parseExpression(source);
    if (!parsed.ok) {
      diagnostics.push(place(parsed.error));
      return undefined;
    }
    // Without a valid segmentation.yaml there are no known names; report syntax only.
    if (!workspace.config) return undefined;
    const errors = checkNames(parsed.ast, names, condition ? { expect: "boolean" } : {});
    diagnostics.push(...errors.map(place));
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
