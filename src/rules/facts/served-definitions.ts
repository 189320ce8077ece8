/**
 * The feature names each served segment's parsed `where` reads, with the kind
 * the feature catalog gives each: what the rules on a definition's fields
 * (convenience-segment, demographics-only) look at. A segment whose
 * expression did not parse is left to the expression checks.
 */
import { referencedNames } from "../../expr/referenced-names.ts";
import type { ColumnKind } from "../../schema/source.ts";
import type { LoadedSegment } from "../../workspace/workspace.ts";
import type { RuleContext } from "../define-rule.ts";
import { isServed } from "./served.ts";

export interface DefinitionFields {
  segment: LoadedSegment;
  /** Feature names in the order the definition first reads them. */
  names: string[];
  /** The catalog's kind of each name; undefined for a name it does not know. */
  kinds: (ColumnKind | undefined)[];
}

export function servedDefinitionFields(context: RuleContext<unknown>): DefinitionFields[] {
  const out: DefinitionFields[] = [];
  for (const segment of context.segmentsOf()) {
    if (!isServed(segment)) continue;
    const ast = context.facts.expressions.get(segment.file.path);
    if (!ast) continue;
    const names = referencedNames(ast);
    out.push({ segment, names, kinds: names.map((name) => context.facts.catalog.get(name)?.kind) });
  }
  return out;
}
