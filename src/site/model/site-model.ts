/* eslint max-lines-per-function: "off" -- buildSiteModel is one object literal (see below). */
/**
 * The playbook's page data, computed once from a check result: every page's
 * numbers, words and links, the charts rendered to SVG, the search index and
 * the values `<Metric>` binds to. Components only render it. Plain JSON: it
 * crosses into Astro through the virtual module `virtual:seg/model`.
 *
 * `buildSiteModel` is long because it is one object literal: each field says
 * which builder (one file each, next to this one) computes it.
 */
import type { CheckResult } from "../../lint/check-result.ts";
import type { LockHistoryResult } from "../../diff/history.ts";
import { rules as ruleRegistry } from "../../rules/index.ts";
import type { Goals } from "../../schema/goals.ts";
import { sourceData } from "../../schema/source.ts";
import { VERSION } from "../../version.ts";
import { buildSearchIndex, plainText, type SearchEntry } from "../search/search-index.ts";
import type { RenderedChart } from "../charts/chart.ts";
import { clientScript, type ClientScript } from "../client/client-script.ts";
import { buildChanges, type ChangesPage } from "./changes-page.ts";
import { buildClusters, clusterInput, type ClustersInput, type ClustersPage } from "./clusters-page.ts";
import { buildDictionary, type DataDictionary } from "./data-dictionary.ts";
import { buildHealth, type HealthPage } from "./health-page.ts";
import { buildHypotheses, type SiteHypothesis } from "./hypothesis-pages.ts";
import { buildImpact, impactInput, type ImpactPage } from "./impact-page.ts";
import { metricValues, type MetricValue } from "./metric-values.ts";
import { populationMetrics, type PopulationMetric } from "./population-metrics.ts";
import { buildPersonas, groupPersonas, type PersonaGroup, type SitePersona } from "./persona-pages.ts";
import { buildPrioritization, type PrioritizationPage } from "./prioritization-page.ts";
import { renderSiteCharts, type ChartCache } from "./render-site-charts.ts";
import { buildReviews, type SiteReview } from "./review-notes.ts";
import { buildRules, type SiteRule } from "./rules-page.ts";
import { buildSegments, finite, type SiteSegment } from "./segment-pages.ts";
import { buildBrief, type SegmentBrief } from "./segment-brief.ts";

export interface SitePage {
  title: string;
  url: string;
  description: string;
}

export interface SiteScheme {
  id: string;
  label: string;
  description: string | null;
  exclusive: boolean;
  segments: string[];
  /** Members in no segment of the scheme. */
  unassigned: { count: number; share: number } | null;
  overlaps: { a: string; b: string; count: number }[];
  chart: string | null;
}

export interface SiteModel {
  title: string;
  description: string | null;
  asOf: string;
  version: string;
  /** The base path without a trailing slash: "" or e.g. "/playbook". */
  base: string;
  /** What one member is, plural: accounts, customers, users. */
  unit: string;
  goals: Goals | null;
  data: {
    members: number;
    sources: { name: string; path: string; rows: number; newest: string | null; oldest: string | null }[];
    normalization: { feature: string; column: string; share: number; mapped: number; total: number; unmapped: { value: string; count: number }[] }[];
    /** Declared metrics over the whole population. */
    population: PopulationMetric[];
  } | null;
  pages: SitePage[];
  schemes: SiteScheme[];
  segments: Record<string, SiteSegment>;
  segmentOrder: string[];
  /** Each segment's one-page sales brief, by segment id. */
  briefs: Record<string, SegmentBrief>;
  personas: SitePersona[];
  personaGroups: PersonaGroup[];
  prioritization: PrioritizationPage | null;
  hypotheses: SiteHypothesis[];
  reviews: SiteReview[];
  clusters: ClustersPage;
  changes: ChangesPage;
  /** Before/after each segment's launch date: did the segmentation work. */
  impact: ImpactPage;
  health: HealthPage;
  rules: SiteRule[];
  /** The data dictionary: every source and feature. */
  dictionary: DataDictionary;
  /** `<Metric>` values: segment id → metric name → value. */
  metrics: Record<string, Record<string, MetricValue>>;
  charts: Record<string, RenderedChart>;
  search: SearchEntry[];
  /** The site's one script, served as a file. */
  script: ClientScript;
}

export interface SiteModelOptions {
  /** Base path the site is served under, e.g. /playbook. */
  base?: string | undefined;
  /** Clustering output; defaults to what the check result carries. */
  clusters?: ClustersInput;
  /** The lock's git history (diff/history.ts); without it the Changes page says the build was not given one. */
  history?: LockHistoryResult;
  /** Charts rendered for an earlier model (seg dev keeps one across updates): a chart whose spec did not change is not rendered again. */
  charts?: ChartCache;
}

