/**
 * `seg check` as a library call: read and validate the workspace, resolve its
 * references, check its expressions, recompute prioritization, recompute every
 * number from the data, compare with the lock, and run the rules. Options in,
 * result out; nothing is printed and nothing exits.
 */
import { resolve } from "node:path";
import { prioritizationMissingScore } from "../checks/prioritization.ts";
import { countBySeverity } from "../diagnostics/count-by-severity.ts";
import { compareDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { findingKey } from "../diagnostics/finding-key.ts";
import { checkWeights, percentWeights, prioritizeSegments, type PriorityRow, type WeightCheck } from "../engine/prioritize.ts";
import type { EngineMemo } from "../engine/engine-memo.ts";
import { engineOptions, type EngineRunOptions } from "../engine/engine-options.ts";
import type { EngineResult } from "../engine/run-engine.ts";
import { valueMeasure } from "../engine/segment-metrics.ts";
import { valuePotentialQuadrants, weightSensitivity, type Quadrant, type Sensitivity } from "../engine/sensitivity.ts";
import { inferExpressionType } from "../expr/infer-type.ts";
import { parseExpression } from "../expr/parser.ts";
import type { CheckResult, DataResult, DefinitionsResult } from "../lint/check-result.ts";
import { checkExpressions } from "../lint/check-expressions.ts";
import { checkMarkdownBodies } from "../lint/check-markdown-bodies.ts";
import { checkMetricTags } from "../lint/check-metric-tags.ts";
import { checkPublicFolder } from "../lint/check-public-folder.ts";
import { applyCheckSettings } from "../lint/configurable-checks.ts";
import { runRules } from "../lint/run-rules.ts";
import { suppressFindings } from "../lint/suppress-findings.ts";
import { buildLock } from "../lock/build-lock.ts";
import { compareLocks } from "../lock/compare-lock.ts";
import { readLock } from "../lock/lock-file.ts";
import type { DataFacts, Facts, SetAsideFacts } from "../rules/define-rule.ts";
import { rules, suppressibleRuleIds } from "../rules/index.ts";
import { featureCatalog, type CatalogEntry } from "../workspace/feature-catalog.ts";
import { readWorkspace } from "../workspace/read-workspace.ts";
import { reportAt } from "../workspace/report-at.ts";
import { resolveReferences } from "../workspace/resolve-refs.ts";
import type { Workspace } from "../workspace/workspace.ts";

export interface CheckOptions extends EngineRunOptions {
  /** Overrides `as_of` in segmentation.yaml. */
  asOf?: string;
  /** Today's date (YYYY-MM-DD), used when neither --as-of nor as_of is given. */
  today: string;
  /** Recompute from the data (default true). */
  data?: boolean;
  /** Keep the recompute's database open in `data.engine.db` (the caller closes it), so a command reads from the same run. */
  keepDatabase?: boolean;
  /** Reuse the last recompute of this process when the engine's inputs are unchanged (seg dev; engine/engine-memo.ts). */
  engineMemo?: EngineMemo;
}

/** Everything that needs no data: parse, validate, resolve, recompute prioritization. */
export function checkDefinitions(options: CheckOptions): DefinitionsResult {
  const { workspace, diagnostics } = readWorkspace(options.root);
  const config = workspace.config?.value;
  const asOf = options.asOf ?? config?.as_of ?? options.today;
  const catalog = config
    ? featureCatalog(config, (expression, known) => {
        const parsed = parseExpression(expression);
        return parsed.ok ? (inferExpressionType(parsed.ast, known) ?? "boolean") : "boolean";
      })
    : new Map<string, CatalogEntry>();
  diagnostics.push(...resolveReferences(workspace, catalog, resolve(options.root, options.dataDir ?? ".")));
  const expressions = checkExpressions(workspace, catalog);
  diagnostics.push(...expressions.diagnostics);
  // Persona and review bodies are MDX, which is code: only Markdown and <Metric/> are allowed.
  diagnostics.push(...checkMarkdownBodies(workspace.personas, workspace.reviews, workspace.root));
  diagnostics.push(...checkMetricTags(workspace, catalog));
  // public/ is published as it is, so what it may hold is limited; the rest is named, never silently dropped.
  diagnostics.push(...checkPublicFolder(workspace.root).diagnostics);
  const { weights, priorities, diagnostics: priorityDiagnostics } = recomputePriorities(workspace);
  diagnostics.push(...priorityDiagnostics);
  return { root: workspace.root, asOf, today: options.today, workspace, diagnostics, catalog, expressions: expressions.segmentExpressions, weights, priorities };
}

export async function check(options: CheckOptions): Promise<CheckResult> {
  const definitions = checkDefinitions(options);
  const diagnostics = [...definitions.diagnostics];
  let data: DataResult | undefined;
  let blocked = diagnostics.some((d) => d.severity === "error");
  if (blocked && options.data !== false && definitions.workspace.config) blocked = await contractsFirst(definitions, options, diagnostics);
  if (!blocked && options.data !== false && definitions.workspace.config) {
    data = await recompute(definitions, options);
    diagnostics.push(...data.engine.diagnostics);
  }
  try {
    return finish(definitions, diagnostics, data);
  } catch (error) {
    data?.engine.db?.close();
    throw error;
  }
}

function finish(definitions: DefinitionsResult, diagnostics: Diagnostic[], data: DataResult | undefined): CheckResult {
  const facts: Facts = {
    asOf: definitions.asOf,
    today: definitions.today,
    catalog: definitions.catalog,
    expressions: definitions.expressions,
    weights: definitions.weights,
    priorities: data?.priorities ?? definitions.priorities,
    data: data && !data.engine.diagnostics.some((d) => d.severity === "error") ? toDataFacts(data) : undefined,
  };
  diagnostics.push(...runRules(rules, definitions.workspace, facts));
  // Data checks and clustering findings follow rules: and overrides: like a rule's.
  const sorted = dedupe(applyCheckSettings(diagnostics, definitions.workspace.config?.value)).sort(compareDiagnostics);
  const { reported, suppressed } = suppressFindings(sorted, definitions.workspace, { asOf: definitions.asOf, ruleIds: suppressibleRuleIds, complete: facts.data !== undefined });
  return { ...definitions, priorities: data?.priorities ?? definitions.priorities, diagnostics: reported, counts: countBySeverity(reported), suppressed, data };
}

/**
 * When every error is an expression type error, a wrongly declared column type
 * may be the cause: check the data against the declarations first, report a
 * mismatch, and drop the expression errors it explains. Returns whether errors remain.
 */
async function contractsFirst(definitions: DefinitionsResult, options: CheckOptions, diagnostics: Diagnostic[]): Promise<boolean> {
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (!errors.every((d) => d.ruleId === "expr/type")) return true;
  const { checkSourceContracts } = await import("../engine/check-source-contracts.ts");
  const found = await checkSourceContracts(definitions.workspace.config!, resolve(options.root, options.dataDir ?? "."), {
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
    ...(options.memoryLimit !== undefined ? { memoryLimit: options.memoryLimit } : {}),
  });
  if (found.diagnostics.length === 0) return true;
  // Each expression type error carries the names it reads (lint/check-expressions.ts).
  const explained = (d: Diagnostic) => d.ruleId === "expr/type" && Array.isArray(d.data?.names) && d.data.names.some((name) => found.names.has(String(name)));
  const kept = diagnostics.filter((d) => !explained(d));
  diagnostics.splice(0, diagnostics.length, ...kept, ...found.diagnostics);
  return true;
}

async function recompute(definitions: DefinitionsResult, options: CheckOptions): Promise<DataResult> {
  const { workspace } = definitions;
  // Loaded on demand: the DuckDB client is heavy, and --no-data or usage errors never need it.
  const { runEngine } = await import("../engine/run-engine.ts");
  const read = readLock(workspace.root);
  const run = options.engineMemo ? options.engineMemo.run.bind(options.engineMemo) : runEngine;
  const engine = await run(workspace, definitions.catalog, definitions.expressions, {
    ...engineOptions(definitions, options, read),
    ...(options.keepDatabase ? { keepDatabase: true } : {}),
  });
  try {
    return summarize(definitions, engine, read);
  } catch (error) {
    engine.db?.close();
    throw error;
  }
}

function summarize(definitions: DefinitionsResult, engine: EngineResult, read: ReturnType<typeof readLock>): DataResult {
  const { workspace } = definitions;
  const config = workspace.config!.value;
  const prioritization = config.prioritization;
  const weights = prioritization && definitions.weights?.scale !== "invalid" ? percentWeights(prioritization.factors) : undefined;
  const prioritized = prioritizeSegments(workspace, (scheme, id) => engine.schemes.find((m) => m.scheme === scheme)?.segments.find((m) => m.segment === id));
  const scoredSegments = prioritized?.scored ?? [];
  const priorities = prioritized?.rows ?? [];
  const lock = buildLock({ config, segments: workspace.segments, asOf: definitions.asOf, engine, priorities, weights });
  const stored: DataResult["stored"] = read.status === "ok" ? { status: "ok", lock: read.lock, changes: compareLocks(read.lock, lock) } : read;
  let sensitivity: Sensitivity | undefined;
  let quadrants: Record<string, Quadrant> = {};
  if (prioritization && definitions.weights?.scale !== "invalid") {
    sensitivity = weightSensitivity(prioritization.factors, scoredSegments);
    const measure = valueMeasure(config);
    if (measure) {
      const points = priorities
        .filter((p) => !Number.isNaN(p.total))
        .map((p) => ({ id: p.id, potential: p.total, value: engine.schemes.find((s) => s.scheme === p.scheme)?.segments.find((m) => m.segment === p.id)?.valueShare ?? 0 }));
      quadrants = valuePotentialQuadrants(points);
    }
  }
  return { engine, lock, stored, sensitivity, quadrants, priorities };
}

function toDataFacts(data: DataResult): DataFacts {
  return {
    members: data.engine.members,
    sources: data.engine.sources,
    schemes: data.engine.schemes,
    hypotheses: data.engine.hypotheses,
    idsaa: data.engine.idsaa,
    lock: data.stored,
    freshLock: data.lock,
    sensitivity: data.sensitivity,
    quadrants: data.quadrants,
    ...(data.engine.clustering?.stability ? { clusters: data.engine.clustering.stability } : {}),
    coverage: data.engine.coverage,
    ...(data.engine.valueLabels ? { valueLabels: data.engine.valueLabels } : {}),
    ...(data.engine.clustering ? { setAside: setAsideFacts(data.engine.clustering), skewness: data.engine.clustering.skewness } : {}),
    ...(data.engine.impact ? { impact: data.engine.impact } : {}),
  };
}

function setAsideFacts(clustering: NonNullable<EngineResult["clustering"]>): SetAsideFacts {
  const outlierFeatures: Record<string, number> = Object.fromEntries(clustering.features.map((f) => [f, 0]));
  for (const outlier of clustering.outliers) for (const feature of outlier.features) outlierFeatures[feature]!++;
  return { members: clustering.members, outliers: clustering.outlierMembers, missing: clustering.incomplete, outlierFeatures };
}

/** Score every segment of the prioritized schemes that is still in play. */
function recomputePriorities(workspace: Workspace): { weights: WeightCheck | undefined; priorities: PriorityRow[]; diagnostics: Diagnostic[] } {
  const prioritization = workspace.config?.value.prioritization;
  if (!prioritization) return { weights: undefined, priorities: [], diagnostics: [] };
  const weights = checkWeights(prioritization.factors);
  const { segments: scored, rows: priorities } = prioritizeSegments(workspace)!;
  const diagnostics: Diagnostic[] = [];
  priorities.forEach((row, i) => {
    const segment = scored[i]!;
    // Factors with `derive:` get their score from the data later.
    const missing = row.missing.filter((m) => !prioritization.factors[m]?.derive);
    if (missing.length === 0) return;
    diagnostics.push(
      reportAt({
        check: prioritizationMissingScore,
        messageId: "missingScore",
        document: segment,
        path: segment.value.scores ? ["scores"] : ["id"],
        data: { missing },
        words: { name: segment.value.name, scheme: segment.scheme, factors: missing.join(", "), scoreList: missing.map((m) => `${m}: <1-10>`).join(", ") },
      }),
    );
  });
  return { weights, priorities, diagnostics };
}

/** The same finding reported twice (same identity, place and figures) is kept once. */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = [findingKey(d), d.line, d.column, JSON.stringify(d.data ?? {})].join("\u0000");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
