/* eslint max-lines-per-function: "off" -- visit is one switch over zod's issue codes, a short case each. */
/**
 * Turn zod issues into diagnostics that say what is wrong in the user's terms,
 * point at the offending YAML node, and suggest a fix (did-you-mean for keys
 * and enum values).
 */
import { z } from "zod";
import type { Diagnostic, Span } from "./diagnostic.ts";
import { didYouMean } from "./did-you-mean.ts";
import { describeShapes, haveDisjointKeys, isObjectUnionAt, keysAtPath, objectShapesAt, schemasAtPath } from "./schema-at-path.ts";

type PathSegment = string | number;
type Issue = z.core.$ZodIssue;

/** How a caller turns a path into a position: the workspace locator, bound to one file. */
export interface PathLocator {
  file: string;
  /** The span of the node at `path` (or of its deepest existing ancestor). */
  spanOf(path: readonly PathSegment[]): Span;
  /** The span of the key `key` of the mapping at `path`, when present. */
  keySpanOf(path: readonly PathSegment[], key: string): Span | undefined;
}

export function diagnosticsFromZod(issues: readonly Issue[], schema: z.core.$ZodType, value: unknown, where: PathLocator): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of withoutEchoes(issues)) visit(issue, [], out, schema, value, where);
  return dropCascades(out);
}

/**
 * zod may add length or format complaints about a value whose type is already wrong (a
 * list given as text is also "too long"); the wrong type is the one thing to fix.
 */
function withoutEchoes(issues: readonly Issue[]): Issue[] {
  const wrongType = new Set(issues.filter((i) => i.code === "invalid_type").map((i) => pathKey(i.path as PathSegment[])));
  return issues.filter((i) => i.code === "invalid_type" || !wrongType.has(pathKey(i.path as PathSegment[])));
}

/**
 * A misspelt key shows up twice: as an unknown key and as the missing key it was
 * meant to be. Keep the unknown key, whose hint names the right spelling.
 */
function dropCascades(diagnostics: Diagnostic[]): Diagnostic[] {
  const meant = new Set<string>();
  for (const d of diagnostics) {
    const suggestion = d.ruleId === "schema/unknown-key" ? /^Did you mean "(.+)"\?$/.exec(d.hint ?? "")?.[1] : undefined;
    if (suggestion) {
      const parent = (d.data?.parent as string | undefined) ?? "";
      meant.add(`${parent}\u0000${suggestion}`);
      meant.add(`${parent}\u0000*`);
    }
  }
  return diagnostics.filter((d) => {
    const key = d.data?.missing as string | undefined;
    const parent = (d.data?.parent as string | undefined) ?? "";
    if (d.ruleId === "schema/missing-key" && key !== undefined) return !meant.has(`${parent}\u0000${key}`);
    if (d.ruleId === "schema/invalid-shape") return !meant.has(`${parent}\u0000*`);
    return true;
  });
}

