/**
 * Numbers as people write them in prose: "15%", "1,234", "$1.2k", "0.15",
 * "2pt". Each keeps its precision: half a unit of the last written digit, which
 * is how far the true value may be from what was written once rounded.
 */

export interface Quantity {
  value: number;
  /** Written as a percentage ("15%") or in points ("2pt"): value is a fraction. */
  unit: "percent" | "points" | "plain";
  /** Half a unit of the last written digit, in the same scale as value. */
  precision: number;
}

const QUANTITY = /^\s*[$€£]?\s*(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?)\s*(%|pts?|pp|k|K|M|m)?\s*$/;

export function parseQuantity(text: string): Quantity | undefined {
  const match = QUANTITY.exec(text);
  if (!match) return undefined;
  const [, digits, decimals, suffix] = match;
  const raw = Number(digits!.replaceAll(",", ""));
  const half = 0.5 * 10 ** -(decimals?.length ?? 0);
  if (suffix === "%" || suffix?.startsWith("p")) return { value: raw / 100, unit: suffix === "%" ? "percent" : "points", precision: half / 100 };
  const scale = suffix === "k" || suffix === "K" ? 1e3 : suffix === "M" || suffix === "m" ? 1e6 : 1;
  return { value: raw * scale, unit: "plain", precision: half * scale };
}
