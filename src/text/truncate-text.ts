/** Cut text to at most `max` characters, ending with "…" when cut, never leaving half a surrogate pair behind. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${/[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

/**
 * Like truncateText, for prose: runs of white space count as one space, and a
 * cut falls after the last whole word when one ends in the last fifth of the
 * room (a single long word is cut inside), without a trailing comma or stop
 * before the "…". The same text and room always give the same result.
 */
export function truncateWords(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = truncateText(flat, max).slice(0, -1);
  const space = cut.lastIndexOf(" ");
  const words = space >= Math.floor(max * 0.8) ? cut.slice(0, space) : cut;
  return `${words.replace(/[\s,;:.–—-]+$/u, "")}…`;
}
