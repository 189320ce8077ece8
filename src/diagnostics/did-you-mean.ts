/**
 * Picks the candidate a user most likely meant when they wrote `word`, for "did you mean …?"
 * hints on unknown features, functions, keys or ids.
 *
 * Matching ignores case, and a candidate that differs from `word` only in case wins outright.
 * Otherwise the candidate with the smallest edit distance (`edit-distance.ts`: insertions,
 * deletions, substitutions, adjacent swaps) wins, provided the distance is small for the
 * length of the word: none for words of 1 or 2 characters, 1 up to 4 characters, 2 up to 8,
 * then a third of the length. Ties go to the candidate that sorts first, so the answer never depends on the
 * order of `candidates`. Returns `undefined` when nothing is close enough.
 */
import { editDistance } from "./edit-distance.ts";

export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const target = word.toLowerCase();
  const limit = maxDistance(target.length);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const lower = candidate.toLowerCase();
    // Cheap lower bound: the length difference alone already costs that many edits.
    if (Math.abs(lower.length - target.length) > limit) continue;
    const distance = lower === target ? 0 : editDistance(target, lower);
    if (distance > limit) continue;
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function maxDistance(length: number): number {
  if (length <= 2) return 0;
  if (length <= 4) return 1;
  if (length <= 8) return 2;
  return Math.floor(length / 3);
}
