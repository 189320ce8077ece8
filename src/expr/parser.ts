/**
 * Turns the text of a `where:` expression into a tree (`ast.ts`), or explains the first thing
 * that is wrong with it. It never throws on user input.
 *
 * A recursive-descent parser, one method per precedence level, from loosest to tightest:
 *
 *   or  <  and  <  not  <  comparison, in, between, is null  <  + -  <  * / %  <  unary -  <  value
 *
 * Comparisons do not chain (`1 < x < 5` is an error, not `(1 < x) < 5`), and their operands
 * sit at the `+ -` level, so `not` inside a comparison needs parentheses: `a = (not b)`.
 * Internally a failure is thrown as a `ParseFailure` and caught once in `parseExpression`.
 */
import type { BinaryOperator, Expr, Loc } from "./ast.ts";
import type { ExprError } from "./expr-error.ts";
import { tokenize, type Punct, type Token } from "./lexer.ts";
import { MAX_NESTING, MAX_SOURCE_LENGTH, MAX_TREE_DEPTH } from "./limits.ts";
import { childrenOf } from "./children.ts";
import { found, ParseFailure, show, TokenCursor } from "./token-cursor.ts";

type WordToken = Extract<Token, { kind: "word" }>;

export type ParseResult = { ok: true; ast: Expr } | { ok: false; error: ExprError };

/** Parses one expression. Offsets in the tree and in errors are relative to `source`. */
export function parseExpression(source: string): ParseResult {
  if (source.length > MAX_SOURCE_LENGTH) {
    return failure({
      code: "too-complex",
      message: `the expression is ${source.length.toLocaleString("en-US")} characters long; the limit is ${MAX_SOURCE_LENGTH.toLocaleString("en-US")}`,
      hint: "move parts of the condition into features, or use 'in (…)' instead of long chains of 'or'",
      start: MAX_SOURCE_LENGTH,
      end: source.length,
    });
  }
  const lexed = tokenize(source);
  if (!lexed.ok) return lexed;
  if (lexed.tokens[0]?.kind === "end") {
    return failure({ code: "syntax", message: "the expression is empty", hint: "write a condition such as plan = 'growth'", start: 0, end: source.length });
  }
  try {
    return { ok: true, ast: new Parser(lexed.tokens).parseRoot() };
  } catch (error) {
    if (error instanceof ParseFailure) return failure(error.error);
    throw error;
  }
}

function failure(error: ExprError): ParseResult {
  return { ok: false, error };
}

const COMPARISONS: ReadonlySet<Punct> = new Set(["=", "!=", "<", "<=", ">", ">="]);

class Parser extends TokenCursor {
  private nesting = 0;
  /** Tree depth of every node built so far, to enforce `MAX_TREE_DEPTH` without a second walk. */
  private readonly depths = new WeakMap<Expr, number>();

  parseRoot(): Expr {
    const ast = this.parseOr();
    const token = this.peek();
    if (token.kind === "end") return ast;
    if (token.kind === "punct" && token.value === ")") this.fail(token, "unexpected ')' with no matching '('", "remove it, or add the '(' it was meant to close");
    if (token.kind === "word" && /^i?like$/i.test(token.value)) {
      this.fail(token, `there is no '${token.value.toLowerCase()}' operator`, "use contains(name, 'text') or starts_with(name, 'text')");
    }
    this.fail(token, `expected an operator before ${show(token)}`, "join conditions with 'and' or 'or', and compare values with =, !=, <, <=, > or >=");
  }

  private parseOr(): Expr {
    let left = this.parseAnd();
    while (this.atKeyword("or")) {
      const op = this.next();
      left = this.binary("or", left, this.parseAnd(), op);
    }
    return left;
  }

  private parseAnd(): Expr {
    let left = this.parseNot();
    while (this.atKeyword("and")) {
      const op = this.next();
      left = this.binary("and", left, this.parseNot(), op);
    }
    return left;
  }

  private parseNot(): Expr {
    if (!this.atKeyword("not")) return this.parseComparison();
    const op = this.next();
    const operand = this.nested(op, () => this.parseNot());
    return this.node({ kind: "unary", operator: "not", operand, loc: span(op, operand.loc) }, op);
  }

  private parseComparison(): Expr {
    const left = this.parseAdditive();
    const result = this.parseComparisonTail(left);
    if (result !== left) {
      const token = this.peek();
      if (this.atComparison()) {
        this.fail(token, `comparisons cannot be chained: ${show(token)} follows a complete comparison`, "join two comparisons with 'and', as in 1 < x and x < 5, or use 'between'");
      }
    }
    return result;
  }

