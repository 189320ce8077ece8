/* eslint max-lines-per-function: "off" -- buildDictionary is mostly one object literal per source and per feature. */
/**
 * Page data for the data dictionary: every declared source (file, kind, rows,
 * date range and age today, columns with their declared type and, where a
 * feature takes the column as it is, its coverage) and every feature a segment
 * may use (label, description, the formula in words and as written in
 * segmentation.yaml, type, coverage, and which segments, metrics, KPIs,
 * hypotheses and other features use it).
 */
import type { CheckResult } from "../../lint/check-result.ts";
import type { FeatureCoverage } from "../../engine/feature-coverage.ts";
import { comparableFeatures, valueMeasure } from "../../engine/segment-metrics.ts";
import { describeExpression } from "../../expr/format.ts";
import { parseExpression } from "../../expr/parser.ts";
import { referencedNames } from "../../expr/referenced-names.ts";
import type { Config } from "../../schema/config.ts";
import { sourceData } from "../../schema/source.ts";
import type { Feature } from "../../schema/feature.ts";
import type { LoadedDocument } from "../../workspace/read-document.ts";
import type { ValueType } from "../../workspace/feature-catalog.ts";
import { locate } from "../../workspace/locate.ts";
import { columnAnchor, featureLabel } from "./feature-label.ts";
import { daysBetween } from "../../text/days-between.ts";
import type { SiteSegment } from "./segment-pages.ts";

export interface DictionaryCoverage {
  members: number;
  values: number;
  share: number;
}

export interface DictionarySource {
  name: string;
  anchor: string;
  path: string;
  kind: string;
  description: string | null;
  /** Rows kept after the filter, and rows in the file (null without data). */
  rows: number | null;
  rowsRead: number | null;
  filter: string | null;
  oldest: string | null;
  newest: string | null;
  /** Days from the newest row to today's date. */
  ageDays: number | null;
  roles: { role: string; column: string }[];
  columns: { name: string; anchor: string; type: string; kind: string; description: string | null; coverage: DictionaryCoverage | null; segments: { id: string; name: string; url: string }[] }[];
}

export interface DictionaryFeature {
  name: string;
  anchor: string;
  label: string;
  description: string | null;
  /** aggregate, attribute, expression (declared) or built-in. */
  origin: "aggregate" | "attribute" | "expression" | "builtin";
  type: ValueType;
  formula: string;
  /** The feature's entry in segmentation.yaml, as written (declared features). */
  written: string | null;
  coverage: DictionaryCoverage | null;
  segments: { id: string; name: string; url: string }[];
  metrics: { name: string; label: string }[];
  kpis: { segment: string; segmentName: string; url: string; kpi: string }[];
  hypotheses: { id: string; statement: string }[];
  features: string[];
  clustering: boolean;
  /** The value measure (value tiers, value share). */
  value: boolean;
  /** Compared between each segment and the rest on segment pages. */
  compared: boolean;
}

export interface DataDictionary {
  sources: DictionarySource[];
  features: DictionaryFeature[];
}

export function buildDictionary(result: CheckResult, segments: readonly SiteSegment[]): DataDictionary {
  const document = result.workspace.config;
  const config = document?.value;
  if (!config) return { sources: [], features: [] };
  const engine = result.data?.engine;
  const coverage = new Map((engine?.coverage ?? []).map((c) => [c.feature, c]));
  const compared = new Set(comparableFeatures(config, result.catalog));
  return {
    sources: Object.entries(config.sources).map(([name, source]) => {
      const stats = engine?.sources.find((s) => s.name === name);
      const columnCoverage = (column: string) => (engine?.coverage ?? []).find((c) => c.origin.kind === "column" && c.origin.source === name && c.origin.column === column);
      const roles = (["key", "customer", "timestamp", "amount"] as const).flatMap((role) => (source[role] ? [{ role, column: source[role] }] : []));
      return {
        name,
        anchor: `source-${name}`,
        path: sourceData(source),
        kind: source.kind,
        description: source.description ?? null,
        rows: stats?.rows ?? null,
        rowsRead: stats?.rowsRead ?? null,
        filter: source.filter ?? null,
        oldest: stats?.oldest ?? null,
        newest: stats?.newest ?? null,
        ageDays: stats?.newest ? daysBetween(stats.newest.slice(0, 10), result.today) : null,
        roles,
        columns: Object.entries(source.columns).map(([column, spec]) => ({
          name: column,
          anchor: columnAnchor(name, column),
          type: spec.type,
          kind: spec.kind,
          description: spec.description ?? null,
          coverage: coverageOf(columnCoverage(column)),
          segments: source.kind === "accounts" ? segments.filter((s) => s.definition.features.includes(column)).map((s) => ({ id: s.id, name: s.segment.name, url: s.url })) : [],
        })),
      };
    }),
    // Declared features in the order written, then the built-ins.
    features: [...result.catalog.values()]
      .filter((entry) => entry.origin !== "column")
      .sort((a, b) => Number(a.origin === "builtin") - Number(b.origin === "builtin"))
      .map((entry) => {
        const spec = config.features[entry.name];
        const uses = (name: string) => name === entry.name || config.metrics[name]?.feature === entry.name;
        return {
          name: entry.name,
          anchor: `feature-${entry.name}`,
          label: featureLabel(entry.name, config),
          // A built-in's description is its formula.
          description: spec ? entry.description || null : null,
          origin: spec ? ("aggregate" in spec ? "aggregate" : "column" in spec ? "attribute" : "expression") : "builtin",
          type: entry.type,
          formula: spec ? formulaOf(spec, config, entry.type) : entry.description,
          written: spec ? writtenText(document, entry.name) : null,
          coverage: coverageOf(coverage.get(entry.name)),
          segments: segments.filter((s) => s.definition.features.includes(entry.name)).map((s) => ({ id: s.id, name: s.segment.name, url: s.url })),
          metrics: Object.entries(config.metrics).filter(([, m]) => m.feature === entry.name).map(([name, m]) => ({ name, label: m.label })),
          kpis: segments.flatMap((s) => (s.segment.gtm?.kpis ?? []).filter((k) => k.metric !== undefined && uses(k.metric)).map((k) => ({ segment: s.id, segmentName: s.segment.name, url: s.url, kpi: k.name }))),
          hypotheses: result.workspace.hypotheses.filter((h) => uses(h.value.metric)).map((h) => ({ id: h.value.id, statement: h.value.statement })),
          features: Object.entries(config.features).filter(([, f]) => "expression" in f && namesIn(f.expression).includes(entry.name)).map(([name]) => name),
          clustering: config.clustering?.features.includes(entry.name) ?? false,
          value: valueMeasure(config) === entry.name,
          compared: compared.has(entry.name),
        };
      }),
  };
}

