/**
 * How each hidden lifecycle uses the product, drawn per account: how likely it is active on a
 * weekday and on a weekend, how many events an active day holds, which event types it uses, and
 * how many people log in. These numbers are what the lifecycle rules recover.
 */

import type { Account } from "./accounts.ts";
import type { Lifecycle } from "./profiles.ts";
import type { Random } from "./random.ts";

export const EVENT_TYPES = ["login", "workflow_run", "report_export", "integration_added", "invite_sent", "api_call", "template_used"] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export type UsageProfile = {
  /** Chance of activity on a weekday at today's usage level. */
  weekdayActive: number;
  weekendActive: number;
  /** Mean events on an active day (at least one). */
  eventsPerDay: number;
  /** Event types this account uses, with relative weights. */
  types: readonly (readonly [EventType, number])[];
  /** People who use the product; the first ones are the most active. */
  users: number;
};

type TypeMix = { always: readonly (readonly [EventType, number])[]; optional: readonly (readonly [EventType, number])[]; optionalMin: number; optionalMax: number };

const TYPE_MIX: Readonly<Record<Lifecycle, TypeMix>> = {
  power: {
    always: [["workflow_run", 34], ["login", 16], ["api_call", 20], ["integration_added", 4], ["report_export", 9]],
    optional: [["invite_sent", 5], ["template_used", 8]],
    optionalMin: 1,
    optionalMax: 2,
  },
  task: {
    always: [["workflow_run", 68], ["login", 24]],
    optional: [["template_used", 6], ["report_export", 5], ["invite_sent", 2]],
    optionalMin: 0,
    optionalMax: 2,
  },
  occasional: {
    always: [["login", 45], ["workflow_run", 30]],
    optional: [["report_export", 18], ["template_used", 10], ["invite_sent", 4]],
    optionalMin: 0,
    optionalMax: 2,
  },
  struggling: {
    always: [["login", 60]],
    optional: [["template_used", 15], ["workflow_run", 15], ["invite_sent", 10]],
    optionalMin: 0,
    optionalMax: 2,
  },
};

const ACTIVITY: Readonly<Record<Lifecycle, { weekday: [number, number]; weekend: [number, number]; perDay: [number, number] }>> = {
  power: { weekday: [0.8, 0.97], weekend: [0.08, 0.3], perDay: [2, 3] },
  task: { weekday: [0.38, 0.6], weekend: [0, 0.06], perDay: [1.6, 2.2] },
  occasional: { weekday: [0.12, 0.2], weekend: [0, 0.04], perDay: [1.1, 1.5] },
  struggling: { weekday: [0.004, 0.05], weekend: [0, 0.01], perDay: [1, 1.4] },
};

const USERS: Readonly<Record<Lifecycle, { share: number; min: number; max: number }>> = {
  power: { share: 0.7, min: 6, max: 60 },
  task: { share: 0.35, min: 1, max: 10 },
  occasional: { share: 0.25, min: 1, max: 5 },
  struggling: { share: 0.3, min: 1, max: 3 },
};

function pickTypes(random: Random, mix: TypeMix): (readonly [EventType, number])[] {
  const count = random.int(mix.optionalMin, mix.optionalMax);
  const optional = random.shuffle(mix.optional).slice(0, count);
  return [...mix.always, ...optional].map(([type, weight]) => [type, weight * random.uniform(0.7, 1.3)] as const);
}

export function drawUsageProfile(random: Random, account: Account): UsageProfile {
  const activity = ACTIVITY[account.lifecycle];
  const users = USERS[account.lifecycle];
  return {
    weekdayActive: random.uniform(...activity.weekday),
    weekendActive: random.uniform(...activity.weekend),
    eventsPerDay: random.uniform(...activity.perDay),
    types: pickTypes(random, TYPE_MIX[account.lifecycle]),
    users: Math.min(users.max, Math.max(users.min, Math.round(account.seats * users.share))),
  };
}
