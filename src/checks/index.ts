/**
 * Every check outside the rules, sorted by id: what formatters describe,
 * what --suppress-rule and seg-disable directives may name, and what the
 * checks reference in the docs lists. Adding a check is one entry in its
 * namespace file and one line here.
 */
import * as clustering from "./clustering.ts";
import * as compile from "./compile.ts";
import * as data from "./data.ts";
import type { Check } from "./define-check.ts";
import * as directives from "./directives.ts";
import * as expr from "./expr.ts";
import * as json from "./json.ts";
import * as markdown from "./markdown.ts";
import * as mdx from "./mdx.ts";
import * as prioritization from "./prioritization.ts";
import * as publicFolder from "./public.ts";
import * as references from "./references.ts";
import * as schema from "./schema.ts";
import * as sources from "./sources.ts";
import * as suppressions from "./suppressions.ts";
import * as workspace from "./workspace.ts";
import * as yaml from "./yaml.ts";

const namespaces = [clustering, compile, data, directives, expr, json, markdown, mdx, prioritization, publicFolder, references, schema, sources, suppressions, workspace, yaml];

export const checks: readonly Check[] = namespaces.flatMap((namespace) => Object.values(namespace) as Check[]).sort((a, b) => (a.id < b.id ? -1 : 1));

export function findCheck(id: string): Check | undefined {
  return checks.find((check) => check.id === id);
}
