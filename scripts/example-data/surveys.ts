/**
 * NPS survey responses. Relay sends a survey every quarter and runs an in-app prompt; about one
 * account in 2.4 answers at least once in the data window. The score follows the hidden
 * lifecycle (power users promote, struggling accounts detract); about 5% skip the score.
 */

import type { Account } from "./accounts.ts";
import { dayOf, formatDay } from "./calendar.ts";
import { customerDays } from "./customer-days.ts";
import type { Lifecycle, Market } from "./profiles.ts";
import { createRandom } from "./random.ts";
import type { Random } from "./random.ts";
import { generateComment, generateRole } from "./survey-text.ts";

export const SURVEY_COLUMNS = ["response_id", "account_id", "answered_at", "respondent_role", "nps", "comment"] as const;

export type SurveyResponse = { day: number; account: number; role: string; nps: number | null; comment: string | null };

const CAMPAIGNS = ["2024-11-12", "2025-02-10", "2025-05-12", "2025-08-11", "2025-11-10", "2026-02-09", "2026-05-11", "2026-08-10", "2026-10-12"].map(dayOf);
const RESPONSES_PER_ACCOUNT: Readonly<Record<Market, number>> = { enterprise: 0.75, smb: 0.45, startup: 0.4, agency: 0.45 };
const NPS: Readonly<Record<Lifecycle, { mean: number; sd: number }>> = {
  power: { mean: 8.8, sd: 1.2 },
  task: { mean: 7.6, sd: 1.6 },
  occasional: { mean: 6.3, sd: 2 },
  struggling: { mean: 3.4, sd: 2.2 },
};

/** A campaign day plus a few days' delay, or any day for an in-app prompt. */
function pickAnswerDay(random: Random, first: number, last: number): number | null {
  if (random.chance(0.2)) return random.int(first, last);
  const day = random.pick(CAMPAIGNS) + Math.min(20, random.poisson(2));
  return day >= first && day <= last ? day : null;
}

function accountResponses(random: Random, account: Account): SurveyResponse[] {
  const span = customerDays(account);
  if (span === null) return [];
  const responses: SurveyResponse[] = [];
  const count = random.poisson(RESPONSES_PER_ACCOUNT[account.market]);
  for (let i = 0; i < count; i++) {
    const day = pickAnswerDay(random, span.first, span.last);
    if (day === null) continue;
    const { mean, sd } = NPS[account.lifecycle];
    const nps = random.chance(0.05) ? null : Math.min(10, Math.max(0, Math.round(random.normal(mean, sd))));
    responses.push({ day, account: account.index, role: generateRole(random, account.market), nps, comment: generateComment(random, nps) });
  }
  return responses;
}

export function generateSurveys(seed: number, accounts: readonly Account[]): SurveyResponse[] {
  const all: SurveyResponse[] = [];
  for (const account of accounts) all.push(...accountResponses(createRandom(seed, "surveys", account.index), account));
  return all.sort((a, b) => a.day - b.day || a.account - b.account);
}

export function surveyRow(response: SurveyResponse, position: number, accounts: readonly Account[]): (string | number | null)[] {
  return [
    `RSP-${String(position + 1).padStart(5, "0")}`,
    accounts[response.account]?.accountId ?? "",
    formatDay(response.day),
    response.role,
    response.nps,
    response.comment,
  ];
}