export async function buildSiteModel(result: CheckResult, options: SiteModelOptions = {}): Promise<SiteModel> {
  const config = result.workspace.config?.value;
  const segmentList = buildSegments(result);
  const personas = buildPersonas(result);
  const engine = result.data?.engine;
  const priorityRows = new Map(result.priorities.map((p) => [p.id, p]));
  const model: SiteModel = {
    title: config?.name ?? "Segmentation playbook",
    description: config?.description ?? null,
    asOf: result.asOf,
    version: VERSION,
    base: (options.base ?? "").replace(/^\/*/, "/").replace(/\/+$/, ""),
    unit: `${config?.goals.scope.unit ?? "account"}s`,
    goals: config?.goals ?? null,
    data: engine
      ? {
          members: engine.members,
          sources: engine.sources.map((s) => ({ name: s.name, path: sourceData(s), rows: s.rows, newest: s.newest, oldest: s.oldest })),
          normalization: engine.normalization.map((n) => ({ feature: n.feature, column: n.column, share: n.share, mapped: n.mapped, total: n.total, unmapped: n.unmapped })),
          population: populationMetrics(result),
        }
      : null,
    pages: [],
    schemes: Object.entries(config?.schemes ?? {}).map(([id, scheme]) => {
      const metrics = engine?.schemes.find((m) => m.scheme === id);
      const rest = metrics?.segments.find((m) => m.segment === null);
      return {
        id,
        label: scheme.label,
        description: scheme.description ?? null,
        exclusive: scheme.exclusive,
        segments: segmentList.filter((s) => s.scheme === id).map((s) => s.id),
        unassigned: metrics ? { count: rest?.count ?? 0, share: finite(rest?.share) ?? 0 } : null,
        overlaps: Object.entries(metrics?.overlap ?? {}).map(([pair, count]) => {
          const [a = "", b = ""] = pair.split("|");
          return { a, b, count };
        }),
        chart: null,
      };
    }),
    segments: Object.fromEntries(segmentList.map((s) => [s.id, s])),
    segmentOrder: segmentList.map((s) => s.id),
    briefs: Object.fromEntries(segmentList.map((s) => [s.id, buildBrief(s, personas, `${config?.goals.scope.unit ?? "account"}s`)])),
    personas,
    personaGroups: groupPersonas(segmentList, personas),
    prioritization: buildPrioritization(result, segmentList) ?? null,
    hypotheses: buildHypotheses(result),
    reviews: buildReviews(result),
    clusters: buildClusters(result, options.clusters ?? clusterInput(result)),
    changes: buildChanges(options.history, {
      schemeLabels: new Map(Object.entries(config?.schemes ?? {}).map(([id, scheme]) => [id, scheme.label])),
      segments: new Map(segmentList.map((s) => [`${s.scheme}/${s.id}`, { name: s.segment.name, url: s.url }])),
    }),
    impact: buildImpact(impactInput(result), {
      schemeLabels: new Map(Object.entries(config?.schemes ?? {}).map(([id, scheme]) => [id, scheme.label])),
      segments: new Map(segmentList.map((s) => [`${s.scheme}/${s.id}`, { name: s.segment.name, url: s.url, members: s.size?.count ?? null }])),
    }),
    health: buildHealth(result, segmentList, personas),
    rules: buildRules(ruleRegistry, config),
    dictionary: buildDictionary(result, segmentList),
    metrics: Object.fromEntries(
      segmentList.map((s) => {
        const m = engine?.schemes.find((x) => x.scheme === s.scheme)?.segments.find((x) => x.segment === s.id);
        return [s.id, metricValues(m, priorityRows.get(s.id), config, engine !== undefined)];
      }),
    ),
    charts: {},
    search: [],
    script: clientScript(),
  };
  model.pages = sitePages(model);
  model.charts = await renderSiteCharts(model, options.charts);
  const bodies = new Map([...result.workspace.personas, ...result.workspace.reviews].map((d) => [d.file.path, plainText(d.body?.text ?? "")]));
  model.search = buildSearchIndex(model, bodies);
  return model;
}

function sitePages(model: SiteModel): SitePage[] {
  return [
    { title: "Overview", url: "/", description: "Goals, segments at a glance, health and data as of the analysis date." },
    { title: "Segments", url: "/segments/", description: "Every segment with its size, value, priority and validation." },
    { title: "Personas", url: "/personas/", description: "Enterprise and buyer personas by segment and buying-team role." },
    ...(model.prioritization ? [{ title: "Prioritization", url: "/prioritization/", description: "Weighted scores, lenses, sensitivity, value × potential and the plan of attack." }] : []),
    { title: "Clusters", url: "/clusters/", description: "Statistical clusters: choice of k, profiles and agreement with the rule-based segments." },
    { title: "Changes", url: "/changes/", description: "Segment sizes, k and agreement over the committed versions of the lock, and what moved members." },
    ...(model.impact.status !== "not-configured" ? [{ title: "Impact", url: "/impact/", description: "Each segment's KPIs and metrics before and after the launch date, against everyone else's change." }] : []),
    { title: "Hypotheses", url: "/hypotheses/", description: "Testable statements and what the data says about them." },
    { title: "Data", url: "/data/", description: "Every data source and feature: files, rows, dates, columns, formulas, coverage and where each is used." },
    { title: "Health", url: "/health/", description: "Findings, reviews due, data freshness and suppressions." },
    { title: "Reviews", url: "/reviews/", description: "Dated review notes, decisions and frontline feedback." },
    { title: "Rules", url: "/rules/", description: "The anti-pattern rules Seg checks, with examples." },
    { title: "Method", url: "/method/", description: "Segments, personas and ICPs; how segments are found, validated and prioritized." },
  ];
}
