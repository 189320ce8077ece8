/** `seg explain` as a library call: recompute, then explain one member. */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { explainMember, type Explanation } from "../engine/explain-member.ts";
import { runEngine, type EngineResult } from "../engine/run-engine.ts";
import { checkDefinitions, type CheckOptions } from "./check.ts";
import { engineOptions } from "../engine/engine-options.ts";
import { MEMBERSHIPS_ONLY } from "../engine/engine-outputs.ts";

export interface ExplainResult {
  diagnostics: Diagnostic[];
  explanation: Explanation | undefined;
  asOf: string;
  /** With a warehouse engine: what it computed and the rows each step brought back (run-engine.ts). */
  warehouse?: EngineResult["warehouse"];
}

export async function explain(options: CheckOptions & { memberId: string }): Promise<ExplainResult> {
  const definitions = checkDefinitions(options);
  const errors = definitions.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0 || !definitions.workspace.config) return { diagnostics: errors, explanation: undefined, asOf: definitions.asOf };
  const engine = await runEngine(definitions.workspace, definitions.catalog, definitions.expressions, {
    ...engineOptions(definitions, options),
    keepDatabase: true,
    // One member's features, memberships and cluster: no metrics, findings or impact.
    outputs: MEMBERSHIPS_ONLY,
    // A warehouse brings back this member's row alone when no fit needs every member's.
    members: [options.memberId],
  });
  const warehouse = engine.warehouse ? { warehouse: engine.warehouse } : {};
  if (!engine.db) return { diagnostics: engine.diagnostics, explanation: undefined, asOf: definitions.asOf, ...warehouse };
  try {
    return { diagnostics: [], explanation: await explainMember(engine.db, definitions.workspace, definitions.expressions, options.memberId), asOf: definitions.asOf, ...warehouse };
  } finally {
    engine.db.close();
  }
}
