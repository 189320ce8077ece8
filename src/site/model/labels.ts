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
