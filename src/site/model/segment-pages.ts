/**
 * Page data for each segment: its definition in words, size and value from the
 * data, the IDSAA scorecard with the numbers, how it differs from the rest,
 * priority, and everything linked to it (personas, hypotheses, review notes,
 * findings). Components render this as is.
 */
import type { CheckResult } from "../../lint/check-result.ts";
import { CRITERIA } from "../../engine/idsaa.ts";
import { kpiMeasure, kpiValue, type KpiMeasure } from "../../engine/kpi-value.ts";
import { schemeSegments } from "../../workspace/scheme-segments.ts";
import type { PriorityRow } from "../../engine/prioritize.ts";
import type { SchemeMetrics } from "../../engine/segment-metrics.ts";
import { welchTest } from "../../engine/stats/two-sample.ts";
import { describeExpression, formatExpression } from "../../expr/format.ts";
import { referencedNames } from "../../expr/referenced-names.ts";
import type { Segment } from "../../schema/segment.ts";
import type { LoadedSegment } from "../../workspace/workspace.ts";
import type { ProfileRow } from "../charts/segment-profile.ts";
import { dictionaryAnchor, featureLabel } from "./feature-label.ts";
import { CRITERIA_LABELS, QUADRANT_LABELS } from "./labels.ts";
import { daysBetween } from "../../text/days-between.ts";
import { formatAmount, formatCurrency, formatNumber, formatPercent } from "../../text/number-format.ts";
import { toFinding, type SiteFinding } from "./site-finding.ts";

export interface SiteSegment {
  id: string;
  scheme: string;
  schemeLabel: string;
  file: string;
  url: string;
  /** Position in the site's segment order (scheme, then order). */
  order: number;
  segment: Segment;
  definition: { kind: "where" | "cluster" | "rfm_group"; text: string; prose: string; features: string[] };
  size: { count: number; share: number; value: number | null; valueShare: number | null; statedShare: number | null; gap: number | null } | undefined;
  priority:
    | { total: number; totalRounded: number; rank: number; statedTotal: number | null; lenses: Record<string, number>; quadrant: string | null; quadrantLabel: string | null; quadrantDescription: string | null; stability: number | null }
    | undefined;
  idsaa: { id: string; label: string; question: string; pass: boolean; detail: string; evidence: string | null }[] | undefined;
  idsaaPassed: number | null;
  /** Each compared feature with its label, its entry on the Data page, and how many members have a value. */
  profile: (ProfileRow & { label: string; anchor: string; values: number; members: number })[];
  rfm: { feature: string; label: string; anchor: string; mean: number | null; median: number | null }[];
  kpis: { name: string; target: string | null; metric: string | null; current: string | null }[];
  review: { lastReviewed: string; age: number; cadence: number; overdue: boolean } | undefined;
  personas: string[];
  hypotheses: string[];
  reviews: string[];
  findings: SiteFinding[];
  charts: { share: string | null; profile: string | null; trend: string | null };
}

