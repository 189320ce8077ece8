import { describe, expect, it } from "vitest";
import { configSchema, type Config } from "../schema/config.ts";
import type { LoadedSegment } from "../workspace/workspace.ts";
import { featuresNeeded } from "./features-needed.ts";

const config = (extra: Record<string, unknown> = {}): Config =>
  configSchema.parse({
    name: "t",
    goals: { focus: "internal", objective: "account-attack", statement: "s", stakeholders: [{ name: "A", role: "B" }], scope: { unit: "account" }, deliverables: ["d"] },
    sources: {
      accounts: { path: "a.csv", kind: "accounts", key: "id", columns: { id: { type: "string" }, plan: { type: "string" } } },
      events: { path: "e.csv", kind: "events", key: "id", customer: "id", timestamp: "at", columns: { id: { type: "string" }, at: { type: "timestamp" } } },
    },
    features: {
      events_30d: { source: "events", aggregate: "count", window_days: 30 },
      events_90d: { source: "events", aggregate: "count", window_days: 90 },
      days_90d: { source: "events", aggregate: "count_distinct_days", column: "at", window_days: 90 },
      busy: { expression: "events_90d / days_90d > 3" },
      unused: { expression: "events_30d > 1" },
    },
    schemes: { usage: { label: "Usage", exclusive: true } },
    ...extra,
  });

const segment = (id: string, definition: Record<string, unknown>, status = "active"): LoadedSegment =>
  ({ scheme: "usage", value: { id, name: id, status, definition } }) as unknown as LoadedSegment;

describe("featuresNeeded", () => {
  it("follows computed features to the features they read, and leaves out the rest", () => {
    const needed = featuresNeeded(config(), [segment("busy", { where: "busy and plan = 'pro'" }), segment("rest", { where: "true" })]);
    expect([...(needed ?? [])].sort()).toEqual(["busy", "days_90d", "events_90d", "plan"]);
  });

  it("skips retired segments", () => {
    expect([...(featuresNeeded(config(), [segment("old", { where: "events_30d > 0" }, "retired")]) ?? [])]).toEqual([]);
  });

  it("takes RFM whole for a group, and the value tier's measure for a tier", () => {
    const rfm = { source: "events", groups: { active: "r_score >= 4" } };
    const needed = featuresNeeded(config({ rfm, value_tiers: { measure: "events_30d" } }), [segment("g", { rfm_group: "active" }), segment("t", { where: "value_tier = 'high'" })]);
    expect(needed).toEqual(new Set(["rfm_group", "value_tier", "events_30d", "recency_days", "frequency", "monetary", "r_score", "f_score", "m_score", "tenure_days", "ltv"]));
  });

  it("gives up (everything is built) on a definition it cannot read", () => {
    expect(featuresNeeded(config(), [segment("bad", { where: "events_30d >" })])).toBeUndefined();
  });
});
