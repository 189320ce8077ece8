/**
 * Hashes of what results depend on, one per part, so a stale lock can say what
 * changed: each section of segmentation.yaml that feeds the computation, and
 * each segment's status, order, definition and scores. Prose (summaries, GTM,
 * personas) does not affect the lock.
 */
import { createHash } from "node:crypto";
import type { Config } from "../schema/config.ts";
import type { LoadedSegment } from "../workspace/workspace.ts";
import { stableJson } from "./stable-json.ts";

export const CONFIG_PARTS = ["sources", "features", "rfm", "value_tiers", "metrics", "schemes", "clustering", "prioritization", "thresholds"] as const;

export function hashOf(value: unknown): string {
  return createHash("sha256").update(stableJson(value ?? null)).digest("hex").slice(0, 16);
}

export function definitionHashes(config: Config, segments: readonly LoadedSegment[]): { config: Record<string, string>; segments: Record<string, string> } {
  const configHashes: Record<string, string> = {};
  for (const part of CONFIG_PARTS) configHashes[part] = hashOf(stripDescriptions(config[part]));
  const segmentHashes: Record<string, string> = {};
  for (const s of segments) {
    segmentHashes[`${s.scheme}/${s.value.id}`] = hashOf({ status: s.value.status, order: s.value.order ?? null, definition: s.value.definition, scores: s.value.scores ?? null });
  }
  return { config: configHashes, segments: segmentHashes };
}

/**
 * Descriptions and labels are prose, freshness thresholds (sources) say when to
 * refresh the data, and max_missing_share (thresholds) when to warn about
 * missing values: editing them does not change results.
 */
const NOT_RESULTS = new Set(["description", "label", "freshness", "max_missing_share"]);

function stripDescriptions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripDescriptions);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) if (!NOT_RESULTS.has(key)) out[key] = stripDescriptions(v);
    return out;
  }
  return value;
}
