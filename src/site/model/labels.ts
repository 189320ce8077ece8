/** The words the playbook uses for the method's fixed vocabularies. */
import type { Criterion } from "../../engine/idsaa.ts";
import type { Quadrant } from "../../engine/sensitivity.ts";

export const STATUS_LABELS: Record<string, string> = { active: "Active", proposed: "Proposed", deprioritized: "Not served", retired: "Retired" };

export const APPROACH_LABELS: Record<string, string> = { behavioral: "Behavioral", needs: "Needs-based", firmographic: "Firmographic", demographic: "Demographic" };

export const BUYING_ROLES = ["decision-maker", "champion", "influencer", "user", "blocker"] as const;

export const BUYING_ROLE_LABELS: Record<string, string> = {
  "decision-maker": "Decision maker",
  champion: "Champion",
  influencer: "Influencer",
  user: "User",
  blocker: "Blocker",
};

/** Persona kinds: B2B (the account, a person in its buying team) and B2C (a consumer, a household). */
export const PERSONA_KIND_LABELS: Record<string, { label: string; persona: string; who: string }> = {
  enterprise: { label: "Enterprise", persona: "Enterprise persona", who: "The account as a whole" },
  buyer: { label: "Buyer", persona: "Buyer persona", who: "A person in the buying team" },
  consumer: { label: "Consumer", persona: "Consumer persona", who: "One person buying for themselves" },
  household: { label: "Household", persona: "Household persona", who: "A household deciding together" },
};

/** Columns of the personas matrix, in order: the kinds that stand alone, then the buying team's roles. */
export const PERSONA_ROLE_ORDER = ["enterprise", "consumer", "household", ...BUYING_ROLES] as const;

export const PERSONA_ROLE_LABELS: Record<string, string> = { enterprise: "Enterprise", consumer: "Consumer", household: "Household", ...BUYING_ROLE_LABELS };

export const PHASES = ["beachhead", "adjacent", "coverage"] as const;

export const PHASE_LABELS: Record<string, { label: string; description: string }> = {
  beachhead: { label: "Beachhead", description: "Win here first: a segment we can dominate with what we have." },
  adjacent: { label: "Adjacent", description: "Next: segments that share needs or references with the beachhead." },
  coverage: { label: "Broader coverage", description: "Later: served, but not where the effort goes now." },
};

export const QUADRANT_LABELS: Record<Quadrant, { label: string; description: string }> = {
  "protect-and-grow": { label: "Protect and grow", description: "High value today and high potential: invest and defend." },
  develop: { label: "Develop", description: "Low value today, high potential: build the position." },
  maintain: { label: "Maintain", description: "High value today, lower potential: serve efficiently." },
  deprioritize: { label: "Deprioritize", description: "Low value and low potential: self-serve only." },
};

export const LENS_LABELS: Record<string, { label: string; description: string }> = {
  demand: { label: "Demand", description: "How big the prize is: market size and revenue potential." },
  competition: { label: "Competition", description: "How hard it is to win: ease of acquisition against alternatives." },
  capacity: { label: "Own capacity", description: "How well we can serve it: fit with the product and strategic value." },
};

export const CRITERIA_LABELS: Record<Criterion, { label: string; question: string }> = {
  identifiable: { label: "Identifiable", question: "Can a rule or model find its members?" },
  substantial: { label: "Substantial", question: "Is it big and valuable enough to matter?" },
  accessible: { label: "Accessible", question: "Can we reach it, and does someone own it?" },
  differentiable: { label: "Differentiable", question: "Does it behave measurably differently from the rest?" },
  actionable: { label: "Actionable", question: "Do we know what to offer it and how to measure success?" },
};

export const STAGE_LABELS: Record<string, string> = { new: "New customers", existing: "Existing customers", "at-risk": "At-risk customers" };

export const VERDICT_LABELS: Record<string, string> = { supported: "Supported", rejected: "Rejected", inconclusive: "Inconclusive", "not-run": "Not run" };

const PLURAL: Record<string, string> = { account: "accounts", customer: "customers", user: "users" };

/** The goal's focus in the workspace's unit: accounts for B2B, customers or users for B2C. */
export function focusLabel(focus: "internal" | "external", unit: string): string {
  const units = PLURAL[unit] ?? `${unit}s`;
  return focus === "internal" ? `Internal — retain and expand existing ${units}` : `External — win new ${units} in new markets`;
}

/**
 * The objective in the workspace's unit. The method's "account attack" names
 * named B2B accounts; with customers or users as the unit the same objective
 * is growing the existing base, and says so.
 */
export function objectiveLabel(objective: "new-market" | "account-attack", unit: string): string {
  const units = PLURAL[unit] ?? `${unit}s`;
  if (objective === "new-market") return unit === "account" ? "New-market entry — open a market we do not serve yet" : `New-market entry — reach ${units} in a market we do not serve yet`;
  return unit === "account" ? "Account attack — win more of existing or named accounts" : `Existing ${units} first — grow what existing ${units} buy and keep them longer`;
}
