/**
 * Workspaces for the silent-data cases: real files (the example's data, the
 * shared data sets) copied into a temporary folder at test time, changed line
 * by line where a case needs it, with a short segmentation.yaml whose lines
 * the cases point at.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { check } from "../../../src/api/check.ts";
import type { CheckResult } from "../../../src/lint/check-result.ts";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.ts";
import { tempWorkspace, type TempWorkspace } from "../../support/temp-workspace.ts";

const REPO = resolve(import.meta.dirname, "../../..");

/** A file of the example's data/ folder as text (gunzipped). */
export function exampleData(name: string): string {
  const bytes = readFileSync(resolve(REPO, "data", name));
  return (name.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8");
}

/** Replace line `n` (1-based) of a text file, keeping its line ends. */
export function replaceLine(text: string, n: number, change: (line: string) => string): string {
  const lines = text.split("\n");
  lines[n - 1] = change(lines[n - 1]!);
  return lines.join("\n");
}

/** The example's accounts and invoices, with RFM on the invoices; `invoiceExtra` adds lines to the invoices source. */
export const EXAMPLE_CONFIG = `name: Silent data
as_of: 2026-11-01
goals:
  focus: internal
  objective: account-attack
  statement: Keep the accounts we have.
  stakeholders:
    - { name: Ana, role: VP Growth }
  scope: { unit: account }
  deliverables: [A playbook]
sources:
  accounts:
    path: data/accounts.csv
    kind: accounts
    key: account_id
    columns:
      account_id: { type: string, kind: key }
      employees: { type: integer, kind: firmographic }
      plan: { type: string, kind: behavioral }
  invoices:
    path: data/invoices.csv
    kind: transactions
    key: invoice_id
    customer: account_id
    timestamp: invoice_date
    amount: amount_usd
    filter: status = 'paid'
    columns:
      invoice_id: { type: string, kind: key }
      account_id: { type: string, kind: key }
      invoice_date: { type: date }
      amount_usd: { type: number }
      status: { type: string }
rfm:
  source: invoices
  groups:
    best: r_score >= 4 and m_score >= 4
    rest: r_score >= 1
schemes:
  value:
    label: Value
`;

export const EXAMPLE_SEGMENTS: Record<string, string> = {
  "segments/value/best.yaml": "id: best\nname: Best\nsummary: Recent and big spenders.\nstatus: active\napproach: behavioral\ndefinition:\n  rfm_group: best\n",
  "segments/value/rest.yaml": "id: rest\nname: Rest\nsummary: Everyone else who bought.\nstatus: active\napproach: behavioral\ndefinition:\n  rfm_group: rest\n",
};

/** The example workspace files with `invoices` replacing the invoices file's text. */
export function exampleFiles(invoices: string = exampleData("invoices.csv.gz"), config: string = EXAMPLE_CONFIG): Record<string, string> {
  return { "segmentation.yaml": config, ...EXAMPLE_SEGMENTS, "data/accounts.csv": exampleData("accounts.csv"), "data/invoices.csv": invoices };
}

export interface Checked {
  result: CheckResult;
  /** Diagnostics without the volatile parts, for comparing runs. */
  findings: Pick<Diagnostic, "ruleId" | "severity" | "file" | "line" | "column" | "message">[];
}

const cleanups: TempWorkspace[] = [];
export function removeWorkspaces(): void {
  for (const ws of cleanups.splice(0)) ws.remove();
}

/** Check a workspace made of exactly `files` (a null file is left out). */
export async function checkFiles(files: Record<string, string | Buffer | null>, options: { data?: boolean; today?: string } = {}): Promise<Checked> {
  const ws = tempWorkspace({}, {});
  cleanups.push(ws);
  for (const [path, content] of Object.entries(files)) if (content !== null) ws.write(path, content as string);
  const result = await check({ root: ws.root, today: options.today ?? "2026-11-01", cache: false, threads: 1, ...(options.data === false ? { data: false } : {}) });
  return { result, findings: result.diagnostics.map(({ ruleId, severity, file, line, column, message }) => ({ ruleId, severity, file, line, column, message })) };
}
