/**
 * Cluster ids that survive a re-run. k-means numbers its clusters arbitrarily,
 * so each new centroid is matched to a centroid of the previous lock: the
 * pairing with the minimum total distance (Hungarian algorithm; greedy nearest
 * pairs can steal a cluster's match), measured in the current transformed space.
 * Matched clusters keep their ids; unmatched ones get fresh ids numbered past
 * every previous id, so a retired id is never reused for a different cluster.
 */
import { minimumCostAssignment } from "./hungarian.ts";
import { transformPoint, type FittedTransform } from "./transform.ts";

export const CLUSTER_ID_PREFIX = "cluster-";

export interface PreviousCluster {
  id: string;
  name: string;
  /** Original feature units, in the order of `PreviousClusters.features`. */
  centroid: number[];
}

export interface PreviousClusters {
  features: string[];
  clusters: PreviousCluster[];
}

export interface ClusterMatch {
  id: string;
  /** The previous cluster it continues, or null for a new one. */
  previousId: string | null;
  previousName: string | null;
  /** Euclidean distance to that previous centroid, in transformed space. */
  distance: number | null;
}

export interface StableIds {
  /** One per current cluster, in the given order. */
  matches: ClusterMatch[];
  /** Previous clusters with no current match. */
  retired: string[];
}

/**
 * Ids for the current centroids (transformed space). Without a usable previous
 * lock (none, or other features) the ids are cluster-1 … cluster-k in order.
 */
export function stableClusterIds(centroids: readonly (readonly number[])[], transform: FittedTransform, previous: PreviousClusters | undefined): StableIds {
  const previousCentroids = previous ? previousInCurrentSpace(previous, transform) : null;
  if (!previous || !previousCentroids) {
    return { matches: centroids.map((_, c) => ({ id: `${CLUSTER_ID_PREFIX}${c + 1}`, previousId: null, previousName: null, distance: null })), retired: [] };
  }
  const cost = centroids.map((centroid) => previousCentroids.map((p) => euclidean(centroid, p)));
  const pairing = minimumCostAssignment(cost);
  let next = Math.max(0, ...previous.clusters.map((p) => idNumber(p.id) ?? 0)) + 1;
  const taken = new Set(previous.clusters.map((p) => p.id));
  const matches = pairing.map((p, c): ClusterMatch => {
    if (p >= 0) {
      const match = previous.clusters[p]!;
      return { id: match.id, previousId: match.id, previousName: match.name, distance: cost[c]![p]! };
    }
    while (taken.has(`${CLUSTER_ID_PREFIX}${next}`)) next++;
    const id = `${CLUSTER_ID_PREFIX}${next++}`;
    taken.add(id);
    return { id, previousId: null, previousName: null, distance: null };
  });
  const kept = new Set(matches.map((m) => m.previousId));
  return { matches, retired: previous.clusters.filter((p) => !kept.has(p.id)).map((p) => p.id) };
}

/** The previous centroids in the current transformed space, or null when the features differ or a centroid cannot be transformed. */
export function previousInCurrentSpace(previous: PreviousClusters, transform: FittedTransform): number[][] | null {
  const { features } = transform;
  if (previous.features.length !== features.length || !features.every((f) => previous.features.includes(f))) return null;
  const order = features.map((f) => previous.features.indexOf(f));
  const log1p = transform.steps.some((s) => s.kind === "log1p");
  const points: number[][] = [];
  for (const cluster of previous.clusters) {
    const point = order.map((j) => cluster.centroid[j]!);
    if (point.some((v) => !Number.isFinite(v) || (log1p && v < 0))) return null;
    points.push(transformPoint(transform, point));
  }
  return points;
}

function idNumber(id: string): number | null {
  const match = /^cluster-(\d+)$/.exec(id);
  return match ? Number(match[1]) : null;
}

function euclidean(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += (a[j]! - b[j]!) ** 2;
  return Math.sqrt(s);
}
