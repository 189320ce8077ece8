/**
 * Page data for the clusters page, from the engine's clustering result when
 * there is one: how k was chosen (silhouette and elbow), the centroid
 * profiles, agreement with the rule-based segments, stability against the
 * lock, and the outliers set aside. Without clustering in segmentation.yaml the
 * page says so; with clustering configured but no result, it says that.
 */
import type { CheckResult } from "../../api/check.ts";
import type { SchemeClusterAgreement } from "../../engine/cluster/cluster-agreement.ts";
import type { ClusteringProblem, ClusteringResult } from "../../engine/cluster/run-clustering.ts";
import type { KCandidateRow } from "../charts/k-silhouette.ts";

/** What the engine provides; `data.clusters` is read through `clusterInput`. */
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
      outliers: { members: number; listed: { memberId: string; features: string[] }[]; total: number };
      agreement: { scheme: string; schemeLabel: string; ari: number | null; members: number; overlapping: number; rows: string[]; columns: string[]; counts: number[][] } | null;
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
    outliers: { members: c.outlierMembers, total: c.outliers.length, listed: c.outliers.slice(0, LISTED_OUTLIERS).map((o) => ({ memberId: String(o.memberId), features: o.features })) },
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
        }
      : null,
    stability: c.stability ? { ari: c.stability.ari, sameIdShare: c.stability.sameIdShare, retired: c.stability.retired } : null,
    recommendations: c.recommendations,
    segments: result.workspace.segments.flatMap((s) => ("cluster" in s.value.definition ? [{ id: s.value.id, name: s.value.name, url: `/segments/${s.value.id}/`, cluster: s.value.definition.cluster }] : [])),
    charts: { silhouette: null, elbow: null, profiles: null, agreement: null },
  };
}

/**
 * Read the engine's clustering output from the check result. The engine adds
 * it as `data.clusters`; until it does (or when clustering did not run) this
 * returns undefined and the page explains why.
 */
export function clusterInput(result: CheckResult): ClustersInput | undefined {
  const raw = (result.data as { clusters?: unknown } | undefined)?.clusters;
  if (!raw || typeof raw !== "object") return undefined;
  const value = raw as Partial<ClustersInput> & Partial<ClusteringResult | ClusteringProblem> & { result?: ClusteringResult | ClusteringProblem; agreement?: SchemeClusterAgreement | null };
  const clustering = value.clustering ?? value.result ?? ("status" in value ? (value as ClusteringResult | ClusteringProblem) : undefined);
  if (!clustering || (clustering.status !== "fitted" && clustering.status !== "problem")) return undefined;
  return { clustering, agreement: value.agreement ?? null };
}
