/**
 * The two hidden labels of every example account and the exact population mix. The labels shape
 * the generated data but are never written: Seg has to recover them from behaviour and
 * firmographics.
 */

import type { Random } from "./random.ts";

export type Lifecycle = "power" | "task" | "occasional" | "struggling";
export type Market = "enterprise" | "smb" | "startup" | "agency";

export const LIFECYCLE_SHARES: readonly (readonly [Lifecycle, number])[] = [
  ["power", 0.15],
  ["task", 0.45],
  ["occasional", 0.3],
  ["struggling", 0.1],
];

export const MARKET_SHARES: readonly (readonly [Market, number])[] = [
  ["enterprise", 0.1],
  ["smb", 0.45],
  ["startup", 0.3],
  ["agency", 0.15],
];

/**
 * `count` labels in exactly the given shares (largest remainder), in random order, so the
 * latent mix is exact rather than approximately right.
 */
export function dealLabels<T>(
  random: Random,
  shares: readonly (readonly [T, number])[],
  count: number,
): T[] {
  const quotas = shares.map(([label, share]) => ({ label, exact: share * count, n: Math.floor(share * count) }));
  let missing = count - quotas.reduce((sum, q) => sum + q.n, 0);
  const byRemainder = quotas.slice().sort((a, b) => b.exact - b.n - (a.exact - a.n));
  for (const quota of byRemainder) {
    if (missing <= 0) break;
    quota.n++;
    missing--;
  }
  const deck: T[] = [];
  for (const quota of quotas) for (let i = 0; i < quota.n; i++) deck.push(quota.label);
  return random.shuffle(deck);
}