export function buildSegments(result: CheckResult): SiteSegment[] {
  const config = result.workspace.config?.value;
  const schemes = result.data?.engine.schemes ?? [];
  const priorities = new Map(result.priorities.map((p) => [`${p.scheme}/${p.id}`, p]));
  const ordered = [...result.workspace.segments].sort(
    (a, b) => schemeIndex(result, a.scheme) - schemeIndex(result, b.scheme) || (a.value.order ?? 1e9) - (b.value.order ?? 1e9) || a.value.id.localeCompare(b.value.id),
  );
  return ordered.map((s, order) => {
    const metrics = schemes.find((m) => m.scheme === s.scheme)?.segments.find((m) => m.segment === s.value.id);
    const definition = definitionOf(result, s);
    const alpha = config?.thresholds.alpha ?? 0.05;
    const refersTo = (refs: readonly string[]) => refs.some((ref) => ref === s.value.id || ref === `${s.scheme}/${s.value.id}`);
    return {
      id: s.value.id,
      scheme: s.scheme,
      schemeLabel: config?.schemes[s.scheme]?.label ?? s.scheme,
      file: s.file.path,
      url: `/segments/${s.value.id}/`,
      order,
      segment: s.value,
      definition,
      size: sizeOf(metrics, s.value.stated_share, result.data !== undefined),
      priority: priorityOf(result, s, priorities.get(`${s.scheme}/${s.value.id}`)),
      ...idsaaOf(result, s),
      profile: (metrics?.comparisons ?? []).map((c) => {
        const test = welchTest(c.segment, c.rest);
        const d = test && Number.isFinite(test.effectSize) ? test.effectSize : null;
        const p = test ? test.pValue : null;
        return {
          feature: c.feature,
          segmentMean: c.segment.n > 0 ? finite(c.segment.mean) : null,
          restMean: c.rest.n > 0 ? finite(c.rest.mean) : null,
          d,
          p,
          significant: p !== null && p < alpha,
          substantial: d !== null && p !== null && Math.abs(d) >= 0.5 && p < alpha,
          inDefinition: definition.features.includes(c.feature),
          share: result.catalog.get(c.feature)?.type === "boolean",
          label: featureLabel(c.feature, config),
          anchor: dictionaryAnchor(c.feature, config, result.catalog),
          values: c.segment.n,
          members: metrics?.count ?? 0,
        };
      }),
      rfm: Object.entries(metrics?.rfm ?? {}).map(([feature, v]) => ({ feature, label: featureLabel(feature, config), anchor: dictionaryAnchor(feature, config, result.catalog), mean: finite(v.mean), median: finite(v.median) })),
      kpis: (s.value.gtm?.kpis ?? []).map((k) => kpiRow(k, kpiMeasure(k, config, result.catalog), metrics, config?.currency)),
      review: reviewOf(s.value.last_reviewed, result.today, config?.review.cadence_days ?? 90),
      personas: result.workspace.personas.filter((p) => refersTo(p.value.segments)).map((p) => p.value.id),
      hypotheses: result.workspace.hypotheses.filter((h) => refersTo(h.value.segments)).map((h) => h.value.id),
      reviews: result.workspace.reviews.filter((r) => refersTo(r.value.segments)).map((r) => r.file.path),
      findings: result.diagnostics.filter((d) => d.file === s.file.path).map(toFinding),
      charts: { share: null, profile: null, trend: null },
    };
  });
}

/**
 * In an exclusive scheme the first matching segment wins: a later segment's
 * members are those its condition matches and no earlier segment took, which
 * the condition alone does not say (a catch-all reads "active days is at least 0").
 */
function checkedFirst(result: CheckResult, s: LoadedSegment): string {
  if (!result.workspace.config?.value.schemes[s.scheme]?.exclusive) return "";
  const ordered = schemeSegments(result.workspace.segments, s.scheme);
  const earlier = ordered.slice(0, Math.max(0, ordered.indexOf(s))).map((e) => e.value.name);
  return earlier.length === 0 ? "" : `, and not already in ${joinNames(earlier)} (checked first)`;
}

