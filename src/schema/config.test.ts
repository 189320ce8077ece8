import { describe, expect, it } from "vitest";
import { issuesOf, parsed } from "../../test/support/zod-issues.ts";
import { configSchema, type WrittenConfig } from "./config.ts";

/** The smallest segmentation.yaml Seg accepts. */
const minimal: WrittenConfig = {
  name: "Test segmentation",
  goals: {
    focus: "internal",
    objective: "account-attack",
    statement: "Keep the accounts we have.",
    stakeholders: [{ name: "Ana", role: "VP Growth" }],
    scope: {},
    deliverables: ["A playbook"],
  },
  sources: {
    accounts: { path: "data/accounts.csv", kind: "accounts", key: "account_id", columns: { account_id: { type: "string", kind: "key" } } },
  },
  schemes: { usage: { label: "Usage" } },
};

const withConfig = (patch: Record<string, unknown>) => ({ ...minimal, ...patch });
const events = { path: "data/events.csv", kind: "events", key: "event_id", customer: "account_id", timestamp: "at", columns: { event_id: { type: "string" } } };

describe("configSchema", () => {
  describe("valid", () => {
    it("accepts the minimal configuration", () => {
      expect(configSchema.safeParse(minimal).success).toBe(true);
    });

    it("fills in every default", () => {
      const config = parsed(configSchema, minimal);
      expect(config.review).toEqual({ cadence_days: 90 });
      expect(config.thresholds).toEqual({ substantial_share: 0.03, stated_share_tolerance: 0.05, alpha: 0.05, max_missing_share: 0.05 });
      expect(config.features).toEqual({});
      expect(config.rules).toEqual({});
      expect(config.overrides).toEqual([]);
      expect(config.goals.scope.unit).toBe("account");
      expect(config.schemes.usage!.exclusive).toBe(true);
      expect(config.as_of).toBeUndefined();
    });

    it("fills the defaults a partial section leaves out", () => {
      const config = parsed(configSchema, withConfig({ review: { freshness_days: 7 }, thresholds: { alpha: 0.01 } }));
      expect(config.review).toEqual({ cadence_days: 90, freshness_days: 7 });
      expect(config.thresholds).toEqual({ substantial_share: 0.03, stated_share_tolerance: 0.05, alpha: 0.01, max_missing_share: 0.05 });
    });

    it("takes freshness thresholds for the workspace and per source", () => {
      const config = parsed(configSchema, withConfig({ review: { freshness: { warn_after_days: 14, error_after_days: 60 } }, sources: { accounts: { ...minimal.sources.accounts, freshness: { warn_after_days: 3 } } } }));
      expect(config.review.freshness).toEqual({ warn_after_days: 14, error_after_days: 60 });
      expect(config.sources.accounts!.freshness).toEqual({ warn_after_days: 3 });
    });

    it("keeps an overlapping scheme overlapping", () => {
      expect(parsed(configSchema, withConfig({ schemes: { needs: { label: "Needs", exclusive: false } } })).schemes.needs!.exclusive).toBe(false);
    });

    it("gives a column kind other unless one is written", () => {
      const config = parsed(configSchema, withConfig({ sources: { accounts: { ...minimal.sources.accounts, columns: { account_id: { type: "string" } } } } }));
      expect(config.sources.accounts!.columns.account_id!.kind).toBe("other");
    });

    it.each([
      ["an attribute feature", { source: "accounts", column: "plan" }],
      ["an aggregate feature", { source: "events", aggregate: "count_distinct_days", column: "at", window_days: 90 }],
      ["a computed feature", { expression: "active_days_90d >= 40" }],
      ["a normalized text feature", { source: "accounts", column: "industry", normalize: { categories: { software: { keywords: ["saas"] } } } }],
      ["a bucketed feature", { source: "accounts", column: "employees", buckets: [{ label: "small", below: 50 }, { label: "large" }] }],
    ])("accepts %s", (_case, feature) => {
      expect(issuesOf(configSchema, withConfig({ sources: { ...minimal.sources, events }, features: { f: feature } }))).toEqual([]);
    });

    it("fills clustering and value tier defaults", () => {
      const config = parsed(configSchema, withConfig({ clustering: { features: ["active_days_90d"] }, value_tiers: {} }));
      expect(config.clustering).toEqual({ features: ["active_days_90d"], transform: ["standardize"], k: { min: 2, max: 8 }, seed: 42, sample: 50000 });
      expect(config.value_tiers).toEqual({ measure: "monetary", high: 0.8, low: 0.5 });
    });

    it.each([
      ["a level", "warn"],
      ["a level in a list", ["error"]],
      ["a level with options", ["warn", { days: 120 }]],
    ])("accepts a rule setting written as %s", (_case, setting) => {
      expect(parsed(configSchema, withConfig({ rules: { "stale-review": setting } })).rules["stale-review"]).toEqual(setting);
    });
  });

  describe("invalid", () => {
    it.each([
      ["a misspelt top-level key", withConfig({ goal: {} }), [{ path: "", code: "unrecognized_keys", message: 'Unrecognized key: "goal"' }]],
      ["a missing goals section", withConfig({ goals: undefined }), [{ path: "goals", code: "invalid_type" }]],
      ["a missing sources section", withConfig({ sources: undefined }), [{ path: "sources", code: "invalid_type" }]],
      ["an unknown goals focus", withConfig({ goals: { ...minimal.goals, focus: "intern" } }), [{ path: "goals.focus", code: "invalid_value" }]],
      ["no stakeholders", withConfig({ goals: { ...minimal.goals, stakeholders: [] } }), [{ path: "goals.stakeholders", code: "too_small" }]],
      ["an as_of that is not a date", withConfig({ as_of: "2026-13-01" }), [{ path: "as_of", code: "custom", message: "is not a real calendar date" }]],
      ["a review cadence of zero days", withConfig({ review: { cadence_days: 0 } }), [{ path: "review.cadence_days", code: "too_small" }]],
      ["a review cadence in fractional days", withConfig({ review: { cadence_days: 7.5 } }), [{ path: "review.cadence_days", code: "invalid_type" }]],
      ["an error limit below the warning limit", withConfig({ review: { freshness: { warn_after_days: 30, error_after_days: 7 } } }), [{ path: "review.freshness.error_after_days", code: "custom" }]],
      ["an unknown freshness key", withConfig({ sources: { accounts: { ...minimal.sources.accounts, freshness: { warn_after: 7 } } } }), [{ path: "sources.accounts.freshness", code: "unrecognized_keys" }]],
      ["an alpha of 1", withConfig({ thresholds: { alpha: 1 } }), [{ path: "thresholds.alpha", code: "too_big" }]],
      ["a source name with a dash", withConfig({ sources: { "crm-accounts": minimal.sources.accounts } }), [{ path: "sources.crm-accounts", code: "invalid_key" }]],
      ["a scheme id with capitals", withConfig({ schemes: { Usage: { label: "Usage" } } }), [{ path: "schemes.Usage", code: "invalid_key" }]],
      ["an unknown source kind", withConfig({ sources: { accounts: { ...minimal.sources.accounts, kind: "customers" } } }), [{ path: "sources.accounts.kind", code: "invalid_value" }]],
      [
        "an unknown column type",
        withConfig({ sources: { accounts: { ...minimal.sources.accounts, columns: { account_id: { type: "text" } } } } }),
        [{ path: "sources.accounts.columns.account_id.type", code: "invalid_value" }],
      ],
      ["a scheme without a label", withConfig({ schemes: { usage: {} } }), [{ path: "schemes.usage.label", code: "invalid_type" }]],
      ["a k range upside down", withConfig({ clustering: { features: ["x"], k: { min: 5, max: 3 } } }), [{ path: "clustering.k.min", code: "custom", message: "must not exceed k.max" }]],
      ["value tiers with low above high", withConfig({ value_tiers: { low: 0.9, high: 0.8 } }), [{ path: "value_tiers.low", code: "custom", message: "must be below value_tiers.high" }]],
      [
        "a factor weight over 100",
        withConfig({ prioritization: { schemes: ["usage"], factors: { size: { label: "Size", weight: 101, lens: "demand" } } } }),
        [{ path: "prioritization.factors.size.weight", code: "too_big" }],
      ],
      [
        "an unknown lens",
        withConfig({ prioritization: { schemes: ["usage"], factors: { size: { label: "Size", weight: 100, lens: "market" } } } }),
        [{ path: "prioritization.factors.size.lens", code: "invalid_value" }],
      ],
      ["a rule level that is not a level", withConfig({ rules: { "weights-sum": "warning" } }), [{ path: "rules.weights-sum", code: "invalid_union" }]],
      ["an override without files", withConfig({ overrides: [{ files: [], rules: {} }] }), [{ path: "overrides[0].files", code: "too_small" }]],
      ["a feature that is neither attribute, aggregate nor computed", withConfig({ features: { f: { source: "accounts" } } }), [{ path: "features.f", code: "invalid_union" }]],
      // zod settles on the attribute branch (source + column) and calls aggregate unknown; from-zod rephrases it.
      ["an unknown aggregate", withConfig({ features: { f: { source: "events", aggregate: "median", column: "x" } } }), [{ path: "features.f" }]],
    ])("refuses %s", (_case, config, expected) => {
      expect(issuesOf(configSchema, config)).toMatchObject(expected);
    });

    it.each([
      ["a list", [minimal]],
      ["text", "name: Test"],
      ["null (an empty file)", null],
    ])("refuses %s at the top level", (_case, value) => {
      expect(issuesOf(configSchema, value)).toMatchObject([{ path: "", code: "invalid_type" }]);
    });
  });
});
