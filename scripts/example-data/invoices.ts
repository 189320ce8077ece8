/**
 * Invoices: monthly or annual, from the day paid billing starts (signup or upgrade), only inside
 * the data window and before churn. The amount is seats × list price per seat (plus a platform
 * fee on Enterprise), less the account's discount; seats grow for healthy accounts and shrink
 * for struggling ones.
 */

import type { Account, Plan } from "./accounts.ts";
import { addMonths, formatDay, WINDOW_START } from "./calendar.ts";
import { customerDays } from "./customer-days.ts";
import type { Lifecycle } from "./profiles.ts";
import { createRandom } from "./random.ts";
import type { Random } from "./random.ts";

export const INVOICE_COLUMNS = ["invoice_id", "account_id", "invoice_date", "amount_usd", "status"] as const;

export type Invoice = { day: number; account: number; amountCents: number; status: "paid" | "refunded" | "void" };

const SEAT_PRICE: Readonly<Record<Plan, number>> = { free: 0, starter: 12, growth: 29, enterprise: 54 };
const PLATFORM_FEE: Readonly<Record<Plan, number>> = { free: 0, starter: 0, growth: 0, enterprise: 900 };
const ANNUAL_DISCOUNT = 0.15;
const SEAT_GROWTH_PER_MONTH: Readonly<Record<Lifecycle, number>> = { power: 0.025, task: 0.01, occasional: 0, struggling: -0.015 };
const REFUND_RATE: Readonly<Record<Lifecycle, number>> = { power: 0.01, task: 0.015, occasional: 0.025, struggling: 0.07 };

function seatsOn(account: Account, day: number): number {
  const months = Math.max(0, (day - Math.max(account.signupDay, WINDOW_START)) / 30.44);
  return Math.max(1, Math.round(account.seats * (1 + SEAT_GROWTH_PER_MONTH[account.lifecycle]) ** months));
}

function amountCents(account: Account, day: number): number {
  const monthly = seatsOn(account, day) * SEAT_PRICE[account.plan] + PLATFORM_FEE[account.plan];
  const list = account.billing === "annual" ? monthly * 12 * (1 - ANNUAL_DISCOUNT) : monthly;
  return Math.round(list * (1 - account.discount) * 100);
}

function pickStatus(random: Random, account: Account): Invoice["status"] {
  const r = random.next();
  if (r < REFUND_RATE[account.lifecycle]) return "refunded";
  if (r < REFUND_RATE[account.lifecycle] + 0.03) return "void";
  return "paid";
}

function accountInvoices(random: Random, account: Account): Invoice[] {
  const span = customerDays(account);
  if (span === null || account.paidFromDay === null) return [];
  const step = account.billing === "annual" ? 12 : 1;
  const invoices: Invoice[] = [];
  for (let k = 0; ; k += step) {
    const day = addMonths(account.paidFromDay, k);
    if (day > span.last) break;
    if (day < span.first) continue;
    invoices.push({ day, account: account.index, amountCents: amountCents(account, day), status: pickStatus(random, account) });
  }
  return invoices;
}

/** All invoices, sorted by date then account; ids follow that order. */
export function generateInvoices(seed: number, accounts: readonly Account[]): Invoice[] {
  const all: Invoice[] = [];
  for (const account of accounts) all.push(...accountInvoices(createRandom(seed, "invoices", account.index), account));
  return all.sort((a, b) => a.day - b.day || a.account - b.account);
}

export function invoiceRow(invoice: Invoice, position: number, accounts: readonly Account[]): string[] {
  return [
    `INV-${String(position + 1).padStart(6, "0")}`,
    accounts[invoice.account]?.accountId ?? "",
    formatDay(invoice.day),
    (invoice.amountCents / 100).toFixed(2),
    invoice.status,
  ];
}
