/**
 * The syntax tree of a segment `where:` expression.
 *
 * The parser (`parser.ts`) produces it; the checker (`check-names.ts`), the formatter
 * (`format.ts`), the evaluator (`evaluate.ts`) and the SQL emitter (`emit-sql.ts`) consume it.
 * It is plain data: no classes, no methods, safe to serialise as JSON.
 *
 * Every node carries `loc`, the span of source text it came from, so a later check can point
 * at the exact characters a user wrote. Parentheses are not nodes: `(a + b)` parses to the
 * node for `a + b`, whose span then includes the parentheses, and the tree's shape already
 * records the grouping.
 */

/** A span of the expression source: 0-based UTF-16 offsets, `end` exclusive. */
export interface Loc {
  start: number;
  end: number;
}

/**
 * A numeric literal such as `45`, `0.5` or `1e3`. Always finite and never negative: `-5` is a
 * unary minus applied to `5`.
 */
export interface NumberLiteral {
  kind: "number";
  value: number;
  loc: Loc;
}

/** A text literal: `'growth'`, with `''` standing for one quote inside. `value` is the unescaped text. */
export interface StringLiteral {
  kind: "string";
  value: string;
  loc: Loc;
}

/** `true` or `false`. */
export interface BooleanLiteral {
  kind: "boolean";
  value: boolean;
  loc: Loc;
}

/** `null`: the missing value. */
export interface NullLiteral {
  kind: "null";
  loc: Loc;
}

/**
 * A reference to a feature by name: `active_days_90d`, or `"weird name"` when the name is not
 * a plain identifier or is a keyword. `name` is the unquoted name; `quoted` changes no meaning
 * and is kept only so that an unknown "starter" can be told apart as a text value meant.
 */
export interface Identifier {
  kind: "ident";
  name: string;
  loc: Loc;
  quoted?: true;
}

export type UnaryOperator = "not" | "-";

export interface UnaryExpression {
  kind: "unary";
  operator: UnaryOperator;
  operand: Expr;
  loc: Loc;
}

export type LogicalOperator = "and" | "or";
export type ComparisonOperator = "=" | "!=" | "<" | "<=" | ">" | ">=";
export type ArithmeticOperator = "+" | "-" | "*" | "/" | "%";
/** `<>` in the source is stored as `!=`. */
export type BinaryOperator = LogicalOperator | ComparisonOperator | ArithmeticOperator;

export interface BinaryExpression {
  kind: "binary";
  operator: BinaryOperator;
  left: Expr;
  right: Expr;
  loc: Loc;
}

/** `operand in (item, …)`, or `operand not in (…)` when `negated`. The list is never empty. */
export interface InExpression {
  kind: "in";
  negated: boolean;
  operand: Expr;
  items: Expr[];
  loc: Loc;
}

/** `operand between low and high` (both ends included), or `not between` when `negated`. */
export interface BetweenExpression {
  kind: "between";
  negated: boolean;
  operand: Expr;
  low: Expr;
  high: Expr;
  loc: Loc;
}

/** `operand is null`, or `operand is not null` when `negated`. */
export interface IsNullExpression {
  kind: "isNull";
  negated: boolean;
  operand: Expr;
  loc: Loc;
}

/**
 * A function call such as `round(x, 2)`. `name` is lowercased (function names are
 * case-insensitive) and always written bare, so it spans `loc.start` to
 * `loc.start + name.length`. Whether the function exists is the checker's business.
 */
export interface CallExpression {
  kind: "call";
  name: string;
  args: Expr[];
  loc: Loc;
}

export type Expr =
  | NumberLiteral
  | StringLiteral
  | BooleanLiteral
  | NullLiteral
  | Identifier
  | UnaryExpression
  | BinaryExpression
  | InExpression
  | BetweenExpression
  | IsNullExpression
  | CallExpression;


/** The types a feature or a sub-expression can have. */
export type ValueType = "number" | "string" | "boolean";

/** A runtime value, as in a row of features: SQL's three-valued world, with `null` for missing. */
export type Value = number | string | boolean | null;