function visit(issue: Issue, prefix: PathSegment[], out: Diagnostic[], schema: z.core.$ZodType, value: unknown, where: PathLocator): void {
  const path = [...prefix, ...(issue.path as PathSegment[])];
  const at = (p: readonly PathSegment[], ruleId: string, message: string, hint?: string, span?: Span, data?: Record<string, unknown>): void => {
    // Worded from the schema (checks/schema.ts: message id "problem"); the path is the finding's place in the document.
    out.push({ ruleId, messageId: "problem", severity: "error", message, file: where.file, ...(span ?? where.spanOf(p)), path: [...p], ...(hint ? { hint } : {}), ...(data ? { data } : {}) });
  };
  const name = describePath(path);
  const missing = (p: readonly PathSegment[], expected: string) => {
    const key = String(p[p.length - 1]);
    at(p, "schema/missing-key", `${capital(parentName(p))} is missing the required key "${key}".`, `Add ${key}: (${expected}).`, undefined, { missing: key, parent: pathKey(p.slice(0, -1)) });
  };
  const actual = valueAt(value, path);

  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = keysAtPath(schema, path);
      // A key that is valid in another branch of a union is not unknown: the value has the
      // wrong combination of keys, or fits another branch that has its own complaint.
      const elsewhere = issue.keys.filter((key) => allowed.includes(key));
      if (elsewhere.length > 0 && isPlainObject(actual)) {
        const shapes = objectShapesAt(schema, path);
        const written = Object.keys(actual).filter((key) => key !== "$schema");
        const fitting = shapes.filter((shape) => written.every((key) => shape.keys.includes(key)));
        if (fitting.length === 1) {
          const result = z.safeParse(fitting[0]!.schema, actual);
          if (!result.success) {
            for (const inner of withoutEchoes(result.error.issues)) visit(inner, path, out, schema, value, where);
            return;
          }
        }
        for (const key of elsewhere) {
          const others = written.filter((k) => k !== key && shapes.some((s) => s.keys.includes(k) && !s.keys.includes(key)));
          at(
            [...path, key],
            "schema/invalid-shape",
            `The key "${key}" cannot be combined with ${others.length > 0 ? listWords(others) : "the other keys"} in ${name}.`,
            `Use one of these forms: ${describeShapes(shapes)}.`,
            where.keySpanOf(path, key),
            { key, parent: pathKey(path) },
          );
        }
      }
      for (const key of issue.keys.filter((k) => !elsewhere.includes(k) || !isPlainObject(actual))) {
        const suggestion = didYouMean(key, allowed);
        const where2 = where.keySpanOf(path, key);
        at(
          [...path, key],
          "schema/unknown-key",
          `Unknown key "${key}" in ${path.length ? name : "the file"}.`,
          suggestion ? `Did you mean "${suggestion}"?` : `Allowed keys: ${allowed.join(", ")}.`,
          where2,
          { key, allowed, parent: pathKey(path) },
        );
      }
      return;
    }
    case "invalid_union": {
      if (isObjectUnionAt(schema, path) && isPlainObject(actual)) {
        const allowed = keysAtPath(schema, path);
        const unknown = Object.keys(actual).filter((k) => !allowed.includes(k));
        for (const key of unknown) {
          const suggestion = didYouMean(key, allowed);
          at([...path, key], "schema/unknown-key", `Unknown key "${key}" in ${name}.`, suggestion ? `Did you mean "${suggestion}"?` : `Use one of: ${allowed.join(", ")}.`, where.keySpanOf(path, key), { key, allowed, parent: pathKey(path) });
        }
        const present = Object.keys(actual).filter((k) => allowed.includes(k));
        if (present.length !== 1 && haveDisjointKeys(objectShapesAt(schema, path))) {
          at(path, "schema/invalid-shape", present.length === 0 ? `${capital(name)} needs one of: ${allowed.join(", ")}.` : `${capital(name)} takes exactly one of ${allowed.join(", ")}, but has ${present.join(" and ")}.`, `Write ${name} with exactly one of ${allowed.join(", ")}.`, undefined, { parent: pathKey(path) });
          return;
        }
        if (unknown.length > 0) return;
      }
      const best = pickBranch(issue.errors as Issue[][], path);
      for (const inner of withoutEchoes(best)) visit(inner, path, out, schema, value, where);
      return;
    }
    case "invalid_type": {
      if (actual === undefined) {
        missing(path, kindOfValue(issue.expected));
      } else {
        at(path, "schema/wrong-type", `${capital(name)} must be ${article(issue.expected)}, but is ${describeValue(actual)}.`, hintForType(issue.expected, actual));
      }
      return;
    }
    case "invalid_key": {
      // zod reports a bad record key at the path of its entry; the key's own complaint is nested.
      const key = String(path[path.length - 1]);
      const parent = path.slice(0, -1);
      const inner = (issue.issues as Issue[] | undefined)?.[0];
      at(
        path,
        "schema/invalid-key",
        `The name "${key}" in ${describePath(parent)} ${inner ? friendlyMessage(inner) : "is not allowed"}.`,
        "Rename the key.",
        where.keySpanOf(parent, key),
        { key, parent: pathKey(parent) },
      );
      return;
    }
    case "invalid_value": {
      if (actual === undefined) {
        missing(path, issue.values.map(String).join(" | "));
        return;
      }
      const options = issue.values.map((v) => String(v));
      const suggestion = typeof actual === "string" ? didYouMean(actual, options) : undefined;
      at(path, "schema/invalid-value", `${capital(name)} must be one of ${options.join(", ")}, but is ${describeValue(actual)}.`, suggestion ? `Did you mean "${suggestion}"?` : `Use one of: ${options.join(", ")}.`, undefined, { allowed: options });
      return;
    }
    default: {
      // A refinement that asks for a key (a buyer persona needs a buying_role) is a missing key,
      // so a misspelt key stands in for it as it does for any required key.
      if (issue.code === "custom" && actual === undefined && path.length > 0) {
        const key = String(path[path.length - 1]);
        at(path, "schema/missing-key", sentence(issue.message), `Add ${key}: (${expectedAt(schema, path)}).`, undefined, { missing: key, parent: pathKey(path.slice(0, -1)) });
        return;
      }
      const message = friendlyMessage(issue);
      at(path, "schema/invalid-value", `${capital(name)} ${message}${actual === undefined || isPlainObject(actual) || Array.isArray(actual) ? "" : ` (got ${describeValue(actual)})`}.`);
    }
  }
}

