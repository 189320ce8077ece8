/**
 * The reserved words of the expression language. They are case-insensitive (`AND`, `And` and
 * `and` are the same word) and cannot name a feature unless quoted: `"in"`.
 */
export const KEYWORDS = ["and", "or", "not", "in", "between", "is", "null", "true", "false"] as const;

export type Keyword = (typeof KEYWORDS)[number];

const keywordSet: ReadonlySet<string> = new Set(KEYWORDS);

/** The keyword a bare word spells, in lowercase, or `undefined` when it is an ordinary name. */
export function keywordOf(word: string): Keyword | undefined {
  const lower = word.toLowerCase();
  return keywordSet.has(lower) ? (lower as Keyword) : undefined;
}

/** A name that can be written without quotes: an ASCII identifier that is not a keyword. */
export function isBareName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && keywordOf(name) === undefined;
}
