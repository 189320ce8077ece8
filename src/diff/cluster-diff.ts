/**
 * Cluster changes between two locks: k, the features, agreement with the rule
 * segments (ARI), and per stable cluster id its name, size and how far its
 * centroid moved. The distance is measured in the transformed space the
 * clusters are fitted in when both sides use the same features, else over the
 * features they share in original units.
 */
import type { Lock } from "../lock/lock.ts";

type Clusters = NonNullable<Lock["clusters"]>;
type Centroid = Clusters["centroids"][number];

export interface ClusterChange {
  id: string;
  base: { name: string; size: number; share: number } | null;
  head: { name: string; size: number; share: number } | null;
  /** Centroid distance; null when the cluster exists on one side only. */
  shift: number | null;
}

export interface ClusterDiff {
  k: { base: number | null; head: number | null };
  ari: { base: number | null; head: number | null };
  features: { added: string[]; removed: string[] };
  clusters: ClusterChange[];
}

export function diffClusters(base: Lock["clusters"] | undefined, head: Lock["clusters"] | undefined): ClusterDiff | null {
  if (!base && !head) return null;
  const before = new Map((base?.centroids ?? []).map((c) => [c.id, c]));
  const after = new Map((head?.centroids ?? []).map((c) => [c.id, c]));
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  const sameFeatures = base !== null && base !== undefined && head !== null && head !== undefined && base.features.join("\u0000") === head.features.join("\u0000");
  const shared = (base?.features ?? []).filter((f) => head?.features.includes(f));
  const distance = (a: Centroid, b: Centroid): number | null => {
    if (sameFeatures && a.transformed.length === b.transformed.length) return Math.hypot(...a.transformed.map((x, i) => x - b.transformed[i]!));
    return shared.length > 0 ? Math.hypot(...shared.map((f) => (a.centroid[f] ?? 0) - (b.centroid[f] ?? 0))) : null;
  };
  const summary = (c: Centroid | undefined) => (c ? { name: c.name, size: c.size, share: c.share } : null);
  return {
    k: { base: base?.k ?? null, head: head?.k ?? null },
    ari: { base: base?.ari ?? null, head: head?.ari ?? null },
    features: {
      added: (head?.features ?? []).filter((f) => !base?.features.includes(f)),
      removed: (base?.features ?? []).filter((f) => !head?.features.includes(f)),
    },
    clusters: ids.map((id) => {
      const b = before.get(id);
      const a = after.get(id);
      return { id, base: summary(b), head: summary(a), shift: a && b ? distance(b, a) : null };
    }),
  };
}

export function clustersChanged(diff: ClusterDiff | null): boolean {
  if (!diff) return false;
  if (diff.k.base !== diff.k.head || diff.ari.base !== diff.ari.head || diff.features.added.length > 0 || diff.features.removed.length > 0) return true;
  return diff.clusters.some((c) => !c.base || !c.head || c.base.name !== c.head.name || c.base.size !== c.head.size || (c.shift ?? 0) > 1e-9);
}
