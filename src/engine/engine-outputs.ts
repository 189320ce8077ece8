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
  | "impact"
  /**
   * The digest of each source's rows that the lock records for a source naming a warehouse table (SourceStats.sha256,
   * warehouse/row-digest.ts): on PostgreSQL the costliest query of a run. Without it such a source has no sha256 and
   * no lock can be built from the result (build-lock.ts refuses). A file's sha256 is of its bytes, always computed.
   */
  | "digest";

/** What `seg check`, `seg lock`, `seg diff` and `seg build` read: everything (they build the lock from the result). */
export const EVERY_OUTPUT: ReadonlySet<EngineOutput> = new Set(["metrics", "findings", "impact", "digest"]);

/** What `seg explain` and `seg export` read: the features table and memberships only (no lock, so no digest). */
export const MEMBERSHIPS_ONLY: ReadonlySet<EngineOutput> = new Set();