  private parseComparisonTail(left: Expr): Expr {
    const token = this.peek();
    if (token.kind === "punct" && COMPARISONS.has(token.value)) {
      this.next();
      return this.binary(token.value as BinaryOperator, left, this.parseAdditive(), token);
    }
    if (token.kind !== "word") return left;
    let negated = false;
    if (token.keyword === "not") {
      const after = this.peek(1);
      if (after.kind !== "word" || (after.keyword !== "in" && after.keyword !== "between")) {
        this.fail(token, "'not' after a value must be followed by 'in' or 'between'", "to negate a condition put 'not' before it, as in not (a = b), or use '!='");
      }
      this.next();
      negated = true;
    }
    const next = this.peek();
    const keyword = next.kind === "word" ? next.keyword : undefined;
    if (keyword === "in") return this.parseInList(left, negated, this.next());
    if (keyword === "between") {
      const op = this.next();
      const low = this.parseAdditive();
      if (!this.atKeyword("and")) this.fail(this.peekOr(op), `expected 'and' between the two bounds of 'between' but ${found(this.peek())}`, "write it as x between 1 and 5");
      this.next();
      const high = this.parseAdditive();
      return this.node({ kind: "between", negated, operand: left, low, high, loc: span(left.loc, high.loc) }, op);
    }
    if (keyword === "is") {
      const op = this.next();
      const not = this.atKeyword("not") ? this.next() : undefined;
      if (!this.atKeyword("null")) {
        this.fail(this.peekOr(not ?? op), `expected 'null' or 'not null' after 'is' but ${found(this.peek())}`, "'is' only tests for missing values; compare values with '=' or '!='");
      }
      const nullToken = this.next();
      return this.node({ kind: "isNull", negated: not !== undefined, operand: left, loc: span(left.loc, nullToken) }, op);
    }
    return left;
  }

  private parseInList(operand: Expr, negated: boolean, op: Token): Expr {
    const open = this.peek();
    if (open.kind !== "punct" || open.value !== "(") {
      this.fail(this.peekOr(op), `expected '(' after 'in' to start a list but ${found(open)}`, "write the list in parentheses, as in plan in ('growth', 'enterprise')");
    }
    this.next();
    if (this.atPunct(")")) this.fail(span(open, this.peek()), "the list after 'in' is empty", "list at least one value, as in plan in ('growth')");
    const items = this.parseList(open, "the list");
    const close = this.previous as Token;
    return this.node({ kind: "in", negated, operand, items, loc: span(operand.loc, close) }, op);
  }

  /** Parses `item, item, …)` after `open`, consuming the closing parenthesis. */
  private parseList(open: Token, what: string): Expr[] {
    return this.nested(open, () => {
      const items: Expr[] = [];
      for (;;) {
        items.push(this.parseOr());
        const token = this.next();
        if (token.kind === "punct" && token.value === ")") return items;
        if (token.kind === "punct" && token.value === ",") continue;
        if (token.kind === "end") this.fail(open, `unclosed '(': ${what} has no closing ')'`, "add ')' after the last value");
        this.fail(token, `expected ',' or ')' in ${what} but found ${show(token)}`, "separate values with commas");
      }
    });
  }

  private parseAdditive(): Expr {
    let left = this.parseMultiplicative();
    while (this.atPunct("+") || this.atPunct("-")) {
      const op = this.next();
      left = this.binary(op.text as BinaryOperator, left, this.parseMultiplicative(), op);
    }
    return left;
  }

  private parseMultiplicative(): Expr {
    let left = this.parseUnary();
    while (this.atPunct("*") || this.atPunct("/") || this.atPunct("%")) {
      const op = this.next();
      left = this.binary(op.text as BinaryOperator, left, this.parseUnary(), op);
    }
    return left;
  }

  private parseUnary(): Expr {
    if (!this.atPunct("-")) return this.parsePrimary();
    const op = this.next();
    const operand = this.nested(op, () => this.parseUnary());
    return this.node({ kind: "unary", operator: "-", operand, loc: span(op, operand.loc) }, op);
  }

