/**
 * `seg export` as a library call: recompute and write members with their
 * segments and features. The file appears only when complete (written into a
 * fresh folder beside the target, then renamed), and never through a link.
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { SegError } from "../diagnostics/seg-error.ts";
import { exportableColumns, exportMembers, exportQuery, type ExportFormat } from "../engine/export-members.ts";
import { runEngine, type EngineResult } from "../engine/run-engine.ts";
import { assertWritableTarget, replaceFileAtomically } from "../workspace/write-file-safely.ts";
import { checkDefinitions, type CheckOptions } from "./check.ts";
import { engineOptions } from "../engine/engine-options.ts";
import { MEMBERSHIPS_ONLY } from "../engine/engine-outputs.ts";

export interface ExportOptions extends CheckOptions {
  out: string;
  format: ExportFormat;
  /** Feature columns to include (default: all). */
  columns?: readonly string[];
}

export interface ExportResult {
  diagnostics: Diagnostic[];
  rows: number;
  file: string | undefined;
  /** With a warehouse engine: what it computed and the rows each step brought back (run-engine.ts). */
  warehouse?: EngineResult["warehouse"];
}

export async function exportWorkspace(options: ExportOptions): Promise<ExportResult> {
  const definitions = checkDefinitions(options);
  const errors = definitions.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0 || !definitions.workspace.config) return { diagnostics: errors, rows: 0, file: undefined };
  const known = exportableColumns(definitions.workspace.config.value, definitions.catalog);
  const unknown = (options.columns ?? []).filter((c) => !known.includes(c));
  if (unknown.includes("rfm_group") && definitions.catalog.has("rfm_group")) throw new SegError("rfm_group is empty for every member until rfm.groups in segmentation.yaml names a group; declare one, or leave rfm_group out of --columns.");
  if (unknown.length > 0) throw new SegError(`unknown column${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; known: ${known.join(", ")}`);
  const file = resolve(options.out);
  mkdirSync(dirname(file), { recursive: true });
  assertWritableTarget(file);
  const engine = await runEngine(definitions.workspace, definitions.catalog, definitions.expressions, {
    ...engineOptions(definitions, options),
    keepDatabase: true,
    // Members with their segments and features: no metrics, findings or impact.
    outputs: MEMBERSHIPS_ONLY,
    writableDirectories: [dirname(file)],
  });
  const warehouse = engine.warehouse ? { warehouse: engine.warehouse } : {};
  if (!engine.db) return { diagnostics: engine.diagnostics, rows: 0, file: undefined, ...warehouse };
  const db = engine.db;
  try {
    let rows = 0;
    // DuckDB writes into a fresh folder beside the target; the file is renamed into place only when complete.
    await replaceFileAtomically(file, async (temporary) => {
      rows = await exportMembers(db, exportQuery(definitions.workspace.config!.value, definitions.catalog, options.format, options.columns), temporary, options.format);
    });
    return { diagnostics: [], rows, file, ...warehouse };
  } finally {
    db.close();
  }
}
