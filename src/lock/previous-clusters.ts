/** The clusters of a lock in the form the clustering step matches new centroids against. */
import type { PreviousClusters } from "../engine/cluster/stable-ids.ts";
import type { Lock } from "./lock.ts";

export function previousClustersOf(lock: Lock): PreviousClusters | undefined {
  if (!lock.clusters) return undefined;
  const features = lock.clusters.features;
  return { features: [...features], clusters: lock.clusters.centroids.map((c) => ({ id: c.id, name: c.name, centroid: features.map((f) => c.centroid[f] ?? 0) })) };
}
