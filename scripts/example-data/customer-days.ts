/** The days on which an account is a customer inside the data window: from signup (or the window start) to the day before churn. */

import type { Account } from "./accounts.ts";
import { WINDOW_END, WINDOW_START } from "./calendar.ts";

export type DaySpan = { first: number; last: number };

/** First and last day (inclusive) on which the account can produce data, or null if none. */
export function customerDays(account: Account): DaySpan | null {
  const first = Math.max(account.signupDay, WINDOW_START);
  const last = Math.min(account.churnDay === null ? WINDOW_END : account.churnDay - 1, WINDOW_END);
  return first <= last ? { first, last } : null;
}