  private parsePrimary(): Expr {
    const token = this.peek();
    switch (token.kind) {
      case "number":
        this.next();
        return this.node({ kind: "number", value: token.value, loc: span(token, token) }, token);
      case "string":
        this.next();
        return this.node({ kind: "string", value: token.value, loc: span(token, token) }, token);
      case "quoted":
        this.next();
        if (this.atPunct("(")) this.fail(token, `a function name cannot be quoted: ${token.text}`, "write the function name without quotes, as in round(x)");
        return this.node({ kind: "ident", name: token.value, loc: span(token, token) }, token);
      case "word":
        if (token.keyword === "true" || token.keyword === "false") {
          this.next();
          return this.node({ kind: "boolean", value: token.keyword === "true", loc: span(token, token) }, token);
        }
        if (token.keyword === "null") {
          this.next();
          return this.node({ kind: "null", loc: span(token, token) }, token);
        }
        if (token.keyword === undefined) {
          this.next();
          return this.atPunct("(") ? this.parseCall(token) : this.node({ kind: "ident", name: token.value, loc: span(token, token) }, token);
        }
        break;
      case "punct":
        if (token.value === "(") return this.parseGroup(this.next());
        break;
    }
    const previous = this.previous;
    if (previous === undefined) this.fail(token, `the expression cannot start with ${show(token)}`, valueHint(token, previous));
    // At the end of the source, point at the operator that is missing its value.
    const at = token.kind === "end" ? previous : token;
    this.fail(at, `expected a value after ${show(previous)} but ${found(token)}`, valueHint(token, previous));
  }

  private parseCall(name: WordToken): Expr {
    const open = this.next();
    const args = this.atPunct(")") ? (this.next(), []) : this.parseList(open, `the call to ${name.value}(`);
    return this.node({ kind: "call", name: name.value.toLowerCase(), args, loc: span(name, this.previous as Token) }, name);
  }

  private parseGroup(open: Token): Expr {
    return this.nested(open, () => {
      const inner = this.parseOr();
      const token = this.next();
      if (token.kind === "punct" && token.value === ")") return inner;
      if (token.kind === "end") this.fail(open, "unclosed '(': no matching ')' before the end of the expression", "add ')' where the group ends");
      this.fail(token, `expected ')' or an operator before ${show(token)}`, "close the group with ')'");
    });
  }

  /** Records a node's tree depth and refuses trees deeper than `MAX_TREE_DEPTH`. */
  private node<T extends Expr>(expr: T, at: Token): T {
    const depth = 1 + childrenOf(expr).reduce((max, child) => Math.max(max, this.depths.get(child) ?? 1), 0);
    if (depth > MAX_TREE_DEPTH) {
      this.fail(at, `the expression is too complex: its operators nest more than ${MAX_TREE_DEPTH} levels deep`, "use 'in (…)' instead of long chains of 'or', or move part of the condition into a feature", "too-complex");
    }
    this.depths.set(expr, depth);
    return expr;
  }

  private binary(operator: BinaryOperator, left: Expr, right: Expr, op: Token): Expr {
    return this.node({ kind: "binary", operator, left, right, loc: span(left.loc, right.loc) }, op);
  }

  private nested<T>(at: Token, parse: () => T): T {
    if (++this.nesting > MAX_NESTING) {
      this.fail(at, `the expression nests more than ${MAX_NESTING} levels deep`, "remove redundant parentheses, or move part of the condition into a feature", "too-complex");
    }
    const result = parse();
    this.nesting--;
    return result;
  }

  /** True before anything that would continue a comparison: an operator, in, between, is, not in. */
  private atComparison(): boolean {
    const token = this.peek();
    if (token.kind === "punct") return COMPARISONS.has(token.value);
    if (token.kind !== "word") return false;
    if (token.keyword === "in" || token.keyword === "between" || token.keyword === "is") return true;
    const after = this.peek(1);
    return token.keyword === "not" && after.kind === "word" && (after.keyword === "in" || after.keyword === "between");
  }

}

function span(from: Loc, to: Loc): Loc {
  return { start: from.start, end: to.end };
}

function valueHint(token: Token, previous: Token | undefined): string | undefined {
  if (token.kind === "word" && token.keyword === "not" && previous !== undefined) return "put the negated part in parentheses, as in a = (not b)";
  if (token.kind === "word" && token.keyword !== undefined && previous === undefined) return `a feature named '${token.value}' must be quoted: "${token.value}"`;
  if (token.kind === "punct" && token.value === ")" && previous?.kind === "punct" && previous.value === ",") return "remove the trailing comma";
  return undefined;
}
