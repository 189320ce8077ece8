/**
 * Schema tests compare zod's verdict in a compact form: the parsed value when a
 * fixture is valid, and `{ path, code, message }` per issue when it is not, with
 * the path written `a.b[0]` so an expected issue reads like the YAML it is about.
 */
import type { z } from "zod";

export interface IssueSummary {
  path: string;
  code: string;
  message: string;
}

export function issuesOf(schema: z.ZodType, value: unknown): IssueSummary[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: formatPath(issue.path), code: issue.code, message: issue.message }));
}

/** The parsed value, or a thrown error listing the issues (so a broken valid fixture says why). */
export function parsed<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${formatPath(i.path)}: ${i.message}`);
    throw new Error(`expected a valid fixture, got:\n${lines.join("\n")}`);
  }
  return result.data;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("");
}
