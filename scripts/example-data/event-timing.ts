/**
 * When things happen: overall product usage grows over the data window (so events concentrate
 * in the last twelve months), and activity within a day follows business hours.
 */

import { WINDOW_END } from "./calendar.ts";
import type { Random } from "./random.ts";

/** Days over which usage grows by a factor of e. */
const GROWTH_DAYS = 250;

/** Usage level on `day` relative to the last day of the window (1.0). */
export function usageLevel(day: number): number {
  return Math.exp((day - WINDOW_END) / GROWTH_DAYS);
}

const WEEKDAY_HOURS = [0.2, 0.1, 0.1, 0.1, 0.2, 0.4, 1, 2.5, 5, 8, 9, 9, 6, 7.5, 8.5, 8.5, 7, 5, 3, 2, 1.5, 1.2, 0.8, 0.4];
const WEEKEND_HOURS = [0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 1.5, 2.5, 3, 3, 3, 3, 2.5, 2.5, 2, 2, 1.5, 1.5, 1.2, 1, 0.7, 0.5];
const WEEKDAY = WEEKDAY_HOURS.map((w, hour) => [hour, w] as const);
const WEEKEND = WEEKEND_HOURS.map((w, hour) => [hour, w] as const);

/** Seconds into the day, business-hours weighted. */
export function pickSecondOfDay(random: Random, weekend: boolean): number {
  const hour = random.weighted(weekend ? WEEKEND : WEEKDAY);
  return hour * 3600 + random.int(0, 3599);
}
