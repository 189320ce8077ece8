/**
 * Compile each scheme's segment definitions to SQL and assign members. In an
 * exclusive scheme the first matching segment (by order, then id) wins and the
 * rest are unassigned; in an overlapping scheme a member can be in several.
 * Result: table `memberships` (scheme, member_id, segment), segment NULL for
 * unassigned members.
 */
import type { Config } from "../schema/config.ts";
import type { LoadedSegment } from "../workspace/workspace.ts";
import type { Database } from "./duckdb.ts";
import { compileExpression } from "./features/compile-expression.ts";
import { FEATURES, lit, MEMBER_ID, q } from "./sql-names.ts";

export const MEMBERSHIPS = q("memberships");

/** Segments of a scheme that take members, in evaluation order. */
export function schemeSegments(segments: readonly LoadedSegment[], scheme: string): LoadedSegment[] {
  return segments
    .filter((s) => s.scheme === scheme && s.value.status !== "retired")
    .sort((a, b) => (a.value.order ?? Number.MAX_SAFE_INTEGER) - (b.value.order ?? Number.MAX_SAFE_INTEGER) || (a.value.id < b.value.id ? -1 : 1));
}

/** The SQL condition that puts a member in the segment. */
export function segmentCondition(segment: LoadedSegment): string {
  const definition = segment.value.definition;
  if ("where" in definition) return `coalesce(${compileExpression(definition.where)}, FALSE)`;
  if ("rfm_group" in definition) return `coalesce(rfm_group = ${lit(definition.rfm_group)}, FALSE)`;
  return `coalesce(cluster_name = ${lit(definition.cluster)} OR CAST(cluster_id AS VARCHAR) = ${lit(definition.cluster)}, FALSE)`;
}

export async function assignMemberships(db: Database, config: Config, segments: readonly LoadedSegment[]): Promise<void> {
  const parts: string[] = [];
  for (const [scheme, settings] of Object.entries(config.schemes)) {
    const members = schemeSegments(segments, scheme);
    if (settings.exclusive) {
      const cases = members.map((s) => `WHEN ${segmentCondition(s)} THEN ${lit(s.value.id)}`);
      const segment = cases.length > 0 ? `CASE ${cases.join(" ")} END` : "CAST(NULL AS VARCHAR)";
      parts.push(`SELECT ${lit(scheme)} AS scheme, ${q(MEMBER_ID)}, ${segment} AS segment FROM ${FEATURES}`);
    } else {
      const flags = members.map((s) => `${segmentCondition(s)} AS ${q(`in_${s.value.id}`)}`);
      const unnest = members.map((s) => `SELECT ${q(MEMBER_ID)}, ${lit(s.value.id)} AS segment FROM flags WHERE ${q(`in_${s.value.id}`)}`);
      const none = members.length > 0 ? members.map((s) => `NOT ${q(`in_${s.value.id}`)}`).join(" AND ") : "TRUE";
      parts.push(
        `SELECT ${lit(scheme)} AS scheme, * FROM (WITH flags AS (SELECT ${q(MEMBER_ID)}${flags.length ? `, ${flags.join(", ")}` : ""} FROM ${FEATURES}) ${[...unnest, `SELECT ${q(MEMBER_ID)}, CAST(NULL AS VARCHAR) AS segment FROM flags WHERE ${none}`].join(" UNION ALL ")})`,
      );
    }
  }
  const union = parts.length > 0 ? parts.join("\nUNION ALL\n") : `SELECT CAST(NULL AS VARCHAR) AS scheme, NULL AS ${q(MEMBER_ID)}, CAST(NULL AS VARCHAR) AS segment WHERE FALSE`;
  await db.run(`CREATE OR REPLACE TABLE ${MEMBERSHIPS} AS ${union} ORDER BY scheme, ${q(MEMBER_ID)}, segment`);
}
