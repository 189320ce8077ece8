/**
 * The clustering step of the engine, from the `features` table to the
 * `clusters` table: read the clustering features (a deterministic sample when
 * large), transform them, set outliers aside, fit k-means for every k in the
 * declared range and choose k by silhouette, keep cluster ids stable against the
 * previous lock, name the clusters by their profile, and assign every member to
 * its nearest centroid in SQL.
 *
 * Data that cannot be clustered as declared (log1p over negative values, too
 * few members for the k range) is returned as a problem, not thrown.
 */
import type { Clustering } from "../../schema/clustering.ts";
import type { Database } from "../duckdb.ts";
import { assignClustersSql, CLUSTERS, type AssignmentModel } from "./assign-sql.ts";
import type { KCandidate } from "./choose-k.ts";
import { chooseKInParallel } from "./choose-k-parallel.ts";
import { fitKey, isCachedFit, type CachedFit, type FitCache } from "./fit-cache.ts";
import { summarizeFeatures } from "./feature-summary.ts";
import { lockAgreement, type LockAgreement } from "./lock-agreement.ts";
import { selectRows, type Matrix } from "./matrix.ts";
import { nameClusters } from "./name-clusters.ts";
import { findOutliers, tukeyFences, type Fence, type Outlier } from "./outliers.ts";
import { readDrawnSample, readMatrix, type DrawnSample, type FeatureMatrix } from "./read-matrix.ts";
import { silhouetteRows } from "./silhouette.ts";
import { featureSkewness, type FeatureSkewness } from "./skewness.ts";
import { previousInCurrentSpace, stableClusterIds, type PreviousClusters } from "./stable-ids.ts";
import { fitTransform, invertPoint, log1pProblem, type FittedTransform } from "./transform.ts";

export interface ClusteringOptions {
  /** The clusters of the previous lock, to keep ids stable. */
  previous?: PreviousClusters;
  /** Display labels of features, for cluster names. */
  featureLabels?: Record<string, string>;
  /** k-means initializations per k (default 10). */
  nInit?: number;
  /** Rows the silhouette is computed on (default 3,000). */
  silhouetteSample?: number;
  /** Remembers fits by the content they were fitted on (warm re-runs skip the k search). */
  cache?: FitCache;
  /** Threads the k search may use (default: all cores); the result does not depend on it. */
  threads?: number;
  /** Names each step as it starts, for a profile: the sample read, the fit, the assignment of every member. */
  step?: (name: "clustering sample" | "clustering fit" | "assignment") => void;
  /**
   * The fit's rows as a warehouse drew them, when the features table holds only the members a command asked for
   * (seg explain): the fit is the one every member's table gives, and only those members are assigned (sizes count them).
   */
  drawn?: DrawnSample;
  /**
   * Assigns every member to the fitted model elsewhere (a warehouse: warehouse/warehouse-aggregates.ts) and returns
   * the clusters' sizes; without it, or when it returns none, the clusters table is built in the database from its
   * features table (assign-sql.ts).
   */
  assign?: (model: AssignmentModel) => Promise<ClusterSizes | undefined>;
}

/** Members assigned to each cluster id (outliers included), and how many of them are outliers. */
export interface ClusterSizes {
  byId: Map<string, number>;
  outliers: number;
}

export interface ClusterSummary {
  id: string;
  name: string;
  /** Members assigned in SQL (the whole population, outliers included). */
  size: number;
  /** size / members with complete features. */
  share: number;
  /** Centroid in transformed space (what k-means fitted). */
  centroid: number[];
  /** The same centroid in original feature units. */
  centroidOriginal: number[];
  /** z-score of the centroid against the fitted members (original units), per feature. */
  z: number[];
  /** Features the name was made from. */
  namedBy: string[];
  /** Previous-lock cluster this one continues, and how far its centroid moved (transformed space). */
  previousId: string | null;
  previousName: string | null;
  moved: number | null;
}

export interface ClusteringResult {
  status: "fitted";
  features: string[];
  transform: FittedTransform;
  k: number;
  /** Inertia and silhouette for every k tried (elbow and silhouette charts). */
  candidates: KCandidate[];
  /** Largest first in the fitted rows (sizes here count every member, so near-ties may differ). */
  clusters: ClusterSummary[];
  /** Members in the features table. */
  members: number;
  /** Members left out for a missing or non-finite feature (not assigned either). */
  incomplete: number;
  /** True when k-means was fitted on a sample. */
  sampled: boolean;
  /** Rows k-means was fitted on (sample minus outliers). */
  fitted: number;
  /** Rows the silhouette of every k was computed on: `of` (the fitted rows) when exact, a seeded sample of `rows` when fewer. */
  silhouetteSample: { rows: number; of: number };
  /** Outliers of the fitting rows, left out of fitting (assigned all the same). */
  outliers: Outlier[];
  /** Members of the whole population outside the fences of two or more features. */
  outlierMembers: number;
  fences: Fence[];
  skewness: FeatureSkewness[];
  /** One sentence per recommended change of transform. */
  recommendations: string[];
  /** Against the previous lock; null without one (or when its features differ). */
  stability: (LockAgreement & { retired: string[] }) | null;
}

