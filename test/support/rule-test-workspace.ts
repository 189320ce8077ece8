/**
 * The default workspace rule tests and rule docs start from: small, valid, and
 * quiet under every rule. A case's files are laid over it.
 *
 * segmentation.yaml is the fixed head below (name, goals, sources, features:
 * `CONFIG_HEAD_LINES` lines) followed by the tail sections (schemes,
 * prioritization). A case's segmentation.yaml that does not start with `name:`
 * holds tail sections only: the default tail sections it does not mention stay,
 * and its text follows them verbatim.
 */

export const CONFIG_HEAD = `name: Rule test workspace
as_of: 2026-11-01
goals:
  focus: internal
  objective: account-attack
  statement: Keep and grow the accounts we have.
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
      country: { type: string, kind: demographic }
      region: { type: string, kind: territory }
      plan: { type: string, kind: behavioral }
      main_need: { type: string, kind: needs }
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
`;

export const CONFIG_HEAD_LINES = CONFIG_HEAD.split("\n").length - 1;

/** The default tail, by top-level section, in file order. */
export const CONFIG_TAIL_SECTIONS: Readonly<Record<string, string>> = {
  schemes: `schemes:
  usage:
    label: Usage
  market:
    label: Market
`,
  prioritization: `prioritization:
  schemes: [market]
  factors:
    size: { label: Size, weight: 60, lens: demand }
    fit: { label: Fit, weight: 40, lens: capacity }
`,
};

const GTM = (owner: string, tactic: string, channel: string) => `gtm:
  tactics: [${tactic}]
  channels: [${channel}]
  owner: ${owner}
  kpis:
    - { name: Active days, metric: active_days_90d, target: 30 }
`;

export const BASE_WORKSPACE: Readonly<Record<string, string>> = {
  "segments/usage/heavy.yaml": `id: heavy
name: Heavy users
summary: Accounts active on most days.
status: active
approach: behavioral
definition:
  where: active_days_90d >= 40
value_proposition: Headroom and controls for teams that run on the product.
evidence:
  identifiable: Active days come from product events.
${GTM("Ana", "Quarterly business reviews", "Account manager")}owner: Ana
last_reviewed: 2026-10-01
`,
  "segments/usage/light.yaml": `id: light
name: Light users
summary: Accounts active now and then.
status: active
approach: behavioral
definition:
  where: active_days_90d < 40
value_proposition: Chores that run on a schedule without attention.
evidence:
  identifiable: Active days come from product events.
${GTM("Ana", "A monthly what-ran-for-you email", "Lifecycle email")}owner: Ana
last_reviewed: 2026-10-01
`,
  "segments/market/startups.yaml": `id: startups
name: Startups
summary: Paying companies under fifty people.
status: active
approach: firmographic
definition:
  where: employees < 50 and plan != 'free'
value_proposition: Automate the busywork of a growing team in an afternoon.
evidence:
  identifiable: Head count and plan from the CRM.
${GTM("Ben", "An accelerator partnership", "Startup communities")}scores: { size: 7, fit: 9 }
phase: beachhead
owner: Ben
last_reviewed: 2026-10-01
`,
  "segments/market/companies.yaml": `id: companies
name: Established companies
summary: Paying companies of fifty people or more.
status: active
approach: firmographic
definition:
  where: employees >= 50 and plan != 'free'
value_proposition: Keep the departments' tools in sync, reliably.
evidence:
  identifiable: Head count and plan from the CRM.
${GTM("Cem", "A department expansion play", "Inside sales")}scores: { size: 6, fit: 6 }
phase: adjacent
owner: Cem
last_reviewed: 2026-10-01
`,
  "segments/market/free.yaml": `id: free
name: Free accounts
summary: Accounts on the free plan, which we serve with self-serve help only.
status: deprioritized
approach: behavioral
definition:
  where: plan = 'free'
scores: { size: 3, fit: 2 }
owner: Ana
last_reviewed: 2026-10-01
`,
  "data/accounts.csv": "account_id,employees,country,region,plan,main_need\nA1,10,DE,EMEA,growth,speed\nA2,2000,US,NA,enterprise,control\n",
  "data/events.csv": "account_id,occurred_at,event_type\nA1,2026-10-01 10:00:00,login\n",
};

/** segmentation.yaml as a case writes it, laid over the default (see the note at the top). */
export function configText(written: string | undefined): string {
  if (written !== undefined && /^name:/m.test(written)) return written;
  const mentioned = new Set([...(written ?? "").matchAll(/^([A-Za-z_$][\w$-]*):/gm)].map((m) => m[1]));
  const kept = Object.entries(CONFIG_TAIL_SECTIONS)
    .filter(([section]) => !mentioned.has(section))
    .map(([, text]) => text);
  return CONFIG_HEAD + kept.join("") + (written ?? "");
}
