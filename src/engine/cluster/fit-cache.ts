/**
 * k-means is deterministic for a seed, so a fit depends only on the matrix it
 * is fitted on and the settings. Remembering fits by that content lets a warm
 * `seg check` skip the k search when nothing that feeds it changed. Where the
 * fits are kept is the caller's choice (a file beside the workspace, memory).
 */
import { createHash } from "node:crypto";
import type { Clustering } from "../../schema/clustering.ts";
import type { KCandidate } from "./choose-k.ts";
import type { Matrix } from "./matrix.ts";

export interface FitCache {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface CachedFit {
  k: number;
  candidates: KCandidate[];
  /** Centroids in transformed space, largest cluster first. */
  points: number[][];
  /** Cluster of each fitted row, in the same order. */
  labels: number[];
}

export function fitKey(matrix: Matrix, clustering: Clustering, settings: Record<string, unknown>): string {
  const hash = createHash("sha256");
  hash.update(new Uint8Array(matrix.data.buffer, matrix.data.byteOffset, matrix.data.byteLength));
  hash.update(JSON.stringify({ n: matrix.n, d: matrix.d, k: clustering.k, seed: clustering.seed, transform: clustering.transform, ...settings }));
  return hash.digest("hex");
}

export function isCachedFit(value: unknown): value is CachedFit {
  const v = value as CachedFit | undefined;
  return !!v && typeof v.k === "number" && Array.isArray(v.candidates) && Array.isArray(v.points) && Array.isArray(v.labels);
}
