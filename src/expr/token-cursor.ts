/**
 * The parser's view of the token list: look ahead, consume, remember the previous token, and
 * stop with a positioned error. `parser.ts` extends it with the grammar.
 */
import type { Loc } from "./ast.ts";
import type { ExprError, ExprErrorCode } from "./expr-error.ts";
import type { Punct, Token } from "./lexer.ts";

/** Thrown by `TokenCursor.fail`; caught once in `parseExpression`, never escapes it. */
export class ParseFailure extends Error {
  readonly error: ExprError;
  constructor(error: ExprError) {
    super(error.message);
    this.error = error;
  }
}

export class TokenCursor {
  private readonly tokens: readonly Token[];
  private index = 0;
  /** The last token consumed, named in "expected a value after …" messages. */
  protected previous: Token | undefined;

  /** `tokens` must end with an `end` token, as `tokenize` guarantees. */
  constructor(tokens: readonly Token[]) {
    this.tokens = tokens;
  }

  protected peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)] as Token;
  }

  /** The next token, or `fallback` when the source has ended, so errors point at real text. */
  protected peekOr(fallback: Token): Token {
    return this.peek().kind === "end" ? fallback : this.peek();
  }

  protected next(): Token {
    const token = this.peek();
    if (token.kind !== "end") this.index++;
    this.previous = token;
    return token;
  }

  protected atKeyword(keyword: string): boolean {
    const token = this.peek();
    return token.kind === "word" && token.keyword === keyword;
  }

  protected atPunct(value: Punct): boolean {
    const token = this.peek();
    return token.kind === "punct" && token.value === value;
  }

  protected fail(at: Loc, message: string, hint?: string, code: ExprErrorCode = "syntax"): never {
    const error: ExprError = { code, message, start: at.start, end: at.end };
    if (hint !== undefined) error.hint = hint;
    throw new ParseFailure(error);
  }
}

/** How a token is quoted in a message; long text is shortened. */
export function show(token: Token): string {
  if (token.kind === "end") return "the end of the expression";
  return `'${token.text.length > 30 ? `${token.text.slice(0, 29)}…` : token.text}'`;
}

/** "found 'x'", or "the expression ended". */
export function found(token: Token): string {
  return token.kind === "end" ? "the expression ended" : `found ${show(token)}`;
}
