/**
 * How well a scheme's rule segments agree with the clusters: the contingency
 * table of segment × cluster over members in both, and the adjusted Rand index.
 * Members in no segment form the "(unassigned)" row; members in two or more
 * segments (overlapping schemes) are counted in each row of the table but left
 * out of the index, which compares partitions.
 */
import type { Database } from "../duckdb.ts";
import type { MetricsQuery } from "../metrics-memo.ts";
import { MEMBERSHIPS } from "../membership.ts";
import { lit, MEMBER_ID, q } from "../sql-names.ts";
import { adjustedRandIndex, contingencyTable, type ContingencyTable } from "./agreement.ts";
import { CLUSTERS } from "./assign-sql.ts";

export const UNASSIGNED = "(unassigned)";

export interface SchemeClusterAgreement {
  scheme: string;
  table: ContingencyTable;
  /** Adjusted Rand index over members in at most one segment; null when there are none. */
  ari: number | null;
  /** Members in the index. */
  members: number;
  /** Members left out of the index for being in several segments. */
  overlapping: number;
}

/**
 * How the scheme's memberships lie: `exclusive`, one row per member, so none is in several segments: no count per
 * member (a window over every member) and no second query for the overlapping ones (together 29 CPU s at 10,000,000
 * members); `positional`, moreover in the clusters table's order, row for row (a positional scheme assigned over
 * features in member order, membership.ts), so the two pair by position rather than through a hash table of every
 * member (a pair of different members stops the query).
 */
export type AgreementRows = "any" | "exclusive" | "positional";

/** `query`: runs its queries (metrics-memo.ts answers them from the cache); default: the database. */
export async function clusterAgreement(db: Database, scheme: string, query: MetricsQuery = (sql) => db.all(sql), rows: AgreementRows = "any"): Promise<SchemeClusterAgreement> {
  const id = q(MEMBER_ID);
  const segments = rows === "any" ? `count(m.segment) OVER (PARTITION BY m.${id})` : "1";
  const joined =
    rows === "positional"
      ? `SELECT m.${id}, coalesce(m.segment, ${lit(UNASSIGNED)}) AS segment, c.cluster_id, 1 AS segments
    FROM (SELECT ${id}, segment FROM ${MEMBERSHIPS} WHERE scheme = ${lit(scheme)}) m POSITIONAL JOIN (SELECT ${id}, cluster_id FROM ${CLUSTERS}) c
    WHERE CASE WHEN m.${id} IS DISTINCT FROM c.${id} THEN error('memberships and clusters out of step') ELSE c.cluster_id IS NOT NULL END`
      : `SELECT m.${id}, coalesce(m.segment, ${lit(UNASSIGNED)}) AS segment, c.cluster_id, ${segments} AS segments
    FROM ${MEMBERSHIPS} m JOIN ${CLUSTERS} c ON c.${id} = m.${id}
    WHERE m.scheme = ${lit(scheme)} AND c.cluster_id IS NOT NULL`;
  const counts = await query(
    `SELECT segment, cluster_id, count(*) AS all_count, count(*) FILTER (WHERE segments <= 1) AS single_count FROM (${joined}) GROUP BY segment, cluster_id ORDER BY segment, cluster_id`,
    scheme,
  );
  const cells = counts.map((r) => ({ row: String(r.segment), column: String(r.cluster_id), count: Number(r.all_count) }));
  const single = counts.map((r) => ({ row: String(r.segment), column: String(r.cluster_id), count: Number(r.single_count) })).filter((c) => c.count > 0);
  const forIndex = contingencyTable(single);
  const members = single.reduce((s, c) => s + c.count, 0);
  const overlap = rows !== "any" ? [] : await query(`SELECT count(DISTINCT ${id}) AS n FROM (${joined}) WHERE segments > 1`, scheme);
  return { scheme, table: contingencyTable(cells), ari: adjustedRandIndex(forIndex), members, overlapping: Number(overlap[0]?.n ?? 0) };
}
