/**
 * Descriptive cluster names from the centroid profile: each feature's centroid
 * value as a z-score against the whole population (original units), then the
 * one or two most extreme features, e.g. "High active days, high workflow runs"
 * or "Low tickets". Names are unique: a clash takes the next most extreme
 * feature, and a clash that remains a number ("… (2)").
 */

/** A second feature joins the name when its |z| is at least this. */
export const SECOND_FEATURE_Z = 0.5;
/** Below this |z| on every feature, a cluster is "Typical". */
export const TYPICAL_Z = 0.25;

export interface NameInput {
  features: readonly string[];
  /** Centroids in original units, one per cluster. */
  centroids: readonly (readonly number[])[];
  /** Population mean and standard deviation per feature (original units). */
  means: readonly number[];
  sds: readonly number[];
  /** Display labels by feature name (default: the name with _ as spaces). */
  labels?: Readonly<Record<string, string>>;
}

export interface ClusterProfile {
  name: string;
  /** z-score of the centroid per feature, in feature order. */
  z: number[];
  /** Features named, most extreme first. */
  namedBy: string[];
}

export function nameClusters(input: NameInput): ClusterProfile[] {
  const label = (feature: string) => input.labels?.[feature] ?? feature.replaceAll("_", " ");
  const profiles = input.centroids.map((centroid) => {
    const z = centroid.map((value, j) => (input.sds[j]! > 0 ? (value - input.means[j]!) / input.sds[j]! : 0));
    const order = z.map((_, j) => j).sort((a, b) => Math.abs(z[b]!) - Math.abs(z[a]!) || a - b);
    return { z, order };
  });
  const phrase = (z: number[], j: number, first: boolean) => `${z[j]! > 0 ? (first ? "High" : "high") : first ? "Low" : "low"} ${label(input.features[j]!)}`;
  const nameWith = (p: { z: number[]; order: number[] }, count: number): { name: string; namedBy: number[] } => {
    if (Math.abs(p.z[p.order[0]!]!) < TYPICAL_Z) return { name: "Typical", namedBy: [] };
    // The second feature needs |z| ≥ 0.5; further ones (only to tell clusters apart) ≥ 0.25.
    const named = p.order.slice(0, count).filter((j, i) => i === 0 || Math.abs(p.z[j]!) >= (count > 2 ? TYPICAL_Z : SECOND_FEATURE_Z));
    return { name: named.map((j, i) => phrase(p.z, j, i === 0)).join(", "), namedBy: named };
  };

  const chosen = profiles.map((p) => nameWith(p, 2));
  // Lengthen clashing names with further features while that tells more of them apart.
  for (let count = 3; count <= input.features.length; count++) {
    const clashing = clashes(chosen.map((c) => c.name));
    if (clashing.length === 0) break;
    const longer = clashing.map((i) => nameWith(profiles[i]!, count));
    if (new Set(longer.map((c) => c.name)).size <= new Set(clashing.map((i) => chosen[i]!.name)).size) continue;
    clashing.forEach((i, t) => (chosen[i] = longer[t]!));
  }
  const seen = new Map<string, number>();
  return chosen.map((c, i) => {
    const count = (seen.get(c.name) ?? 0) + 1;
    seen.set(c.name, count);
    return { name: count === 1 ? c.name : `${c.name} (${count})`, z: profiles[i]!.z, namedBy: c.namedBy.map((j) => input.features[j]!) };
  });
}

/** Indices of names that occur more than once. */
function clashes(names: readonly string[]): number[] {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return names.flatMap((name, i) => (counts.get(name)! > 1 ? [i] : []));
}
