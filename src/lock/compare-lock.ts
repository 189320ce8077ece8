/**
 * Compare the lock on disk with a fresh recompute and say, in words, what
 * changed: the as-of date, a data file, a section of segmentation.yaml, a
 * segment's definition, a weight, and the resulting counts.
 */
import type { Lock } from "./lock.ts";
import { stableJson } from "./stable-json.ts";

export interface LockChange {
  /** What changed, one sentence with the numbers. */
  message: string;
  /** Where to point: a segment file or a path in segmentation.yaml. */
  target?: { segment: string } | { configPath: (string | number)[] };
}

export function compareLocks(stored: Lock, fresh: Lock): LockChange[] {
  if (stableJson(stored) === stableJson(fresh)) return [];
  const changes: LockChange[] = [];
  if (stored.asOf !== fresh.asOf) changes.push({ message: `as_of changed from ${stored.asOf} to ${fresh.asOf}`, target: { configPath: ["as_of"] } });
  for (const [name, input] of Object.entries(fresh.inputs)) {
    const before = stored.inputs[name];
    if (!before) changes.push({ message: `source "${name}" is new`, target: { configPath: ["sources", name] } });
    else if (before.sha256 !== input.sha256 || before.path !== input.path) {
      const rows = before.rows !== input.rows ? ` (rows ${before.rows} → ${input.rows})` : " (same row count, different content)";
      const data = input.path !== undefined ? `data file ${input.path}` : `table ${input.table}`;
      changes.push({ message: `${data} of source "${name}" changed${rows}`, target: { configPath: ["sources", name, input.path !== undefined ? "path" : "table"] } });
    }
  }
  for (const name of Object.keys(stored.inputs)) if (!fresh.inputs[name]) changes.push({ message: `source "${name}" was removed`, target: { configPath: ["sources"] } });
  for (const [part, hash] of Object.entries(fresh.hashes.config)) {
    if (stored.hashes.config[part] === hash) continue;
    if (part === "prioritization" && stored.prioritization && fresh.prioritization) {
      const weights = Object.keys({ ...stored.prioritization.weights, ...fresh.prioritization.weights })
        .filter((f) => stored.prioritization!.weights[f] !== fresh.prioritization!.weights[f])
        .map((f) => `${f} ${stored.prioritization!.weights[f] ?? "—"} → ${fresh.prioritization!.weights[f] ?? "—"}`);
      if (weights.length > 0) {
        changes.push({ message: `prioritization weights changed: ${weights.join(", ")}`, target: { configPath: ["prioritization", "factors"] } });
        continue;
      }
    }
    changes.push({ message: `the ${part.replace("_", " ")} section of segmentation.yaml changed`, target: { configPath: [part] } });
  }
  const countChange = (segment: string): string => {
    const [scheme, id] = segment.split("/") as [string, string];
    const before = stored.schemes[scheme]?.segments[id];
    const after = fresh.schemes[scheme]?.segments[id];
    return before && after && before.count !== after.count ? `; it now has ${after.count} members (lock: ${before.count})` : "";
  };
  const redefined = new Set<string>();
  for (const [segment, hash] of Object.entries(fresh.hashes.segments)) {
    const before = stored.hashes.segments[segment];
    if (before === undefined) changes.push({ message: `segment ${segment} is new`, target: { segment } });
    else if (before !== hash) changes.push({ message: `segment ${segment} changed (definition, order, status or scores)${countChange(segment)}`, target: { segment } });
    if (before !== hash) redefined.add(segment);
  }
  for (const segment of Object.keys(stored.hashes.segments)) if (!(segment in fresh.hashes.segments)) changes.push({ message: `segment ${segment} was removed` });
  for (const [scheme, result] of Object.entries(fresh.schemes)) {
    for (const id of Object.keys(result.segments)) {
      const segment = `${scheme}/${id}`;
      const change = countChange(segment);
      if (change && !redefined.has(segment)) changes.push({ message: `${segment}${change.replace(/^; it /, " ")}`, target: { segment } });
    }
  }
  if (changes.length === 0) changes.push({ message: stored.tool !== fresh.tool ? `the lock was written by ${stored.tool}; this is ${fresh.tool} and computes different results` : "recomputed results differ from the lock" });
  return changes;
}
