/**
 * Load the sources only, to see whether the data holds the declared types,
 * when the definitions have errors that may come from a wrong declaration:
 * `tenure: { type: date }` makes `tenure_months >= 12` a comparison of text
 * with a number, and that expression error would otherwise hide the real
 * problem (the column holds whole numbers, not dates).
 */
import { dataTypeMismatch } from "../checks/data.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Config } from "../schema/config.ts";
import type { LoadedDocument } from "../workspace/read-document.ts";
import { openDatabase, type DatabaseOptions } from "./duckdb.ts";
import { loadSources } from "./load-sources.ts";

export interface ContractCheck {
  /** Type mismatches found in the data. */
  diagnostics: Diagnostic[];
  /** Names (feature names and population columns) whose type comes from a mismatched declaration. */
  names: Set<string>;
}

export async function checkSourceContracts(config: LoadedDocument<Config>, dataRoot: string, options: DatabaseOptions = {}): Promise<ContractCheck> {
  const db = await openDatabase(options);
  try {
    const loaded = await loadSources(db, config, dataRoot);
    const diagnostics = loaded.diagnostics.filter((d) => d.ruleId === dataTypeMismatch.id);
    const names = new Set<string>();
    for (const d of diagnostics) {
      const source = String(d.data?.source ?? "");
      const column = String(d.data?.column ?? "");
      if (config.value.sources[source]?.kind === "accounts") names.add(column);
      for (const [name, feature] of Object.entries(config.value.features)) {
        if ("column" in feature && !("aggregate" in feature) && feature.source === source && feature.column === column) names.add(name);
      }
    }
    return { diagnostics, names };
  } finally {
    db.close();
  }
}