/** Choose the union branch whose complaints are the most specific. */
function pickBranch(branches: Issue[][], _path: PathSegment[]): Issue[] {
  let best: Issue[] = branches[0] ?? [];
  let bestScore = Infinity;
  for (const branch of branches) {
    let score = 0;
    for (const issue of branch) score += issue.code === "invalid_type" && issue.path.length === 0 ? 100 : 1;
    if (score < bestScore) {
      best = branch;
      bestScore = score;
    }
  }
  return best;
}

function friendlyMessage(issue: Issue): string {
  // A schema's own wording (e.g. "a share cannot exceed 100%") beats the generic one.
  if ((issue.code === "too_small" || issue.code === "too_big") && !/^Too (small|big):/.test(issue.message)) return issue.message.replace(/\.$/, "");
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "array") return `needs at least ${String(issue.minimum)} item${Number(issue.minimum) === 1 ? "" : "s"}`;
      if (issue.origin === "string") return Number(issue.minimum) === 1 ? "must not be empty" : `must be at least ${String(issue.minimum)} characters long`;
      return `must be ${issue.inclusive ? "at least" : "greater than"} ${String(issue.minimum)}`;
    case "too_big":
      if (issue.origin === "array") return `may have at most ${String(issue.maximum)} items`;
      if (issue.origin === "string") return `must be at most ${String(issue.maximum)} characters long`;
      return `must be ${issue.inclusive ? "at most" : "less than"} ${String(issue.maximum)}`;
    case "not_multiple_of":
      return `must be a multiple of ${String(issue.divisor)}`;
    default:
      return issue.message.replace(/^Invalid input: /, "").replace(/\.$/, "");
  }
}

/** "a", "a and b", "a, b and c". */
function listWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** What a key expects, for "Add key: (…)": its enum values, or the kind of value. */
function expectedAt(schema: z.core.$ZodType, path: readonly PathSegment[]): string {
  const def = schemasAtPath(schema, path)[0]?._zod.def as { type: string; entries?: Record<string, string> } | undefined;
  if (def?.type === "enum" && def.entries) return Object.values(def.entries).join(" | ");
  return kindOfValue(def?.type ?? "value");
}

/** The kind of value a key takes, short enough for "Add key: (…)". */
function kindOfValue(type: string): string {
  const words: Record<string, string> = { object: "a mapping", record: "a mapping", array: "a list", string: "text", number: "a number", boolean: "true or false" };
  return words[type] ?? type;
}

/** A schema's own message as a sentence: capital first letter, final period. */
function sentence(message: string): string {
  const text = message.trim().replace(/\.$/, "");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function pathKey(path: readonly PathSegment[]): string {
  return path.map(String).join("\u0001");
}

function describePath(path: readonly PathSegment[]): string {
  if (path.length === 0) return "the file";
  return `"${path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("")}"`;
}

function parentName(path: readonly PathSegment[]): string {
  return path.length <= 1 ? "the file" : describePath(path.slice(0, -1));
}

function capital(s: string): string {
  return s.startsWith('"') ? s : s.charAt(0).toUpperCase() + s.slice(1);
}

function article(expected: string): string {
  const words: Record<string, string> = { object: "a mapping (key: value)", array: "a list", string: "text", number: "a number", boolean: "true or false", date: "a date" };
  return words[expected] ?? `a ${expected}`;
}

function describeValue(v: unknown): string {
  if (v === null) return "empty (null)";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  if (typeof v === "string") return `the text "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  return `${typeof v === "number" ? "the number" : typeof v} ${String(v)}`;
}

function hintForType(expected: string, actual: unknown): string {
  // `- Minimal effort: things that keep running` is a mapping in YAML, not a sentence with a colon.
  if (expected === "string" && isPlainObject(actual) && Object.keys(actual).length === 1) {
    const [key, inner] = Object.entries(actual)[0]!;
    if (typeof inner === "string" || typeof inner === "number") {
      return `A ': ' inside unquoted text starts a key and value; put the text in quotes: "${key}: ${String(inner)}".`;
    }
  }
  if (expected === "number" && typeof actual === "string") return "Write the number without quotes or units.";
  if (expected === "array" && !Array.isArray(actual)) return "Write a list: one '- item' per line, or [a, b].";
  if (expected === "object") return "Write a mapping: 'key: value' entries indented below the key.";
  if (expected === "string" && actual === null) return "Give it a value, or remove the key.";
  return `Write ${article(expected)}.`;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const p of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[p as string];
  }
  return current;
}
