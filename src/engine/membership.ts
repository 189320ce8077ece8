/**
 * The `memberships` table (scheme, member_id, segment; segment NULL for
 * unassigned members): the plan's memberships relation
 * (src/compile/emit/memberships-query.ts) rendered with the DuckDB dialect over
 * the engine's `features` and `clusters` tables. In an exclusive scheme the
 * first matching segment (by order, then id) wins; in an overlapping scheme a
 * member can be in several.
 */
import { membershipsQuery } from "../compile/emit/memberships-query.ts";
import { renderQuery, resolveRefs } from "../compile/emit/query.ts";
import { MEMBER_ID, schemesPlan, type SchemePlan } from "../compile/plan.ts";
import { duckdb } from "../expr/dialects/duckdb.ts";
import type { Config } from "../schema/config.ts";
import type { LoadedSegment } from "../workspace/workspace.ts";
import { CLUSTERS } from "./cluster/assign-sql.ts";
import type { Database } from "./duckdb.ts";
import { FEATURES, q } from "./sql-names.ts";

export const MEMBERSHIPS = q("memberships");

/**
 * The table is sorted by scheme, member and segment. `featuresInMemberOrder`: the features table's rows are in
 * member order (built here: build-feature-table sorts them, and the cache lines its columns up with the sorted
 * members), so a positional scheme's rows come out of the scan already sorted, and each scheme is appended in
 * turn rather than every scheme's rows sorted together (20,000,000 rows at 10,000,000 members, 18 CPU s).
 */
export async function assignMemberships(db: Database, config: Config, segments: readonly LoadedSegment[], featuresInMemberOrder = false): Promise<void> {
  const plans = schemesPlan(config, segments);
  const sorted = `ORDER BY scheme, ${q(MEMBER_ID)}, segment`;
  if (!featuresInMemberOrder || plans.length === 0) {
    await db.run(`CREATE OR REPLACE TABLE ${MEMBERSHIPS} AS ${membershipsSql(plans)}\n${sorted}`);
    return;
  }
  // Columns typed as the whole table's query types them.
  await db.run(`CREATE OR REPLACE TABLE ${MEMBERSHIPS} AS ${membershipsSql(plans)}\nLIMIT 0`);
  const positional = positionalSchemes(plans);
  // Schemes in the table's order (ids compared as DuckDB compares them: by bytes); within one, by member then segment.
  for (const plan of [...plans].sort((a, b) => Buffer.compare(Buffer.from(a.id), Buffer.from(b.id)))) {
    await db.run(`INSERT INTO ${MEMBERSHIPS} ${membershipsSql([plan])}${positional.has(plan.id) ? "" : `\nORDER BY ${q(MEMBER_ID)}, segment`}`);
  }
}

/**
 * The schemes whose memberships pair with the features row by row, in the features' order: exclusive (a row per
 * member) and assigned from a scan of the features alone (a cluster segment joins the clusters, which may reorder
 * the rows). Their rows are in that order in the cache's files (written from the scan, membership-cache.ts) and in
 * the table sorted by member (as the features table is), when the features were built here in member order.
 */
export function positionalSchemes(schemes: readonly SchemePlan[]): Set<string> {
  return new Set(schemes.filter((s) => s.exclusive && s.segments.every((segment) => segment.condition.kind !== "cluster")).map((s) => s.id));
}

/** The memberships of `schemes` over the engine's `features` and `clusters` tables, unsorted. */
export function membershipsSql(schemes: readonly SchemePlan[]): string {
  return resolveRefs(renderQuery(membershipsQuery(schemes, duckdb)), (ref) => {
    if (ref.kind === "relation" && ref.relation === "features") return FEATURES;
    if (ref.kind === "relation" && ref.relation === "clusters") return CLUSTERS;
    throw new Error(`the engine has no table for ${ref.kind === "input" ? `input ${ref.source}` : ref.relation}`);
  });
}
