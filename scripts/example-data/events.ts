/**
 * Product events: for every day an account is a customer, it is active with the probability its
 * usage profile gives (scaled by product growth), and an active day holds a handful of events
 * by its users (occasional accounts more often from the retention program's launch, see
 * retention-program.ts). Rows come out sorted by time, then account, so the gzipped file stays small.
 */

import type { Account } from "./accounts.ts";
import { formatTimestamp, isWeekend } from "./calendar.ts";
import { customerDays } from "./customer-days.ts";
import { pickSecondOfDay, usageLevel } from "./event-timing.ts";
import { createRandom } from "./random.ts";
import { programLift } from "./retention-program.ts";
import type { Random } from "./random.ts";
import { drawUsageProfile, EVENT_TYPES } from "./usage-profiles.ts";
import type { EventType, UsageProfile } from "./usage-profiles.ts";

export const EVENT_COLUMNS = ["account_id", "user_id", "occurred_at", "event_type"] as const;

export type ProductEvent = { day: number; second: number; account: number; user: number; type: EventType };

function userWeights(users: number): (readonly [number, number])[] {
  return Array.from({ length: users }, (_, j) => [j, 1 / (j + 1) ** 0.9] as const);
}

function simulateAccount(random: Random, account: Account, profile: UsageProfile, firstUser: number): ProductEvent[] {
  const span = customerDays(account);
  if (span === null) return [];
  const users = userWeights(profile.users);
  const events: ProductEvent[] = [];
  for (let day = span.first; day <= span.last; day++) {
    const weekend = isWeekend(day);
    const p = Math.min(1, (weekend ? profile.weekendActive : profile.weekdayActive) * usageLevel(day) * programLift(account, day));
    if (!random.chance(p)) continue;
    const count = 1 + random.poisson(profile.eventsPerDay - 1);
    for (let k = 0; k < count; k++) {
      events.push({
        day,
        second: pickSecondOfDay(random, weekend),
        account: account.index,
        user: firstUser + random.weighted(users),
        type: random.weighted(profile.types),
      });
    }
  }
  return events;
}

function compareEvents(a: ProductEvent, b: ProductEvent): number {
  return a.day - b.day || a.second - b.second || a.account - b.account || a.user - b.user || EVENT_TYPES.indexOf(a.type) - EVENT_TYPES.indexOf(b.type);
}

/** All events of all accounts, sorted; user numbers are unique across the company. */
export function generateEvents(seed: number, accounts: readonly Account[]): ProductEvent[] {
  const all: ProductEvent[] = [];
  let nextUser = 10_001;
  for (const account of accounts) {
    const random = createRandom(seed, "events", account.index);
    const profile = drawUsageProfile(random, account);
    for (const event of simulateAccount(random, account, profile, nextUser)) all.push(event);
    nextUser += profile.users;
  }
  return all.sort(compareEvents);
}

export function eventRow(event: ProductEvent, accounts: readonly Account[]): string[] {
  return [accounts[event.account]?.accountId ?? "", `U-${event.user}`, formatTimestamp(event.day, event.second), event.type];
}
