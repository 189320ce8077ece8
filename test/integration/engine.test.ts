/**
 * The engine on a small hand-made workspace whose every number can be worked
 * out by hand: windows, aggregates, normalization, buckets, computed features,
 * RFM, value tiers, first-match memberships, overlap and unassigned members.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDefinitions } from "../../src/api/check.ts";
import type { Database } from "../../src/engine/duckdb.ts";
import { runEngine, type EngineResult } from "../../src/engine/run-engine.ts";
import { tempWorkspace, type TempWorkspace } from "../support/temp-workspace.ts";

const CONFIG = `name: Engine test
as_of: 2026-11-01
goals:
  focus: internal
  objective: account-attack
  statement: Test.
  stakeholders: [{ name: A, role: B }]
  scope: { unit: account }
  deliverables: [Numbers]
sources:
  accounts:
    path: data/accounts.csv
    kind: accounts
    key: id
    columns:
      id: { type: string, kind: key }
      employees: { type: integer, kind: firmographic }
      industry_raw: { type: string, kind: firmographic }
      churned_on: { type: date }
  orders:
    path: data/orders.csv
    kind: transactions
    key: order_id
    customer: id
    timestamp: at
    amount: amount
    filter: status = 'paid'
    columns:
      order_id: { type: string, kind: key }
      id: { type: string, kind: key }
      at: { type: timestamp }
      amount: { type: number }
      status: { type: string }
  events:
    path: data/events.csv
    kind: events
    key: id
    customer: id
    timestamp: at
    columns:
      id: { type: string, kind: key }
      at: { type: timestamp }
      kind: { type: string, kind: behavioral }
features:
  active_days_30d: { source: events, aggregate: count_distinct_days, column: at, window_days: 30 }
  logins_30d: { source: events, aggregate: count, where: "kind = 'login'", window_days: 30 }
  events_all: { source: events, aggregate: count }
  days_since_event: { source: events, aggregate: days_since_last }
  industry:
    source: accounts
    column: industry_raw
    normalize:
      categories:
        agency: { keywords: [agency, studio] }
        software: { keywords: [software, saas] }
      otherwise: other
  size: { source: accounts, column: employees, buckets: [{ label: small, below: 50 }, { label: mid, below: 1000 }, { label: large }] }
  churned: { expression: churned_on is not null }
  busy: { expression: active_days_30d >= 2 and not churned }
metrics:
  churn_rate: { label: Churn, feature: churned, aggregate: share }
rfm:
  source: orders
  groups:
    best: r_score >= 4 and f_score >= 4
    rest: r_score >= 1
value_tiers: { measure: monetary, high: 0.8, low: 0.5 }
schemes:
  usage: { label: Usage, exclusive: true }
  tags: { label: Tags, exclusive: false }
`;

const ACCOUNTS = `id,employees,industry_raw,churned_on
a1,10,Digital Agency,
a2,200,SaaS / software,
a3,5000,Retail,2026-09-01
a4,,  ,
a5,40,creative studio,
`;

// as_of 2026-11-01: the 30-day window is [2026-10-02, 2026-11-01).
const EVENTS = `id,at,kind
a1,2026-10-30 09:00:00,login
a1,2026-10-30 17:00:00,login
a1,2026-10-29 09:00:00,export
a1,2026-09-01 09:00:00,login
a2,2026-10-02 00:00:00,login
a2,2026-10-01 23:59:59,login
a3,2026-08-20 10:00:00,login
a5,2026-11-01 00:00:00,login
`;

const ORDERS = `order_id,id,at,amount,status
o1,a1,2026-10-01 10:00:00,100,paid
o2,a1,2026-10-20 10:00:00,50.5,paid
o3,a2,2026-06-01 10:00:00,1000,paid
o4,a2,2026-06-01 11:00:00,1,refunded
o5,a3,2025-11-01 00:00:00,10,paid
o6,a5,2026-10-31 12:00:00,20,paid
`;

const SEGMENTS = {
  "segments/usage/active.yaml": `id: active\nname: Active\nsummary: s\nstatus: active\napproach: behavioral\norder: 1\ndefinition:\n  where: active_days_30d >= 1\n`,
  "segments/usage/agencies.yaml": `id: agencies\nname: Agencies\nsummary: s\nstatus: active\napproach: firmographic\norder: 2\ndefinition:\n  where: industry = 'agency'\n`,
  "segments/usage/gone.yaml": `id: gone\nname: Gone\nsummary: s\nstatus: retired\napproach: behavioral\norder: 0\ndefinition:\n  where: "true"\n`,
  "segments/tags/buyers.yaml": `id: buyers\nname: Buyers\nsummary: s\nstatus: active\napproach: behavioral\ndefinition:\n  where: frequency >= 1\n`,
  "segments/tags/big.yaml": `id: big\nname: Big\nsummary: s\nstatus: active\napproach: firmographic\ndefinition:\n  where: employees >= 100\n`,
  "segments/tags/best-rfm.yaml": `id: best-rfm\nname: Best\nsummary: s\nstatus: active\napproach: behavioral\ndefinition:\n  rfm_group: best\n`,
};

let ws: TempWorkspace;
let engine: EngineResult;
let db: Database;
let rows: Record<string, Record<string, unknown>>;

beforeAll(async () => {
  ws = tempWorkspace({ "segmentation.yaml": CONFIG, "data/accounts.csv": ACCOUNTS, "data/events.csv": EVENTS, "data/orders.csv": ORDERS, ...SEGMENTS }, {});
  const definitions = checkDefinitions({ root: ws.root, today: "2026-11-23" });
  expect(definitions.diagnostics).toEqual([]);
  engine = await runEngine(definitions.workspace, definitions.catalog, definitions.expressions, { dataRoot: ws.root, asOf: definitions.asOf, keepDatabase: true });
  expect(engine.diagnostics).toEqual([]);
  db = engine.db!;
  rows = Object.fromEntries((await db.all("SELECT * FROM features ORDER BY member_id")).map((r) => [String(r.member_id), r]));
});
afterAll(() => {
  db?.close();
  ws?.remove();
});

describe("features", () => {
  it("counts distinct active days inside the window only (start inclusive, as_of exclusive)", () => {
    expect([rows.a1!.active_days_30d, rows.a2!.active_days_30d, rows.a3!.active_days_30d, rows.a4!.active_days_30d, rows.a5!.active_days_30d]).toEqual([2, 1, 0, 0, 0]);
  });

  it("applies an aggregate's where and defaults counts to 0", () => {
    expect([rows.a1!.logins_30d, rows.a2!.logins_30d, rows.a4!.logins_30d]).toEqual([2, 1, 0]);
    expect([rows.a1!.events_all, rows.a4!.events_all]).toEqual([4, 0]);
  });

  it("measures days since the last event in whole days, null without events", () => {
    expect(rows.a1!.days_since_event).toBe(1); // 2026-10-30 17:00 → 2026-11-01 00:00 is 1 day 7 h
    expect(rows.a4!.days_since_event).toBeNull();
  });

  it("normalizes free text by keywords, first category first, blanks to null", () => {
    expect([rows.a1!.industry, rows.a2!.industry, rows.a3!.industry, rows.a4!.industry, rows.a5!.industry]).toEqual(["agency", "software", "other", null, "agency"]);
  });

  it("buckets numbers with exclusive upper bounds", () => {
    expect([rows.a1!.size, rows.a2!.size, rows.a3!.size, rows.a4!.size]).toEqual(["small", "mid", "large", null]);
  });

  it("measures usage intensity as events per active day over the last 90 days", () => {
    // a1: 4 events on 3 days within 90 days (2026-09-01 is inside the window).
    expect([rows.a1!.usage_intensity, rows.a2!.usage_intensity, rows.a4!.usage_intensity]).toEqual([4 / 3, 1, 0]);
  });

  it("computes expression features over other features", () => {
    expect([rows.a1!.churned, rows.a3!.churned]).toEqual([false, true]);
    expect([rows.a1!.busy, rows.a2!.busy]).toEqual([true, false]);
  });

  it("computes RFM from paid orders only, before as_of", () => {
    expect(rows.a1).toMatchObject({ frequency: 2, monetary: 150.5, recency_days: 11, tenure_days: 30 });
    expect(rows.a2).toMatchObject({ frequency: 1, monetary: 1000 });
    expect(rows.a4).toMatchObject({ frequency: 0, monetary: 0, recency_days: null, r_score: null });
  });

  it("scores quintiles among buyers with ties broken by id", () => {
    // Recency: a5 (0 d) < a1 (11) < a2 (152) < a3 (365) → r 5, 4, 2, 1 for 4 buyers.
    expect([rows.a5!.r_score, rows.a1!.r_score, rows.a2!.r_score, rows.a3!.r_score]).toEqual([5, 4, 2, 1]);
    expect([rows.a3!.m_score, rows.a5!.m_score, rows.a1!.m_score, rows.a2!.m_score]).toEqual([1, 2, 4, 5]);
  });

  it("assigns value tiers by percentile of monetary value, ties sharing a tier", () => {
    expect([rows.a4!.value_tier, rows.a3!.value_tier, rows.a5!.value_tier, rows.a1!.value_tier, rows.a2!.value_tier]).toEqual(["low", "low", "mid", "mid", "high"]);
  });
});

describe("memberships and metrics", () => {
  it("puts each member in the first matching segment of an exclusive scheme, skipping retired ones", async () => {
    const m = await db.all("SELECT member_id, segment FROM memberships WHERE scheme = 'usage' ORDER BY member_id");
    expect(m.map((r) => [r.member_id, r.segment])).toEqual([["a1", "active"], ["a2", "active"], ["a3", null], ["a4", null], ["a5", "agencies"]]);
  });

  it("lets members of an overlapping scheme be in several segments, and reports the overlap", () => {
    const tags = engine.schemes.find((s) => s.scheme === "tags")!;
    const count = (id: string | null) => tags.segments.find((s) => s.segment === id)?.count;
    expect([count("buyers"), count("big"), count("best-rfm"), count(null)]).toEqual([4, 2, 2, 1]);
    // best-rfm: a1 (r 4, f 5) and a5 (r 5, f 4); big: a2 and a3; both buy.
    expect(tags.overlap).toEqual({ "best-rfm|buyers": 2, "big|buyers": 2 });
  });

  it("reports shares of the whole population, unassigned included, with value and declared metrics", () => {
    const usage = engine.schemes.find((s) => s.scheme === "usage")!;
    const active = usage.segments.find((s) => s.segment === "active")!;
    expect(active).toMatchObject({ count: 2, share: 0.4, value: 1150.5 });
    expect(active.valueShare).toBeCloseTo(1150.5 / 1180.5, 12);
    expect(usage.segments.find((s) => s.segment === null)).toMatchObject({ count: 2, share: 0.4, metrics: { churn_rate: 0.5 } });
  });

  it("gives every numeric and boolean feature's count of values and mean per segment (a boolean's mean is its share)", () => {
    const unassigned = engine.schemes.find((s) => s.scheme === "usage")!.segments.find((s) => s.segment === null)!;
    // Unassigned: a3 (churned, 5000 employees) and a4 (not churned, employees blank).
    expect(unassigned.features).toMatchObject({ churned: { n: 2, mean: 0.5 }, employees: { n: 1, mean: 5000 } });
    expect(unassigned.features).not.toHaveProperty("industry");
  });

  it("reports how much free text the normalization mapped", () => {
    expect(engine.normalization).toEqual([{ feature: "industry", column: "industry_raw", total: 4, mapped: 3, share: 0.75, unmapped: [{ value: "Retail", count: 1 }] }]);
  });
});