export interface ClusteringProblem {
  status: "problem";
  code: "log1p-domain" | "too-few-members";
  message: string;
  hint: string;
  /** Where in segmentation.yaml the problem is best shown. */
  path: (string | number)[];
  /** The figures behind the message. */
  data?: Record<string, number>;
}

export async function runClustering(db: Database, clustering: Clustering, options: ClusteringOptions = {}): Promise<ClusteringResult | ClusteringProblem> {
  options.step?.("clustering sample");
  const prepared = await prepareRows(db, clustering, options.drawn);
  if ("status" in prepared) return prepared;
  const { read, transform, transformed, fences, outliers, fitRows, fitMatrix, maxK } = prepared;
  const { features, transform: names } = clustering;

  options.step?.("clustering fit");
  const chosen = await fitOrRecall(fitMatrix, clustering, maxK, options);
  const centroids = { points: chosen.points, labels: Int32Array.from(chosen.labels) };
  const stable = stableClusterIds(centroids.points, transform, options.previous);
  const originals = centroids.points.map((c) => invertPoint(transform, c));
  const reference = meansAndSds(selectRows(read.matrix, fitRows));
  const profiles = nameClusters({ features, centroids: originals, ...reference, labels: options.featureLabels });
  const ids = stable.matches.map((m) => m.id);
  options.step?.("assignment");
  const model: AssignmentModel = { transform, centroids: centroids.points, ids, names: profiles.map((p) => p.name), fences };
  const sizes = (await options.assign?.(model)) ?? (await assignHere(db, model));

  const complete = read.members - read.incomplete;
  const clusters: ClusterSummary[] = ids.map((id, c) => ({
    id,
    name: profiles[c]!.name,
    size: sizes.byId.get(id) ?? 0,
    share: complete > 0 ? (sizes.byId.get(id) ?? 0) / complete : 0,
    centroid: centroids.points[c]!,
    centroidOriginal: originals[c]!,
    z: profiles[c]!.z,
    namedBy: profiles[c]!.namedBy,
    previousId: stable.matches[c]!.previousId,
    previousName: stable.matches[c]!.previousName,
    moved: stable.matches[c]!.distance,
  }));
  const skewness = featureSkewness(read.matrix, transformed, features, names);
  return {
    status: "fitted",
    features: [...features],
    transform,
    k: chosen.k,
    candidates: chosen.candidates,
    clusters,
    members: read.members,
    incomplete: read.incomplete,
    sampled: read.sampled,
    fitted: fitMatrix.n,
    silhouetteSample: { rows: silhouetteRows(fitMatrix.n, options.silhouetteSample), of: fitMatrix.n },
    outliers,
    outlierMembers: sizes.outliers,
    fences,
    skewness,
    recommendations: skewness.filter((s) => s.recommendLog1p).map((s) => `"${s.feature}" is skewed (${s.skewness!.toFixed(2)}): list log1p first in clustering.transform.`),
    stability: stability(fitMatrix, centroids.labels, ids, transform, options.previous, stable.retired),
  };
}

/** Fit k-means for every k, or recall the fit of the same matrix and settings. */
async function fitOrRecall(fitMatrix: Matrix, clustering: Clustering, maxK: number, options: ClusteringOptions): Promise<CachedFit> {
  const key = options.cache ? fitKey(fitMatrix, clustering, { maxK, nInit: options.nInit ?? null, silhouetteSample: options.silhouetteSample ?? null }) : undefined;
  const recalled = key ? options.cache!.get(key) : undefined;
  if (isCachedFit(recalled)) return recalled;
  const chosen = await chooseKInParallel(fitMatrix, { min: clustering.k.min, max: maxK }, { seed: clustering.seed, nInit: options.nInit, silhouetteSample: options.silhouetteSample }, options.threads);
  const centroids = centroidsBySize(chosen.fit.centroids, chosen.fit.labels, chosen.k, fitMatrix.d);
  const fit: CachedFit = { k: chosen.k, candidates: chosen.candidates, points: centroids.points, labels: Array.from(centroids.labels) };
  if (key) options.cache!.set(key, fit);
  return fit;
}