function coverageOf(c: FeatureCoverage | undefined): DictionaryCoverage | null {
  return c ? { members: c.members, values: c.values, share: c.share } : null;
}

function namesIn(expression: string): string[] {
  const parsed = parseExpression(expression);
  return parsed.ok ? referencedNames(parsed.ast) : [];
}

function inWords(expression: string): string {
  const parsed = parseExpression(expression);
  return parsed.ok ? describeExpression(parsed.ast) : expression;
}

const AGGREGATES: Record<string, (column: string, source: string) => string> = {
  count: (_c, source) => `Number of ${source} rows`,
  count_distinct: (column, source) => `Number of different ${column} values among ${source} rows`,
  count_distinct_days: (column, source) => `Number of different days (by ${column}) with ${source} rows`,
  events_per_active_day: (_c, source) => `Number of ${source} rows per day with at least one`,
  sum: (column, source) => `Sum of ${column} over ${source} rows`,
  avg: (column, source) => `Average ${column} over ${source} rows`,
  min: (column, source) => `Smallest ${column} among ${source} rows`,
  max: (column, source) => `Largest ${column} among ${source} rows`,
  days_since_last: (_c, source) => `Days from the newest ${source} row to the as-of date`,
  days_since_first: (_c, source) => `Days from the oldest ${source} row to the as-of date`,
};

/** The formula in words: what is counted or read, from where, over which rows and window. */
export function formulaOf(spec: Feature, config: Config, type: ValueType): string {
  const unit = config.goals.scope.unit;
  if ("aggregate" in spec) {
    const source = config.sources[spec.source];
    const column = spec.column ?? source?.timestamp ?? "rows";
    const parts = [`${AGGREGATES[spec.aggregate]!(column, spec.source)} per ${unit}`];
    if (spec.where) parts.push(`where ${inWords(spec.where)}`);
    if (spec.window_days) parts.push(`in the ${spec.window_days} days before the as-of date`);
    const fallback = spec.default ?? (["count", "count_distinct", "count_distinct_days", "sum"].includes(spec.aggregate) ? 0 : null);
    return `${parts.join(", ")}; ${fallback === null ? `${unit}s without such rows have no value` : `${unit}s without such rows count ${fallback}`}.`;
  }
  if ("column" in spec) {
    const read = `The ${spec.column} column of ${spec.source}`;
    if (spec.normalize) {
      return `${read} mapped to ${Object.keys(spec.normalize.categories).join(", ")} by keywords and patterns (the first match wins), otherwise ${spec.normalize.otherwise}.`;
    }
    if (spec.buckets) {
      return `${read} in ranges: ${spec.buckets.map((b) => (b.below === undefined ? `${b.label} otherwise` : `${b.label} below ${b.below}`)).join(", ")}.`;
    }
    return `${read}, as it is.`;
  }
  return type === "boolean" ? `Yes when ${inWords(spec.expression)}, otherwise no.` : `${inWords(spec.expression)}.`;
}

/** The feature's entry in segmentation.yaml, from its name to the end of its value, without the common indent. */
function writtenText(document: LoadedDocument<Config>, name: string): string | null {
  const { node, key, depth } = locate(document.doc, ["features", name]);
  const start = key?.range?.[0];
  const end = node?.range?.[1];
  if (depth !== 2 || start === undefined || end === undefined) return null;
  const text = document.file.text;
  const lineStart = text.lastIndexOf("\n", document.base + start - 1) + 1;
  const indent = document.base + start - lineStart;
  return text
    .slice(lineStart, document.base + end)
    .split("\n")
    .map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length)))
    .join("\n")
    .trimEnd();
}
