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
    const named = p.order.slice(0, count).filter((j, i) => i < 1 || Math.abs(p.z[j]!) >= SECOND_FEATURE_Z || count > 2);
    return { name: named.map((j, i) => phrase(p.z, j, i === 0)).join(", "), namedBy: named };
  };

  const chosen = profiles.map((p) => nameWith(p, 2));
  // Lengthen clashing names with further features, most extreme first.
  for (let count = 3; count <= input.features.length; count++) {
    const clashes = duplicates(chosen.map((c) => c.name));
    if (clashes.size === 0) break;
    chosen.forEach((c, i) => {
      if (clashes.has(c.name) && c.namedBy.length > 0) chosen[i] = nameWith(profiles[i]!, count);
    });
  }
  const seen = new Map<string, number>();
  return chosen.map((c, i) => {
    const count = (seen.get(c.name) ?? 0) + 1;
    seen.set(c.name, count);
    return { name: count === 1 ? c.name : `${c.name} (${count})`, z: profiles[i]!.z, namedBy: c.namedBy.map((j) => input.features[j]!) };
  });
}

function duplicates(names: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const out = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) out.add(name);
    seen.add(name);
  }
  return out;
}
