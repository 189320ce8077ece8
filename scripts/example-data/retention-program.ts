/**
 * The example company's retention program: on 2026-06-01 Relay started a 13-week campaign of the
 * plays its occasional users' segment file describes (a weekly what-ran-for-you email and a
 * template of the week). While it ran, accounts with the hidden occasional lifecycle were active
 * on more days; when it ended they went back to their old habits. No other lifecycle is touched, so the workspace's before/after comparison (impact: in
 * segmentation.yaml) has one true effect to find against everyone else's change.
 */

import type { Account } from "./accounts.ts";
import { dayOf } from "./calendar.ts";

/** The day the program went live: impact.launch in the example's segmentation.yaml. */
export const PROGRAM_LAUNCH = dayOf("2026-06-01");

/** The first day after the campaign (13 weeks, 91 days). */
export const PROGRAM_END = PROGRAM_LAUNCH + 91;

/** How much likelier an occasional account is to be active on a day after the launch. */
export const PROGRAM_ACTIVITY_LIFT = 1.6;

/** The factor on the account's chance of activity on `day`: the lift for occasional accounts while the campaign ran, else 1. */
export function programLift(account: Account, day: number): number {
  return account.lifecycle === "occasional" && day >= PROGRAM_LAUNCH && day < PROGRAM_END ? PROGRAM_ACTIVITY_LIFT : 1;
}
