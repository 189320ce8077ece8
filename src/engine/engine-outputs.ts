/**
 * What a recompute produces beyond what every run does. Every run loads the
 * sources, builds the features table, clusters and assigns memberships: all
 * that `seg explain` and `seg export` read. A command declares the outputs it
 * reads on top of that and the engine computes only those; a result it did not
 * ask for is left empty.
 */
export type EngineOutput =
  /** Segment sizes, shares, values and measures per scheme; the clusters' agreement with the scheme. */
  | "metrics"
  /** Hypotheses, IDSAA verdicts, normalization and feature coverage, value labels (they read the metrics). */
  | "findings"
  /** Before/after each launch (impact/measure-impact.ts), the costliest: features rebuilt as of each launch day. */
  | "impact";

/** What `seg check`, `seg lock` and `seg diff` read: everything. */
export const EVERY_OUTPUT: ReadonlySet<EngineOutput> = new Set(["metrics", "findings", "impact"]);

/** What `seg explain` and `seg export` read: the features table and memberships only. */
export const MEMBERSHIPS_ONLY: ReadonlySet<EngineOutput> = new Set();
