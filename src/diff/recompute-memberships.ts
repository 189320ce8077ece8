/**
 * Who is in which segment, per scheme, read from a recompute's `memberships`
 * table. Kept compact for large populations: member ids sorted, one small
 * integer per row pointing into the scheme's segment labels. A million members
 * take some tens of megabytes per side; far beyond that, the join belongs in the
 * warehouse (seg compile).
 */
import type { Database } from "../engine/duckdb.ts";
import { MEMBERSHIPS } from "../engine/membership.ts";
import { runEngine, type EngineOptions } from "../engine/run-engine.ts";
import { lit, MEMBER_ID, q } from "../engine/sql-names.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Expr } from "../expr/ast.ts";
import type { CatalogEntry } from "../workspace/feature-catalog.ts";
import type { Workspace } from "../workspace/workspace.ts";

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

/** Run the engine on the workspace and read its memberships; diagnostics when the data cannot be loaded. */
export async function recomputeMemberships(
  workspace: Workspace,
  catalog: ReadonlyMap<string, CatalogEntry>,
  expressions: ReadonlyMap<string, Expr>,
  options: EngineOptions,
): Promise<{ memberships: Memberships | undefined; diagnostics: Diagnostic[] }> {
  const engine = await runEngine(workspace, catalog, expressions, { ...options, keepDatabase: true });
  if (!engine.db) return { memberships: undefined, diagnostics: engine.diagnostics };
  try {
    const schemes = Object.entries(workspace.config!.value.schemes).map(([scheme, settings]) => ({ scheme, exclusive: settings.exclusive }));
    return { memberships: await readMemberships(engine.db, schemes), diagnostics: [] };
  } finally {
    engine.db.close();
  }
}

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
