/**
 * Why a normalize regex would not compile in the engine (DuckDB's RE2) or in
 * the warehouses it compiles to, checked when the file is read so that
 * --no-data catches it too. JavaScript's parser finds syntax errors such as
 * `(unclosed` or `[z-a]`; constructs RE2 lacks (lookaround, backreferences)
 * are named on their own, since JavaScript accepts them.
 */
const RE2_MISSING: readonly [RegExp, string][] = [
  [/\(\?<?[=!]/, "lookahead and lookbehind ((?=…), (?!…), (?<=…), (?<!…)) are not supported"],
  [/\\[1-9]/, "backreferences (\\1 …) are not supported"],
  [/\(\?<[A-Za-z]/, "named groups are written (?P<name>…)"],
];

export function regexProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern.replace(/\(\?P</g, "(?<"), "i");
  } catch (error) {
    return String((error as Error).message).replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, "");
  }
  for (const [construct, reason] of RE2_MISSING) if (construct.test(pattern)) return reason;
  return undefined;
}
