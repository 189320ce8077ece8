/**
 * Usage intensity, a built-in feature: events per active day over the 90 days
 * before as_of, on the first events source. It is an ordinary aggregate
 * feature, so the engine and seg compile compute it the same way.
 */
import type { AggregateFeature } from "../schema/feature.ts";

export const USAGE_WINDOW_DAYS = 90;

export function usageIntensityFeature(source: string): AggregateFeature {
  return { source, aggregate: "events_per_active_day", window_days: USAGE_WINDOW_DAYS, default: 0 };
}
