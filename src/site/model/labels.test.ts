import { describe, expect, it } from "vitest";
import { focusLabel, objectiveLabel } from "./labels.ts";

describe("goal wording follows the workspace's unit", () => {
  it.each([
    ["account-attack", "account", "Account attack — win more of existing or named accounts"],
    ["account-attack", "customer", "Existing customers first — grow what existing customers buy and keep them longer"],
    ["account-attack", "user", "Existing users first — grow what existing users buy and keep them longer"],
    ["new-market", "account", "New-market entry — open a market we do not serve yet"],
    ["new-market", "customer", "New-market entry — reach customers in a market we do not serve yet"],
  ] as const)("objective %s with unit %s", (objective, unit, expected) => {
    expect(objectiveLabel(objective, unit)).toBe(expected);
  });

  it.each([
    ["internal", "account", "Internal — retain and expand existing accounts"],
    ["internal", "customer", "Internal — retain and expand existing customers"],
    ["external", "user", "External — win new users in new markets"],
  ] as const)("focus %s with unit %s", (focus, unit, expected) => {
    expect(focusLabel(focus, unit)).toBe(expected);
  });
});
