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
 *
 * At about 330 lines this file is over the usual size: the whole grammar reads best in one
 * place, and the token handling and messages it shares are already in `token-cursor.ts`.
 */
import type { BinaryOperator, Expr, Loc } from "./ast.ts";
import type { ExprError } from "./expr-error.ts";
import { tokenize, type Punct, type Token } from "./lexer.ts";
import { childrenOf } from "./children.ts";
import { MAX_NESTING, MAX_SOURCE_LENGTH, MAX_TREE_DEPTH } from "./limits.ts";
import { found, ParseFailure, show, TokenCursor } from "./token-cursor.ts";
import { withSeparators } from "../text/number-format.ts";

type WordToken = Extract<Token, { kind: "word" }>;

export type ParseResult = { ok: true; ast: Expr } | { ok: false; error: ExprError };

/** Parses one expression. Offsets in the tree and in errors are relative to `source`. */
export function parseExpression(source: string): ParseResult {
  if (source.length > MAX_SOURCE_LENGTH) {
    const [length, limit] = [source.length, MAX_SOURCE_LENGTH].map(withSeparators);
    return failure({
      code: "too-complex",
      message: `the expression is ${length} characters long; the limit is ${limit}`,
      hint: "move parts of the condition into features, or use 'in (…)' instead of long chains of 'or'",
      start: MAX_SOURCE_LENGTH,
      end: source.length,
    });
  }
  const lexed = tokenize(source);
  if (!lexed.ok) return lexed;
  if (lexed.tokens[0]?.kind === "end") {
    const hint = "write a condition such as plan = 'growth'";
    return failure({ code: "syntax", message: "the expression is empty", hint, start: 0, end: source.length });
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
    if (token.kind === "punct" && token.value === ")") {
      this.fail(token, "unexpected ')' with no matching '('", "remove it, or add the '(' it was meant to close");
    }
    if (token.kind === "word" && /^i?like$/i.test(token.value)) {
      const hint = "use contains(name, 'text') or starts_with(name, 'text')";
      this.fail(token, `there is no '${token.value.toLowerCase()}' operator`, hint);
    }
    const hint = "join conditions with 'and' or 'or', and compare values with =, !=, <, <=, > or >=";
    this.fail(token, `expected an operator before ${show(token)}`, hint);
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
    if (result !== left && this.atComparison()) {
      const token = this.peek();
      const hint = "join two comparisons with 'and', as in 1 < x and x < 5, or use 'between'";
      this.fail(token, `comparisons cannot be chained: ${show(token)} follows a complete comparison`, hint);
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
        const hint = "to negate a condition put 'not' before it, as in not (a = b), or use '!='";
        this.fail(token, "'not' after a value must be followed by 'in' or 'between'", hint);
      }
      this.next();
      negated = true;
    }
    const next = this.peek();
    const keyword = next.kind === "word" ? next.keyword : undefined;
    if (keyword === "in") return this.parseInList(left, negated, this.next());
    if (keyword === "between") return this.parseBetween(left, negated, this.next());
    if (keyword === "is") return this.parseIsNull(left, this.next());
    return left;
  }

  private parseBetween(operand: Expr, negated: boolean, op: Token): Expr {
    const low = this.parseAdditive();
    if (!this.atKeyword("and")) {
      const message = `expected 'and' between the two bounds of 'between' but ${found(this.peek())}`;
      this.fail(this.peekOr(op), message, "write it as x between 1 and 5");
    }
    this.next();
    const high = this.parseAdditive();
    return this.node({ kind: "between", negated, operand, low, high, loc: span(operand.loc, high.loc) }, op);
  }

  private parseIsNull(operand: Expr, op: Token): Expr {
    const not = this.atKeyword("not") ? this.next() : undefined;
    if (!this.atKeyword("null")) {
      const message = `expected 'null' or 'not null' after 'is' but ${found(this.peek())}`;
      this.fail(this.peekOr(not ?? op), message, "'is' only tests for missing values; compare values with '=' or '!='");
    }
    const end = this.next();
    return this.node({ kind: "isNull", negated: not !== undefined, operand, loc: span(operand.loc, end) }, op);
  }

  private parseInList(operand: Expr, negated: boolean, op: Token): Expr {
    const open = this.peek();
    if (open.kind !== "punct" || open.value !== "(") {
      const hint = "write the list in parentheses, as in plan in ('growth', 'enterprise')";
      this.fail(this.peekOr(op), `expected '(' after 'in' to start a list but ${found(open)}`, hint);
    }
    this.next();
    if (this.atPunct(")")) {
      this.fail(span(open, this.peek()), "the list after 'in' is empty", "list at least one value, as in plan in ('growth')");
    }
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
        if (token.kind === "end") {
          this.fail(open, `unclosed '(': ${what} has no closing ')'`, "add ')' after the last value");
        }
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
        if (this.atPunct("(")) {
          const hint = "write the function name without quotes, as in round(x)";
          this.fail(token, `a function name cannot be quoted: ${token.text}`, hint);
        }
        return this.node({ kind: "ident", name: token.value, loc: span(token, token), quoted: true }, token);
      case "word":
        if (token.keyword === "true" || token.keyword === "false") {
          this.next();
          const value = token.keyword === "true";
          return this.node({ kind: "boolean", value, loc: span(token, token) }, token);
        }
        if (token.keyword === "null") {
          this.next();
          return this.node({ kind: "null", loc: span(token, token) }, token);
        }
        if (token.keyword === undefined) {
          this.next();
          if (this.atPunct("(")) return this.parseCall(token);
          return this.node({ kind: "ident", name: token.value, loc: span(token, token) }, token);
        }
        break;
      case "punct":
        if (token.value === "(") return this.parseGroup(this.next());
        break;
    }
    const previous = this.previous;
    if (previous === undefined) {
      this.fail(token, `the expression cannot start with ${show(token)}`, valueHint(token, previous));
    }
    // At the end of the source, point at the operator that is missing its value.
    const at = token.kind === "end" ? previous : token;
    this.fail(at, `expected a value after ${show(previous)} but ${found(token)}`, valueHint(token, previous));
  }

  private parseCall(name: WordToken): Expr {
    const open = this.next();
    const args = this.atPunct(")") ? (this.next(), []) : this.parseList(open, `the call to ${name.value}(`);
    const loc = span(name, this.previous as Token);
    return this.node({ kind: "call", name: name.value.toLowerCase(), args, loc }, name);
  }

  private parseGroup(open: Token): Expr {
    return this.nested(open, () => {
      const inner = this.parseOr();
      const token = this.next();
      if (token.kind === "punct" && token.value === ")") {
        // The group is not a node of its own, but its span includes the parentheses.
        const grouped = { ...inner, loc: span(open, token) };
        this.depths.set(grouped, this.depths.get(inner) ?? 1);
        return grouped;
      }
      if (token.kind === "end") {
        this.fail(open, "unclosed '(': no matching ')' before the end of the expression", "add ')' where the group ends");
      }
      this.fail(token, `expected ')' or an operator before ${show(token)}`, "close the group with ')'");
    });
  }

  /** Records a node's tree depth and refuses trees deeper than `MAX_TREE_DEPTH`. */
  private node<T extends Expr>(expr: T, at: Token): T {
    const depth = 1 + childrenOf(expr).reduce((max, child) => Math.max(max, this.depths.get(child) ?? 1), 0);
    if (depth > MAX_TREE_DEPTH) {
      const message = `the expression is too complex: its operators nest more than ${MAX_TREE_DEPTH} levels deep`;
      const hint = "use 'in (…)' instead of long chains of 'or', or move part of the condition into a feature";
      this.fail(at, message, hint, "too-complex");
    }
    this.depths.set(expr, depth);
    return expr;
  }

  private binary(operator: BinaryOperator, left: Expr, right: Expr, op: Token): Expr {
    return this.node({ kind: "binary", operator, left, right, loc: span(left.loc, right.loc) }, op);
  }

  private nested<T>(at: Token, parse: () => T): T {
    if (++this.nesting > MAX_NESTING) {
      const hint = "remove redundant parentheses, or move part of the condition into a feature";
      this.fail(at, `the expression nests more than ${MAX_NESTING} levels deep`, hint, "too-complex");
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

/** What to suggest when a value was expected but `token` came after `previous`. */
function valueHint(token: Token, previous: Token | undefined): string | undefined {
  if (token.kind === "word" && token.keyword !== undefined) {
    if (previous === undefined) return `a feature named '${token.value}' must be quoted: "${token.value}"`;
    if (token.keyword === "not") return "put the negated part in parentheses, as in a = (not b)";
  }
  const afterComma = previous?.kind === "punct" && previous.value === ",";
  if (token.kind === "punct" && token.value === ")" && afterComma) return "remove the trailing comma";
  return undefined;
}
