/**
 * Page data for the clusters page, from the engine's clustering result when
 * there is one: how k was chosen (silhouette and inertia for every k), the
 * sizes and centroid profiles, the members set aside and why, the skewness of
 * each feature with the log-transform recommendation, agreement with the
 * rule-based segments (contingency table and adjusted Rand index), and
 * stability against the lock. Without clustering in segmentation.yaml the page
 * says so; with clustering configured but no result (no data recomputed), it
 * says that.
 *
 * The contract with the engine is typed end to end: `clusterInput` takes
 * `EngineResult["clustering"]` from the check result as it is.
 */
import type { CheckResult } from "../../lint/check-result.ts";
import type { SchemeClusterAgreement } from "../../engine/cluster/cluster-agreement.ts";
import { OUTLIER_MIN_FEATURES } from "../../engine/cluster/outliers.ts";
import type { ClusteringProblem, ClusteringResult } from "../../engine/cluster/run-clustering.ts";
import type { KCandidateRow } from "../charts/k-curve.ts";

/** What the engine provides (`data.engine.clustering`), read through `clusterInput`. */
export interface ClustersInput {
  clustering: ClusteringResult | ClusteringProblem;
  agreement: SchemeClusterAgreement | null;
}

export type ClustersPage =
  /** `example`: a clustering section written for this workspace (its first scheme, up to three numeric features). */
  | { status: "not-configured"; example: { scheme: string | undefined; features: string[] } }
  | { status: "not-computed"; features: string[] }
  | { status: "problem"; features: string[]; message: string; hint: string }
  | {
      status: "fitted";
      features: string[];
      transform: string[];
      k: number;
      kRange: { min: number; max: number };
      candidates: KCandidateRow[];
      clusters: { id: string; name: string; size: number; share: number; z: number[]; original: number[]; namedBy: string[]; previousName: string | null }[];
      members: number;
      incomplete: number;
      sampled: boolean;
      fitted: number;
      /** Rows the silhouettes were computed on: a seeded sample when `rows` < `of` (the fitted rows). */
      silhouetteSample: { rows: number; of: number };
      outliers: { members: number; listed: { memberId: string; features: string[] }[]; total: number; byFeature: { feature: string; count: number }[] };
      /** Members kept out of fitting, one row per reason (counts from the engine result). */
      setAside: { reason: string; count: number; assigned: boolean }[];
      /** Skewness per feature before and after the transform, and whether log1p is recommended. */
      skewness: { feature: string; skewness: number | null; transformedSkewness: number | null; recommendLog1p: boolean }[];
      /** True when the declared transform already takes log1p. */
      logApplied: boolean;
      agreement: { scheme: string; schemeLabel: string; ari: number | null; members: number; overlapping: number; rows: string[]; columns: string[]; counts: number[][]; rowTotals: number[]; columnTotals: number[] } | null;
      stability: { ari: number | null; sameIdShare: number | null; retired: string[] } | null;
      recommendations: string[];
      /** Segments defined as a cluster. */
      segments: { id: string; name: string; url: string; cluster: string }[];
      charts: { silhouette: string | null; elbow: string | null; profiles: string | null; agreement: string | null };
    };

const LISTED_OUTLIERS = 50;

export function buildClusters(result: CheckResult, input: ClustersInput | undefined): ClustersPage {
  const config = result.workspace.config?.value;
  const clustering = config?.clustering;
  if (!clustering) {
    const numeric = [...result.catalog.values()].filter((entry) => entry.type === "number" && entry.origin !== "column").map((entry) => entry.name);
    const fallback = [...result.catalog.values()].filter((entry) => entry.type === "number").map((entry) => entry.name);
    return { status: "not-configured", example: { scheme: Object.keys(config?.schemes ?? {})[0], features: (numeric.length >= 2 ? numeric : fallback).slice(0, 3) } };
  }
  if (!input) return { status: "not-computed", features: clustering.features };
  const c = input.clustering;
  if (c.status === "problem") return { status: "problem", features: clustering.features, message: c.message, hint: c.hint };
  const names = new Map(c.clusters.map((x) => [x.id, x.name]));
  const scheme = input.agreement?.scheme ?? clustering.scheme;
  return {
    status: "fitted",
    features: c.features,
    transform: clustering.transform,
    k: c.k,
    kRange: clustering.k,
    candidates: c.candidates.map((k) => ({ k: k.k, inertia: k.inertia, silhouette: k.silhouette, chosen: k.k === c.k })),
    clusters: c.clusters.map((x) => ({ id: x.id, name: x.name, size: x.size, share: x.share, z: x.z, original: x.centroidOriginal, namedBy: x.namedBy, previousName: x.previousName })),
    members: c.members,
    incomplete: c.incomplete,
    sampled: c.sampled,
    fitted: c.fitted,
    silhouetteSample: c.silhouetteSample,
    outliers: {
      members: c.outlierMembers,
      total: c.outliers.length,
      listed: c.outliers.slice(0, LISTED_OUTLIERS).map((o) => ({ memberId: String(o.memberId), features: o.features })),
      byFeature: c.features.map((feature) => ({ feature, count: c.outliers.filter((o) => o.features.includes(feature)).length })),
    },
    setAside: [
      { reason: "A clustering feature is missing or not a finite number", count: c.incomplete, assigned: false },
      { reason: `Outside Tukey's fences on ${OUTLIER_MIN_FEATURES} or more features${c.sampled ? " (counted in the whole population; the fit used a sample)" : ""}`, count: c.outlierMembers, assigned: true },
    ],
    skewness: c.skewness.map((s) => ({ feature: s.feature, skewness: s.skewness, transformedSkewness: s.transformedSkewness, recommendLog1p: s.recommendLog1p })),
    logApplied: clustering.transform.includes("log1p"),
    agreement: input.agreement
      ? {
          scheme: input.agreement.scheme,
          schemeLabel: (scheme && config?.schemes[scheme]?.label) ?? input.agreement.scheme,
          ari: input.agreement.ari,
          members: input.agreement.members,
          overlapping: input.agreement.overlapping,
          rows: input.agreement.table.rows.map((r) => result.workspace.segments.find((s) => s.value.id === r)?.value.name ?? r),
          columns: input.agreement.table.columns.map((id) => names.get(id) ?? id),
          counts: input.agreement.table.counts,
          rowTotals: input.agreement.table.counts.map((row) => row.reduce((a, b) => a + b, 0)),
          columnTotals: input.agreement.table.columns.map((_, j) => input.agreement!.table.counts.reduce((sum, row) => sum + (row[j] ?? 0), 0)),
        }
      : null,
    stability: c.stability ? { ari: c.stability.ari, sameIdShare: c.stability.sameIdShare, retired: c.stability.retired } : null,
    recommendations: c.recommendations,
    segments: result.workspace.segments.flatMap((s) => ("cluster" in s.value.definition ? [{ id: s.value.id, name: s.value.name, url: `/segments/${s.value.id}/`, cluster: s.value.definition.cluster }] : [])),
    charts: { silhouette: null, elbow: null, profiles: null, agreement: null },
  };
}

/**
 * The engine's clustering output as the check result carries it: the fitted
 * model with its agreement with the clustering scheme. Undefined when the
 * data was not recomputed or clustering is not configured.
 */
export function clusterInput(result: CheckResult): ClustersInput | undefined {
  const clustering = result.data?.engine.clustering;
  if (!clustering) return undefined;
  const { agreement, ...fitted } = clustering;
  return { clustering: fitted, agreement: agreement ?? null };
}
