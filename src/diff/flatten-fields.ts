/**
 * A document as a flat list of fields, `gtm.owner` or `scores.fit`, so two
 * versions compare field by field. Objects are walked; arrays and scalars are
 * leaves, compared by their JSON.
 */
export function flattenFields(value: unknown, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  walk(value, prefix, out);
  return out;
}

function walk(value: unknown, path: string, out: Map<string, unknown>): void {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0 && path !== "") out.set(path, {});
    for (const [key, v] of entries) walk(v, path === "" ? key : `${path}.${key}`, out);
    return;
  }
  if (value !== undefined) out.set(path, value);
}
