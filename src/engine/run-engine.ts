/**
 * Recompute everything from the data: load sources, build features, cluster,
 * assign memberships and compute segment metrics. Returns plain results; the
 * database is closed before returning unless the caller keeps it (explain and
 * export read from it).
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { CatalogEntry } from "../workspace/feature-catalog.ts";
import type { Workspace } from "../workspace/workspace.ts";
import { buildFeatureTable } from "./build-feature-table.ts";
import { openDatabase, type Database, type DatabaseOptions } from "./duckdb.ts";
import { loadSources, type SourceStats } from "./load-sources.ts";
import { assignMemberships } from "./membership.ts";
import { computeSegmentMetrics, type SchemeMetrics } from "./segment-metrics.ts";

export interface EngineOptions extends DatabaseOptions {
  /** Folder data paths are relative to (default: the workspace). */
  dataRoot: string;
  asOf: string;
  /** Reports progress of long steps. */
  progress?: (step: string) => void;
  /** Keep the database open and return it (the caller closes it). */
  keepDatabase?: boolean;
}

export interface EngineResult {
  sources: SourceStats[];
  members: number;
  schemes: SchemeMetrics[];
  diagnostics: Diagnostic[];
  db?: Database;
}

export async function runEngine(workspace: Workspace, catalog: ReadonlyMap<string, CatalogEntry>, options: EngineOptions): Promise<EngineResult> {
  const config = workspace.config!;
  const db = await openDatabase(options);
  try {
    options.progress?.("Loading sources");
    const loaded = await loadSources(db, config, options.dataRoot);
    if (loaded.diagnostics.length > 0) {
      db.close();
      return { sources: loaded.sources, members: 0, schemes: [], diagnostics: loaded.diagnostics };
    }
    await db.lockDown();
    options.progress?.("Computing features");
    await buildFeatureTable(db, config.value, options.asOf);
    options.progress?.("Assigning segments");
    await assignMemberships(db, config.value, workspace.segments);
    options.progress?.("Measuring segments");
    const schemes = await computeSegmentMetrics(db, config.value, catalog);
    const members = schemes[0]?.population ?? Number((await db.all(`SELECT count(*) AS n FROM "members"`))[0]?.n ?? 0);
    const result: EngineResult = { sources: loaded.sources, members, schemes, diagnostics: [] };
    if (options.keepDatabase) return { ...result, db };
    db.close();
    return result;
  } catch (error) {
    db.close();
    throw error;
  }
}
