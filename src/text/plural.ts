import { withSeparators } from "./number-format.ts";

/** "1 segment", "3 segments", "1,204 hypotheses": a count with its noun, for every human-facing text. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${withSeparators(n)} ${n === 1 ? word : many}`;
}
