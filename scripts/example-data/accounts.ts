/**
 * The account table: firmographics from the hidden market, plan and churn from market and
 * lifecycle. The returned records keep the hidden labels and the commercial facts the other
 * files need (seats, billing cadence, the day paid billing starts); only `ACCOUNT_COLUMNS` are
 * written.
 */

import { dayOf, EARLIEST_SIGNUP, formatDay, LATEST_SIGNUP, WINDOW_END, WINDOW_START } from "./calendar.ts";
import { generateCompanyName } from "./company-names.ts";
import { pickLocation } from "./geography.ts";
import type { SalesRegion } from "./geography.ts";
import { generateIndustry } from "./industries.ts";
import { dealLabels, LIFECYCLE_SHARES, MARKET_SHARES } from "./profiles.ts";
import type { Lifecycle, Market } from "./profiles.ts";
import { createRandom } from "./random.ts";
import type { Random } from "./random.ts";

export type Plan = "free" | "starter" | "growth" | "enterprise";
export type Billing = "monthly" | "annual";

export type Account = {
  index: number;
  accountId: string;
  companyName: string;
  industryRaw: string;
  employees: number | null;
  annualRevenueUsd: number | null;
  country: string;
  salesRegion: SalesRegion;
  plan: Plan;
  signupDay: number;
  churnDay: number | null;
  acquisitionChannel: string;
  /** Hidden labels, never written. */
  lifecycle: Lifecycle;
  market: Market;
  /** Licensed seats at the start of the data window (or at signup if later). */
  seats: number;
  billing: Billing;
  /** First day of paid billing: the signup, or a later upgrade from free. Null on the free plan. */
  paidFromDay: number | null;
  /** Negotiated discount on list price, 0–0.25. */
  discount: number;
};

export const ACCOUNT_COLUMNS = ["account_id", "company_name", "industry_raw", "employees", "annual_revenue_usd", "country", "sales_region", "plan", "signup_date", "churned_on", "acquisition_channel"] as const;

const EMPLOYEES: Readonly<Record<Market, { min: number; max: number }>> = {
  enterprise: { min: 1000, max: 50000 },
  smb: { min: 50, max: 999 },
  startup: { min: 2, max: 49 },
  agency: { min: 5, max: 300 },
};
const REVENUE_PER_EMPLOYEE: Readonly<Record<Market, number>> = { enterprise: 310_000, smb: 180_000, startup: 95_000, agency: 125_000 };
const SEATS_MEDIAN: Readonly<Record<Market, number>> = { enterprise: 220, smb: 14, startup: 5, agency: 10 };
const SEATS_FACTOR: Readonly<Record<Lifecycle, number>> = { power: 1.6, task: 1, occasional: 0.7, struggling: 0.6 };

const PLAN_BY_MARKET: Readonly<Record<Market, readonly number[]>> = {
  // free, starter, growth, enterprise
  enterprise: [0, 0.05, 0.25, 0.7],
  smb: [0.12, 0.45, 0.38, 0.05],
  startup: [0.35, 0.4, 0.23, 0.02],
  agency: [0.1, 0.45, 0.43, 0.02],
};
const PLAN_BY_LIFECYCLE: Readonly<Record<Lifecycle, readonly number[]>> = {
  power: [0.15, 0.6, 1.5, 1.6],
  task: [0.8, 1, 1, 1],
  occasional: [1.4, 1.1, 0.75, 0.7],
  struggling: [1.6, 1.2, 0.6, 0.5],
};
const PLANS: readonly Plan[] = ["free", "starter", "growth", "enterprise"];
const ANNUAL_SHARE: Readonly<Record<Plan, number>> = { free: 0, starter: 0.1, growth: 0.3, enterprise: 0.8 };
const CHURN_RATE: Readonly<Record<Lifecycle, number>> = { power: 0.004, task: 0.012, occasional: 0.035, struggling: 0.45 };

const CHANNELS: Readonly<Record<Market, readonly (readonly [string, number])[]>> = {
  enterprise: [["outbound", 45], ["partner", 20], ["referral", 15], ["organic", 15], ["paid", 5]],
  smb: [["organic", 35], ["paid", 25], ["referral", 15], ["partner", 10], ["outbound", 15]],
  startup: [["organic", 45], ["paid", 25], ["referral", 20], ["partner", 5], ["outbound", 5]],
  agency: [["referral", 30], ["partner", 30], ["organic", 25], ["paid", 10], ["outbound", 5]],
};
/** Relative signups per year 2019 … 2026 (2026 runs to the end of September). */
const SIGNUP_YEARS: Readonly<Record<Market, readonly number[]>> = {
  enterprise: [1, 1, 1.1, 1.2, 1.2, 1.1, 1, 0.6],
  smb: [0.8, 0.9, 1, 1.1, 1.2, 1.2, 1.2, 0.8],
  startup: [0.2, 0.3, 0.5, 0.8, 1.2, 1.6, 2, 1.4],
  agency: [0.8, 0.9, 1, 1, 1.1, 1.1, 1.1, 0.7],
};

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Log-uniform integer in [min, max]: many small companies, a long tail of large ones. */
function logUniformInt(random: Random, min: number, max: number): number {
  return clamp(Math.round(Math.exp(random.uniform(Math.log(min), Math.log(max + 1)))), min, max);
}

