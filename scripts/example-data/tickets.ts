/**
 * Support tickets. Every account opens tickets at a steady rate for its lifecycle and market;
 * struggling accounts open many more in the last 90 days. Priority follows the topic, resolution
 * time the priority, and tickets opened in the last two weeks may still be open.
 */

import type { Account } from "./accounts.ts";
import { AS_OF, formatTimestamp, isWeekend, RECENT_START, WINDOW_END } from "./calendar.ts";
import { customerDays } from "./customer-days.ts";
import type { DaySpan } from "./customer-days.ts";
import { pickSecondOfDay } from "./event-timing.ts";
import type { Lifecycle, Market } from "./profiles.ts";
import { createRandom } from "./random.ts";
import type { Random } from "./random.ts";
import { generateSubject, TOPICS_BY_LIFECYCLE } from "./ticket-subjects.ts";
import type { TicketTopic } from "./ticket-subjects.ts";

export const TICKET_COLUMNS = ["ticket_id", "account_id", "opened_at", "priority", "channel", "subject", "resolution_hours"] as const;

type Priority = "low" | "normal" | "high" | "urgent";
export type Ticket = { day: number; second: number; account: number; priority: Priority; channel: string; subject: string; resolutionHours: number | null };

const MONTHLY_RATE: Readonly<Record<Lifecycle, number>> = { power: 0.3, task: 0.12, occasional: 0.08, struggling: 0.45 };
const MARKET_FACTOR: Readonly<Record<Market, number>> = { enterprise: 1.6, smb: 1, startup: 0.8, agency: 1 };
const PRIORITIES: Readonly<Record<TicketTopic, readonly (readonly [Priority, number])[]>> = {
  integration: [["low", 15], ["normal", 55], ["high", 25], ["urgent", 5]],
  api: [["low", 10], ["normal", 50], ["high", 30], ["urgent", 10]],
  sso: [["low", 10], ["normal", 50], ["high", 30], ["urgent", 10]],
  failure: [["low", 5], ["normal", 35], ["high", 40], ["urgent", 20]],
  howto: [["low", 55], ["normal", 40], ["high", 5], ["urgent", 0]],
  billing: [["low", 35], ["normal", 55], ["high", 10], ["urgent", 0]],
  onboarding: [["low", 25], ["normal", 55], ["high", 15], ["urgent", 5]],
  access: [["low", 10], ["normal", 45], ["high", 35], ["urgent", 10]],
};
const MEDIAN_HOURS: Readonly<Record<Priority, number>> = { urgent: 3, high: 8, normal: 20, low: 40 };

function pickChannel(random: Random, market: Market): string {
  const phone = market === "enterprise" ? 30 : 10;
  return random.weighted([["email", 50], ["chat", 40], ["phone", phone]]);
}

function openTicket(random: Random, account: Account, day: number): Ticket {
  const topic = random.weighted(TOPICS_BY_LIFECYCLE[account.lifecycle]);
  const priority = random.weighted(PRIORITIES[topic]);
  const stillOpen = random.chance(WINDOW_END - day < 14 ? 0.35 : 0.004);
  const hours = Math.max(0.1, Math.round(random.logNormal(Math.log(MEDIAN_HOURS[priority]), 0.9) * 10) / 10);
  return {
    day,
    second: pickSecondOfDay(random, isWeekend(day)),
    account: account.index,
    priority,
    channel: pickChannel(random, account.market),
    subject: generateSubject(random, topic),
    resolutionHours: stillOpen ? null : hours,
  };
}

/** How many tickets the account opens, and on which days. */
function ticketDays(random: Random, account: Account, span: DaySpan): number[] {
  const days: number[] = [];
  const length = span.last - span.first + 1;
  const steady = random.poisson((MONTHLY_RATE[account.lifecycle] * MARKET_FACTOR[account.market] * length) / 30.44);
  for (let i = 0; i < steady; i++) days.push(random.int(span.first, span.last));
  const recentFirst = Math.max(span.first, RECENT_START);
  if (account.lifecycle === "struggling" && recentFirst <= span.last) {
    const share = (span.last - recentFirst + 1) / (AS_OF - RECENT_START);
    const surge = Math.round(2 * share) + random.poisson(2.5 * share);
    for (let i = 0; i < surge; i++) days.push(random.int(recentFirst, span.last));
  }
  return days;
}

export function generateTickets(seed: number, accounts: readonly Account[]): Ticket[] {
  const all: Ticket[] = [];
  for (const account of accounts) {
    const span = customerDays(account);
    if (span === null) continue;
    const random = createRandom(seed, "tickets", account.index);
    for (const day of ticketDays(random, account, span)) all.push(openTicket(random, account, day));
  }
  return all.sort((a, b) => a.day - b.day || a.second - b.second || a.account - b.account);
}

export function ticketRow(ticket: Ticket, position: number, accounts: readonly Account[]): (string | number | null)[] {
  return [
    `TCK-${String(position + 1).padStart(6, "0")}`,
    accounts[ticket.account]?.accountId ?? "",
    formatTimestamp(ticket.day, ticket.second),
    ticket.priority,
    ticket.channel,
    ticket.subject,
    ticket.resolutionHours === null ? null : ticket.resolutionHours.toFixed(1),
  ];
}
