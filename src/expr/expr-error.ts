/**
 * The one shape every expression problem takes, from a stray character to a type mismatch.
 *
 * Offsets are relative to the expression source (0-based UTF-16, `end` exclusive); whoever
 * read the expression out of a YAML file adds the value's own position to turn them into a
 * file line and column. Messages never mention positions themselves for that reason: the span
 * says where, the message says what, the hint says how to fix it.
 */
export interface ExprError {
  /** Which family of problem this is; maps onto a diagnostic rule id such as `expr/syntax`. */
  code: ExprErrorCode;
  /** One sentence saying what is wrong, quoting the offending text. */
  message: string;
  /** What to do about it, when there is something specific to say. */
  hint?: string;
  start: number;
  end: number;
}

export type ExprErrorCode =
  /** The text is not a well-formed expression (lexer or parser). */
  | "syntax"
  /** The expression is longer or nests deeper than Seg accepts. */
  | "too-complex"
  /** A name that is not a known feature. */
  | "unknown-feature"
  /** A function that is not on the whitelist. */
  | "unknown-function"
  /** A known function called with too few or too many arguments. */
  | "arity"
  /** Operands whose types do not fit the operator or function. */
  | "type"
  /** A well-typed construct that can never be true, such as `x = null`. */
  | "always-null";

/** Orders errors by where they start, then where they end, so reports read top to bottom. */
export function compareExprErrors(a: ExprError, b: ExprError): number {
  return a.start - b.start || a.end - b.end;
}
