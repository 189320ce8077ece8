/**
 * Free text in survey responses: the respondent's role as typed (no two teams write a title the
 * same way) and a comment whose theme and tone follow the score.
 */

import type { Market } from "./profiles.ts";
import type { Random } from "./random.ts";

const ROLES: Readonly<Record<Market, readonly string[]>> = {
  enterprise: ["VP Operations", "VP, Operations", "Director of Business Operations", "IT admin", "IT Administrator", "Head of RevOps", "Sr. Manager, Process Excellence", "Automation Lead", "Enterprise architect", "Program Manager"],
  smb: ["Head of Ops", "ops manager", "Operations Manager", "Office Manager", "COO", "IT admin", "Finance lead", "Operations", "Owner"],
  startup: ["founder & CEO", "Co-founder", "CTO", "cto", "Founder", "Head of Growth", "engineer", "CEO / founder", "Founding engineer"],
  agency: ["Marketing Lead", "Account Director", "Head of Delivery", "Producer", "Managing Partner", "Ops @ agency", "Creative Director", "marketing manager"],
};

export function generateRole(random: Random, market: Market): string {
  const role = random.pick(ROLES[market]);
  const r = random.next();
  if (r < 0.08) return role.toLowerCase();
  if (r < 0.11) return `${role} `;
  if (r < 0.13) return role.toUpperCase();
  return role;
}

type Tone = "promoter" | "passive" | "detractor";

const COMMENTS: Readonly<Record<Tone, readonly string[]>> = {
  promoter: [
    "Super easy to use, the team picked it up in a day",
    "Integrations just work. Salesforce + Slack saved us hours every week",
    "Support answered within the hour, great experience",
    "Love the templates, we automated our whole onboarding",
    "The API is solid and well documented",
    "Reports are exactly what our leadership wants to see",
    "Best automation tool we've tried, and we tried a few",
  ],
  passive: [
    "Good product, but reporting could be more flexible",
    "Pricing is OK for now; it gets expensive as we add seats",
    "Would love more integrations (NetSuite, please)",
    "Does the job. The editor is a bit clunky for complex flows",
    "Support is helpful but sometimes slow to respond",
    "Solid, though exporting reports to CSV is harder than it should be",
  ],
  detractor: [
    "Too expensive for what we use",
    "Workflows fail randomly and nobody can tell us why",
    "Support takes days to answer, we're considering alternatives",
    "Hard to learn, our team gave up after the trial",
    "Reporting is very limited, we export everything to Excel",
    "The integration with HubSpot keeps breaking",
    "price went up again, not worth it",
  ],
};

function toneOf(nps: number | null): Tone {
  if (nps === null) return "passive";
  if (nps >= 9) return "promoter";
  return nps >= 7 ? "passive" : "detractor";
}

/** A comment matching the score, or null when the respondent left it empty (about a quarter). */
export function generateComment(random: Random, nps: number | null): string | null {
  if (random.chance(0.25)) return null;
  let comment = random.pick(COMMENTS[toneOf(nps)]);
  const r = random.next();
  if (r < 0.1) comment = comment.toLowerCase();
  else if (r < 0.18) comment = `${comment}.`;
  else if (r < 0.22) comment = `${comment}!`;
  else if (r < 0.25) comment = `"${comment}"`;
  return comment;
}