interface PreparedRows {
  read: FeatureMatrix;
  transform: FittedTransform;
  /** Every read row, transformed. */
  transformed: Matrix;
  fences: Fence[];
  outliers: Outlier[];
  /** Rows of `transformed` that k-means is fitted on (not outliers). */
  fitRows: number[];
  fitMatrix: Matrix;
  /** The largest k the fitting rows allow within the declared range. */
  maxK: number;
}

/** Read, check, transform and set outliers aside; or say why the data cannot be clustered as declared. */
async function prepareRows(db: Database, clustering: Clustering, drawn: DrawnSample | undefined): Promise<PreparedRows | ClusteringProblem> {
  const { features, transform: names, seed } = clustering;
  const summary = drawn ? drawn.summary : await summarizeFeatures(db, features);
  const domain = log1pProblem(names, features, summary.map((s) => s.min));
  if (domain) {
    return { status: "problem", code: "log1p-domain", message: domain, hint: "Remove log1p from clustering.transform, or cluster on features that cannot be negative.", path: ["clustering", "transform", names.indexOf("log1p")] };
  }
  const read = drawn ? await readDrawnSample(db, features, drawn, clustering.sample) : await readMatrix(db, features, { sample: clustering.sample, seed });
  const { transform, transformed } = fitTransform(read.matrix, features, names);
  const fences = tukeyFences(transformed, features);
  const { outliers, mask } = findOutliers(transformed, read.ids, fences);
  const fitRows = [...mask.keys()].filter((i) => mask[i] === 0);
  const fitMatrix = selectRows(transformed, fitRows);
  const maxK = Math.min(clustering.k.max, fitMatrix.n - 1);
  if (maxK < clustering.k.min) {
    return {
      status: "problem",
      code: "too-few-members",
      message: `k-means with k from ${clustering.k.min} needs more than ${clustering.k.min} members with all clustering features, but ${fitMatrix.n} remain (${read.incomplete} with a missing value, ${outliers.length} outliers).`,
      hint: "Lower clustering.k.min, or fill in the missing feature values.",
      path: ["clustering", "k", "min"],
      data: { kMin: clustering.k.min, remaining: fitMatrix.n, incomplete: read.incomplete, outliers: outliers.length },
    };
  }
  return { read, transform, transformed, fences, outliers, fitRows, fitMatrix, maxK };
}

/** Centroids ordered by cluster size in the fit (largest first, then by coordinates), with labels renumbered to match. */
function centroidsBySize(flat: Float64Array, labels: Int32Array, k: number, d: number): { points: number[][]; labels: Int32Array } {
  const counts = new Array<number>(k).fill(0);
  for (const label of labels) counts[label]!++;
  const points = Array.from({ length: k }, (_, c) => Array.from(flat.subarray(c * d, c * d + d)));
  const order = points.map((_, c) => c).sort((a, b) => counts[b]! - counts[a]! || compareArrays(points[a]!, points[b]!));
  const rank = new Int32Array(k);
  order.forEach((c, r) => (rank[c] = r));
  return { points: order.map((c) => points[c]!), labels: labels.map((label) => rank[label]!) };
}

/** Mean and population standard deviation per column. */
function meansAndSds(matrix: Matrix): { means: number[]; sds: number[] } {
  const { data, n, d } = matrix;
  const means = new Array<number>(d).fill(0);
  const sds = new Array<number>(d).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) means[j]! += data[i * d + j]! / n;
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) sds[j]! += (data[i * d + j]! - means[j]!) ** 2 / n;
  return { means, sds: sds.map(Math.sqrt) };
}

function compareArrays(a: readonly number[], b: readonly number[]): number {
  for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return a[j]! - b[j]!;
  return 0;
}

async function assignHere(db: Database, model: AssignmentModel): Promise<ClusterSizes> {
  await db.run(assignClustersSql(model));
  const rows = await db.all(`SELECT cluster_id, count(*) AS size, count(*) FILTER (WHERE outlier) AS outliers FROM ${CLUSTERS} WHERE cluster_id IS NOT NULL GROUP BY cluster_id ORDER BY cluster_id`);
  return { byId: new Map(rows.map((r) => [String(r.cluster_id), Number(r.size)])), outliers: rows.reduce((s, r) => s + Number(r.outliers), 0) };
}

function stability(fitMatrix: Matrix, labels: Int32Array, ids: string[], transform: FittedTransform, previous: PreviousClusters | undefined, retired: string[]): ClusteringResult["stability"] {
  if (!previous) return null;
  const points = previousInCurrentSpace(previous, transform);
  if (!points) return null;
  return { ...lockAgreement(fitMatrix, labels, ids, points, previous.clusters.map((p) => p.id)), retired };
}