function pickSignupDay(random: Random, market: Market): number {
  const weights = SIGNUP_YEARS[market];
  const year = random.weighted(weights.map((w, i) => [2019 + i, w] as const));
  const first = Math.max(EARLIEST_SIGNUP, dayOf(`${year}-01-01`));
  const last = Math.min(LATEST_SIGNUP, dayOf(`${year}-12-31`));
  return random.int(first, last);
}

function pickPlan(random: Random, market: Market, lifecycle: Lifecycle): Plan {
  const m = PLAN_BY_MARKET[market];
  const l = PLAN_BY_LIFECYCLE[lifecycle];
  return random.weighted(PLANS.map((plan, i) => [plan, (m[i] ?? 0) * (l[i] ?? 0)] as const));
}

function pickChurnDay(random: Random, lifecycle: Lifecycle, signupDay: number): number | null {
  const first = Math.max(WINDOW_START, signupDay + 30);
  if (first > WINDOW_END || !random.chance(CHURN_RATE[lifecycle])) return null;
  return random.int(first, WINDOW_END);
}

/** Paid billing starts at signup, or for about one in eight self-serve accounts at a later upgrade from free. */
function pickPaidFrom(random: Random, plan: Plan, market: Market, signupDay: number, churnDay: number | null): number | null {
  if (plan === "free") return null;
  const earliest = Math.max(signupDay, WINDOW_START) + 14;
  const latest = (churnDay ?? WINDOW_END) - 30;
  if (market !== "enterprise" && earliest < latest && random.chance(0.12)) return random.int(earliest, latest);
  return signupDay;
}

function generateAccount(seed: number, index: number, lifecycle: Lifecycle, market: Market, taken: Set<string>): Account {
  const random = createRandom(seed, "account", index);
  const { country, salesRegion } = pickLocation(random);
  const range = EMPLOYEES[market];
  const trueEmployees = market === "agency" || market === "enterprise"
    ? clamp(Math.round(random.logNormal(Math.log(market === "agency" ? 28 : 4000), market === "agency" ? 0.9 : 1.0)), range.min, range.max)
    : logUniformInt(random, range.min, range.max);
  const revenue = trueEmployees * REVENUE_PER_EMPLOYEE[market] * random.logNormal(0, 0.35);
  const roundTo = revenue >= 10_000_000 ? 100_000 : 1_000;
  const signupDay = pickSignupDay(random, market);
  const churnDay = pickChurnDay(random, lifecycle, signupDay);
  const plan = pickPlan(random, market, lifecycle);
  const seatsWanted = Math.round(random.logNormal(Math.log(SEATS_MEDIAN[market] * SEATS_FACTOR[lifecycle]), 0.6));
  const seats = clamp(seatsWanted, lifecycle === "power" ? 6 : 1, Math.max(trueEmployees, 1));
  return {
    index,
    accountId: `ACC-${String(index + 1).padStart(5, "0")}`,
    companyName: generateCompanyName(random, market, country, taken),
    industryRaw: generateIndustry(random, market),
    employees: random.chance(0.02) ? null : trueEmployees,
    annualRevenueUsd: random.chance(0.03) ? null : Math.max(roundTo, Math.round(revenue / roundTo) * roundTo),
    country,
    salesRegion,
    plan,
    signupDay,
    churnDay,
    acquisitionChannel: random.weighted(CHANNELS[market]),
    lifecycle,
    market,
    seats,
    billing: random.chance(ANNUAL_SHARE[plan]) ? "annual" : "monthly",
    paidFromDay: pickPaidFrom(random, plan, market, signupDay, churnDay),
    discount: random.chance(0.2) ? random.pick([0.05, 0.1, 0.15, 0.2, 0.25]) : 0,
  };
}

export function generateAccounts(seed: number, count: number): Account[] {
  const labels = createRandom(seed, "labels");
  const lifecycles = dealLabels(labels, LIFECYCLE_SHARES, count);
  const markets = dealLabels(labels, MARKET_SHARES, count);
  const taken = new Set<string>();
  return lifecycles.map((lifecycle, i) => generateAccount(seed, i, lifecycle, markets[i] ?? "smb", taken));
}

export function accountRow(account: Account): (string | number | null)[] {
  return [
    account.accountId,
    account.companyName,
    account.industryRaw,
    account.employees,
    account.annualRevenueUsd,
    account.country,
    account.salesRegion,
    account.plan,
    formatDay(account.signupDay),
    account.churnDay === null ? null : formatDay(account.churnDay),
    account.acquisitionChannel,
  ];
}