/** "A", "A or B", "A, B or C". */
function joinNames(names: readonly string[]): string {
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} or ${names.at(-1)!}`;
}

/** Size and value; a measured segment without metrics has no members. */
function sizeOf(metrics: SchemeMetrics["segments"][number] | undefined, stated: number | undefined, measured: boolean): SiteSegment["size"] {
  if (!metrics && !measured) return undefined;
  const share = metrics?.share ?? 0;
  return {
    count: metrics?.count ?? 0,
    share,
    value: finite(metrics?.value),
    valueShare: finite(metrics?.valueShare),
    statedShare: stated ?? null,
    gap: stated !== undefined ? share - stated : null,
  };
}

function schemeIndex(result: CheckResult, scheme: string): number {
  const index = Object.keys(result.workspace.config?.value.schemes ?? {}).indexOf(scheme);
  return index === -1 ? 1e9 : index;
}

function definitionOf(result: CheckResult, s: LoadedSegment): SiteSegment["definition"] {
  const definition = s.value.definition;
  if ("where" in definition) {
    const parsed = result.expressions.get(s.file.path);
    return {
      kind: "where",
      text: parsed ? formatExpression(parsed) : definition.where,
      prose: (parsed ? describeExpression(parsed) : definition.where) + checkedFirst(result, s),
      features: parsed ? [...referencedNames(parsed)] : [],
    };
  }
  if ("cluster" in definition) return { kind: "cluster", text: `cluster: ${definition.cluster}`, prose: `Members of the computed cluster “${definition.cluster}”.`, features: [] };
  return { kind: "rfm_group", text: `rfm_group: ${definition.rfm_group}`, prose: `Members of the RFM group “${definition.rfm_group}”.`, features: ["recency_days", "frequency", "monetary"] };
}

function priorityOf(result: CheckResult, s: LoadedSegment, row: PriorityRow | undefined): SiteSegment["priority"] {
  if (!row || !Number.isFinite(row.total)) return undefined;
  const quadrant = result.data?.quadrants[s.value.id] ?? null;
  return {
    total: row.total,
    totalRounded: row.totalRounded,
    rank: row.rank,
    statedTotal: s.value.stated_total ?? null,
    lenses: row.lenses,
    quadrant,
    quadrantLabel: quadrant ? QUADRANT_LABELS[quadrant].label : null,
    quadrantDescription: quadrant ? QUADRANT_LABELS[quadrant].description : null,
    stability: result.data?.sensitivity?.rankStability[s.value.id] ?? null,
  };
}

function idsaaOf(result: CheckResult, s: LoadedSegment): Pick<SiteSegment, "idsaa" | "idsaaPassed"> {
  const verdicts = result.data?.engine.idsaa[`${s.scheme}/${s.value.id}`];
  if (!verdicts) return { idsaa: undefined, idsaaPassed: null };
  const idsaa = CRITERIA.map((c) => ({ id: c, ...CRITERIA_LABELS[c], pass: verdicts[c].pass, detail: verdicts[c].detail, evidence: s.value.evidence?.[c] ?? null }));
  return { idsaa, idsaaPassed: idsaa.filter((c) => c.pass).length };
}

/**
 * A KPI with the segment's value now, formatted as its metric is: a share in
 * percent (a numeric target of a share too), money in the workspace's
 * `currency:` (compactly, like declared metrics; without a currency as a plain
 * amount, 253.4K), otherwise a number. A KPI measured
 * outside Seg has no value here; one whose metric resolves to nothing is a
 * kpi-unmeasured finding, listed with the segment's findings.
 */
function kpiRow(kpi: { name: string; metric?: string | undefined; target?: string | number | undefined }, measure: KpiMeasure, metrics: SchemeMetrics["segments"][number] | undefined, currency: string | undefined): SiteSegment["kpis"][number] {
  const kind = measure.kind === "metric" || measure.kind === "feature" ? measure.format : "number";
  const format = (x: number | null) => (kind === "percent" ? formatPercent(x) : kind === "currency" ? (currency ? formatCurrency(x, currency) : formatAmount(x)) : formatNumber(x, 2));
  const { value } = kpiValue(measure, metrics);
  return {
    name: kpi.name,
    target: kpi.target === undefined ? null : typeof kpi.target === "number" ? format(kpi.target) : kpi.target,
    metric: kpi.metric ?? (measure.kind === "none" ? null : measure.name),
    current: measure.kind === "metric" || measure.kind === "feature" ? (value === null ? null : format(value)) : null,
  };
}

/** Reviews age with the calendar: counted to today's date, not as_of. */
function reviewOf(lastReviewed: string | undefined, today: string, cadence: number): SiteSegment["review"] {
  if (!lastReviewed) return undefined;
  const age = daysBetween(lastReviewed, today);
  return { lastReviewed, age, cadence, overdue: age > cadence };
}

export function finite(x: number | null | undefined): number | null {
  return x === null || x === undefined || !Number.isFinite(x) ? null : x;
}
