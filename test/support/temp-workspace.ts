/**
 * Temporary workspaces for tests: a small valid base, overridden file by file
 * with inline text so each test shows the exact lines it checks.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export const BASE_CONFIG = `name: Test segmentation
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
      region: { type: string, kind: territory }
      plan: { type: string, kind: behavioral }
  events:
    path: data/events.csv
    kind: events
    key: account_id
    customer: account_id
    timestamp: occurred_at
    columns:
      account_id: { type: string, kind: key }
      occurred_at: { type: timestamp }
      event_type: { type: string, kind: behavioral }
features:
  active_days_90d:
    source: events
    aggregate: count_distinct_days
    column: occurred_at
    window_days: 90
schemes:
  usage:
    label: Usage
prioritization:
  schemes: [usage]
  factors:
    size: { label: Size, weight: 60, lens: demand }
    fit: { label: Fit, weight: 40, lens: capacity }
`;

export const BASE_SEGMENT = `id: heavy
name: Heavy users
summary: Accounts active most days.
status: active
approach: behavioral
definition:
  where: active_days_90d >= 40
scores: { size: 5, fit: 5 }
`;

export const BASE_FILES: Record<string, string> = {
  "segmentation.yaml": BASE_CONFIG,
  "segments/usage/heavy.yaml": BASE_SEGMENT,
  "data/accounts.csv": "account_id,employees,region,plan\nA1,10,EMEA,free\nA2,2000,NA,growth\n",
  "data/events.csv": "account_id,occurred_at,event_type\nA1,2026-10-01 10:00:00,login\n",
};

export interface TempWorkspace {
  root: string;
  write(path: string, text: string): void;
  remove(): void;
}

/** Create a workspace from the base files; `null` removes a base file. */
export function tempWorkspace(files: Record<string, string | null> = {}, base: Record<string, string> = BASE_FILES): TempWorkspace {
  const root = mkdtempSync(join(tmpdir(), "seg-test-"));
  const write = (path: string, text: string) => {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  };
  for (const [path, text] of Object.entries({ ...base, ...files })) {
    if (text !== null) write(path, text);
  }
  return { root, write, remove: () => rmSync(root, { recursive: true, force: true }) };
}
