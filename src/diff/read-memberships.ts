/**
 * Who is in which segment, per scheme, read from a recompute's `memberships`
 * table. Kept compact for large populations: member ids sorted, one small
 * integer per row pointing into the scheme's segment labels. A million members
 * take some tens of megabytes per side; far beyond that, the join belongs in the
 * warehouse (seg compile).
 */
import type { Database } from "../engine/duckdb.ts";
import { MEMBERSHIPS } from "../engine/membership.ts";
import { lit, MEMBER_ID, q } from "../engine/sql-names.ts";

export interface SchemeMemberships {
  scheme: string;
  exclusive: boolean;
  /** Segment ids; `segments` holds indexes into this list, -1 for unassigned. */
  labels: string[];
  /** Member ids in ascending order; repeated in overlapping schemes, one row per segment. */
  members: string[];
  segments: Int32Array;
}

export type Memberships = ReadonlyMap<string, SchemeMemberships>;

/** Who is in which segment of each scheme, from the engine's open database (run with keepDatabase). */
export async function readMemberships(db: Database, schemes: readonly { scheme: string; exclusive: boolean }[]): Promise<Memberships> {
  const out = new Map<string, SchemeMemberships>();
  for (const { scheme, exclusive } of schemes) {
    const columns = await db.columns(
      `SELECT CAST(${q(MEMBER_ID)} AS VARCHAR) AS member, segment FROM ${MEMBERSHIPS} WHERE scheme = ${lit(scheme)} ORDER BY member, segment NULLS FIRST`,
    );
    const members = (columns.member ?? []).map(String);
    const labels: string[] = [];
    const index = new Map<string, number>();
    const segments = new Int32Array(members.length);
    (columns.segment ?? []).forEach((value, i) => {
      if (value === null) {
        segments[i] = -1;
        return;
      }
      const label = String(value);
      let at = index.get(label);
      if (at === undefined) {
        at = labels.length;
        labels.push(label);
        index.set(label, at);
      }
      segments[i] = at;
    });
    out.set(scheme, { scheme, exclusive, labels, members, segments });
  }
  return out;
}
