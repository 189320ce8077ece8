/**
 * The freshness thresholds that apply to one source: its own `freshness`, else
 * the workspace's `review.freshness`, else `review.freshness_days` for the
 * warning; 30 days for the warning and no error limit by default.
 */
import type { Config } from "../schema/config.ts";

export const DEFAULT_WARN_AFTER_DAYS = 30;

export interface FreshnessLimits {
  warnAfterDays: number;
  errorAfterDays: number | undefined;
}

/** `defaultWarnAfterDays` replaces the workspace default (the stale-data rule's `days` option). */
export function freshnessLimits(config: Config, source: string, defaultWarnAfterDays?: number): FreshnessLimits {
  const own = config.sources[source]?.freshness;
  const workspace = config.review.freshness;
  return {
    warnAfterDays: own?.warn_after_days ?? defaultWarnAfterDays ?? workspace?.warn_after_days ?? config.review.freshness_days ?? DEFAULT_WARN_AFTER_DAYS,
    errorAfterDays: own?.error_after_days ?? workspace?.error_after_days,
  };
}
