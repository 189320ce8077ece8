/**
 * The before/after comparison kept between runs. Measuring it rebuilds the
 * features and memberships as of each launch day from the sources' rows and
 * aggregates every measure over two windows (0.6 s of a 1.8 s warm `seg check`
 * on the example workspace, 3,000 accounts), while what it is computed from
 * rarely changes between two checks: the sources' content, the workspace's
 * definitions and the as-of date.
 *
 * The key (impactKey) holds all of it: the typed content of every source (its
 * identity, load-sources.ts), what loading found of them (their stats and
 * keys), segmentation.yaml's values, every segment's values in order, the
 * as-of date, the previous lock's clusters (today's clusters, which cluster
 * segments keep at launch, follow from those and the rest) and DuckDB's
 * version. All are known once the sources are loaded, so the engine reads a
 * kept comparison before it builds anything, and with one in hand reads the
 * features and memberships through views of the cache's files as a run
 * without launches does. A run without an identity for every source (a
 * warehouse, say) has no key and measures anew. Any edit to a segment, even to
 * its words, measures anew: conservative, never stale.
 *
 * The result is kept as one value (kept-values.ts), every number as computed.
 */
import { join } from "node:path";
import type { Config } from "../../schema/config.ts";
import type { LoadedSegment } from "../../workspace/workspace.ts";
import type { KeyFacts } from "../build-feature-table.ts";
import { cacheEntries, type CacheEntries } from "../cache-entries.ts";
import { cacheKey } from "../cache-dir.ts";
import { keepValue, readKept } from "../kept-values.ts";
import type { PreviousClusters } from "../cluster/stable-ids.ts";
import type { SourceStats } from "../load-sources.ts";
import type { ImpactResult } from "./impact-result.ts";

/** Results kept: a few workspaces' recent states (each a few kilobytes). */
const KEEP = 64;

export function impactMemoEntries(cacheDir: string): CacheEntries {
  return cacheEntries(join(cacheDir, "impact"), KEEP);
}

export interface ImpactInputs {
  config: Config;
  segments: readonly LoadedSegment[];
  asOf: string;
  /** Every source's typed-content identity, by name (load-sources.ts). */
  identities: Readonly<Record<string, string>>;
  sources: readonly SourceStats[];
  keys: KeyFacts;
  /** The previous lock's clusters, which today's cluster ids follow. */
  previousClusters: PreviousClusters | undefined;
  duckdbVersion: string;
}

/** The key of the comparison these inputs give; undefined when a source has no identity (its content is not known). */
export function impactKey(inputs: ImpactInputs): string | undefined {
  const names = Object.keys(inputs.config.sources);
  if (!names.every((name) => typeof inputs.identities[name] === "string")) return undefined;
  return cacheKey(
    "impact",
    names.map((name) => [name, inputs.identities[name]]),
    inputs.sources,
    inputs.keys,
    inputs.config,
    inputs.segments.map((s) => [s.scheme, s.value]),
    inputs.asOf,
    inputs.previousClusters ?? null,
    inputs.duckdbVersion,
  );
}

/** The comparison kept under `key`, or undefined (none, or unreadable: either only costs the measurement). */
export function readImpact(entries: CacheEntries, key: string): ImpactResult | undefined {
  return readKept(entries, key) as ImpactResult | undefined;
}

export function keepImpact(entries: CacheEntries, key: string, result: ImpactResult): void {
  keepValue(entries, key, result);
}
