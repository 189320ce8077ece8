/**
 * How large an expression may be. The limits keep every recursive walk over the tree (and
 * the SQL engines' own parsers) far from their stack limits, and turn hostile input into a
 * clear error instead of a crash.
 */

/** Longest accepted source, in UTF-16 code units. */
export const MAX_SOURCE_LENGTH = 10_000;

/** Deepest accepted nesting of parentheses, function calls, `in` lists, `not` and unary minus. */
export const MAX_NESTING = 64;

/**
 * Deepest accepted tree, counting every operator. A chain `a or b or c` is a tree two levels
 * deep, so this bounds long chains as well as nesting. DuckDB refuses expressions deeper than
 * 1,000 levels, and one tree level becomes at most four levels of emitted SQL.
 */
export const MAX_TREE_DEPTH = 200;

/**
 * Deepest accepted nesting of sub-expressions that some dialect writes twice: divisors of
 * `/` and `%`, and arguments of `sqrt`. See `check-sql-growth.ts`.
 */
export const MAX_REPEATED_NESTING = 6;
