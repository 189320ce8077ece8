/** Shares as people read them in a message: 0.2103 → "21.0%", a gap of 0.07 → "7.0 points". */

export function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

export function points(gap: number): string {
  return `${(Math.round(Math.abs(gap) * 1000) / 10).toFixed(1)} points`;
}
