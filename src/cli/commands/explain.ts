/** `seg explain <customer-id>`: which clause put a customer in each segment, with the values it read. */
import { countBySeverity } from "../../diagnostics/count-by-severity.ts";
import { explain } from "../../api/explain.ts";
import type { Clause, Explanation } from "../../engine/explain-member.ts";
import { stylish } from "../../formatters/stylish.ts";
import { RECOMPUTE_OPTIONS, recomputeInputs } from "../data-options.ts";
import { useColor, type Io } from "../io.ts";
import type { CommandSpec, ParsedArgs } from "../options.ts";
import { SegError } from "../../diagnostics/seg-error.ts";
import { runDryRun } from "../warehouse-dry-run.ts";
import { MEMBERSHIPS_ONLY } from "../../engine/engine-outputs.ts";
import { workspaceRoot } from "../workspace-root.ts";

export const spec = {
  name: "explain",
  summary: "Show why a customer is in each segment: every definition in evaluation order, clause by clause, with the feature values it read.",
  usage: "seg explain <customer-id> [options]",
  positionals: [{ name: "customer-id", description: "The member's id (the accounts key, or the customer column): A001 … A300 in the workspace seg init writes, ACC-00001 … in Seg's own example, 12346 … in examples/online-retail." }],
  options: [
    { name: "format", type: "string", choices: ["text", "json"], default: "text", description: "Output format." },
    ...RECOMPUTE_OPTIONS,
  ],
  examples: ["seg explain A001", "seg explain 12346 --root examples/online-retail --format json"],
} as const satisfies CommandSpec;

export async function run(args: ParsedArgs<typeof spec.options>, io: Io): Promise<number> {
  const [memberId, ...extra] = args.positionals;
  if (memberId === undefined || extra.length > 0) throw new SegError("give exactly one customer id, e.g. seg explain A001 (seg export lists every member).");
  const root = workspaceRoot(args, io);
  const inputs = recomputeInputs(args, io);
  const dryRun = await runDryRun(args.options["dry-run"], inputs, root, io, MEMBERSHIPS_ONLY);
  if (dryRun !== undefined) return dryRun;
  const result = await explain({ root, memberId, ...inputs });
  const color = useColor(io);
  if (!result.explanation) {
    if (result.diagnostics.length > 0) {
      io.stderr(stylish({ root, asOf: result.asOf, diagnostics: result.diagnostics, counts: countBySeverity(result.diagnostics) }, { color }));
      return 1;
    }
    io.stderr(`seg explain: no customer "${memberId}" in the data as of ${result.asOf}. Check the id (seg export lists every member).\n`);
    return 1;
  }
  const e = result.explanation;
  if (args.options.format === "json") {
    io.stdout(`${JSON.stringify(e, null, 2)}\n`);
    return 0;
  }
  const mark = (v: unknown) => (v === true ? (color ? "\u001b[32m✓\u001b[0m" : "✓") : v === false ? (color ? "\u001b[31m✗\u001b[0m" : "✗") : "?");
  const lines = [`Customer ${e.memberId} (as of ${result.asOf})`];
  const asked = result.warehouse?.asked;
  if (asked) lines.push(asked.early ? "Computed in the warehouse from this customer's rows alone (the id filtered at each source's scan)." : `Computed in the warehouse for every member, then this customer's row picked: ${asked.because}.`);
  if (e.position) {
    const csv = !/\.parquet$/i.test(e.position.path);
    lines.push(`Keyed by position: row ${e.position.row} of ${e.position.path}${csv ? ` (line ${e.position.row + 1})` : ""}, numbered by ${e.position.source}.${e.position.key} (row_number: true).`);
  }
  if (e.cluster) lines.push("", clusterLine(e.cluster));
  for (const scheme of e.schemes) {
    lines.push("", `${scheme.scheme} → ${scheme.assigned.length ? scheme.assigned.join(", ") : "no segment"}`);
    let decided = false;
    scheme.segments.forEach((s, i) => {
      const skipped = scheme.exclusive && decided;
      lines.push(`  ${i + 1}. ${mark(s.matched)} ${s.name} (${s.id})${skipped ? "  — not reached: an earlier segment matched" : ""}`);
      if (s.clause) renderClause(s.clause, "       ", lines, mark);
      if (s.note) lines.push(`       ${s.note}`);
      if (s.matched) decided = true;
    });
  }
  io.stdout(`${lines.join("\n")}\n`);
  return 0;
}

function clusterLine(cluster: NonNullable<Explanation["cluster"]>): string {
  const name = `${cluster.name ?? ""} (${cluster.id ?? ""})`;
  if (cluster.status === "missing") return "cluster → none: a clustering feature has no value, so k-means set this customer aside (cluster_status missing)";
  if (cluster.status === "outlier") return `cluster → ${name}: set aside as an outlier (outside the Tukey fences of two or more clustering features), not fitted on, assigned to its nearest cluster (cluster_status outlier)`;
  return `cluster → ${name} (cluster_status fitted)`;
}

function renderClause(clause: Clause, indent: string, lines: string[], mark: (v: unknown) => string): void {
  if (clause.children) {
    const op = clause.operator === "not" ? "not" : clause.operator === "or" ? "any of" : "all of";
    lines.push(`${indent}${mark(clause.value)} ${op}:`);
    for (const child of clause.children) renderClause(child, `${indent}  `, lines, mark);
    return;
  }
  const inputs = Object.entries(clause.inputs ?? {}).map(([k, v]) => `${k} = ${v === null ? "null" : typeof v === "string" ? `'${v}'` : String(v)}`);
  lines.push(`${indent}${mark(clause.value)} ${clause.text}${inputs.length ? `   (${inputs.join(", ")})` : ""}`);
}
