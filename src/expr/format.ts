/**
 * Two renderings of a tree for people: `formatExpression` writes canonical expression text,
 * `describeExpression` writes plain-English prose for the site.
 *
 * `formatExpression` writes a tree back as canonical expression text: lowercase keywords, single spaces around
 * operators, `!=` rather than `<>`, names quoted only when they must be, and only the
 * parentheses the precedence rules require. Used for diffs and display, so that two ways of
 * writing the same condition read the same.
 *
 * Parsing the result gives back the same tree apart from `loc`, for any tree the parser can
 * produce.
 */
import type { BinaryOperator, Expr } from "./ast.ts";
import { isBareName } from "./keywords.ts";
import { binaryPrecedence, needsParentheses, PRECEDENCE } from "./precedence.ts";

export function formatExpression(ast: Expr): string {
  switch (ast.kind) {
    case "number":
      return String(ast.value);
    case "string":
      return quoteText(ast.value);
    case "boolean":
      return String(ast.value);
    case "null":
      return "null";
    case "ident":
      return formatName(ast.name);
    case "unary": {
      if (ast.operator === "not") return `not ${operand(ast.operand, PRECEDENCE.not, "right")}`;
      // `-(-x)` rather than `--x`, which reads like an SQL comment.
      if (ast.operand.kind === "unary") return `-(${formatExpression(ast.operand)})`;
      return `-${operand(ast.operand, PRECEDENCE.negation, "right")}`;
    }
    case "binary": {
      const precedence = binaryPrecedence(ast.operator);
      return `${operand(ast.left, precedence, "left")} ${ast.operator} ${operand(ast.right, precedence, "right")}`;
    }
    case "in": {
      const items = ast.items.map(formatExpression).join(", ");
      return `${operand(ast.operand, PRECEDENCE.comparison, "left")} ${ast.negated ? "not in" : "in"} (${items})`;
    }
    case "between": {
      const value = operand(ast.operand, PRECEDENCE.comparison, "left");
      const [low, high] = [ast.low, ast.high].map((bound) => operand(bound, PRECEDENCE.comparison, "right"));
      return `${value} ${ast.negated ? "not between" : "between"} ${low} and ${high}`;
    }
    case "isNull":
      return `${operand(ast.operand, PRECEDENCE.comparison, "left")} ${ast.negated ? "is not null" : "is null"}`;
    case "call":
      return `${ast.name}(${ast.args.map(formatExpression).join(", ")})`;
  }
}

/** A feature name as it must be written: bare when possible, else in double quotes. */
export function formatName(name: string): string {
  return isBareName(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

/** Text in single quotes, with each quote inside doubled. */
export function quoteText(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function operand(expr: Expr, parent: number, side: "left" | "right"): string {
  const text = formatExpression(expr);
  return needsParentheses(expr, parent, side) ? `(${text})` : text;
}

/**
 * Plain-English prose for a condition, for readers who do not write expressions:
 * `active_days_90d >= 45 and plan in ('growth', 'enterprise')` reads "active days 90d is at
 * least 45 and plan is one of growth, enterprise". Underscores in names become spaces, text is
 * shown without quotes, and parentheses stay only where the grouping would otherwise be lost.
 */
export function describeExpression(ast: Expr): string {
  switch (ast.kind) {
    case "number":
    case "boolean":
      return String(ast.value);
    case "string":
      return ast.value === "" ? "empty text" : ast.value;
    case "null":
      return "missing";
    case "ident":
      return ast.name.replaceAll("_", " ").trim() || ast.name;
    case "unary":
      if (ast.operator === "-") return `-${prose(ast.operand, PRECEDENCE.negation, "right")}`;
      if (ast.operand.kind === "ident" || ast.operand.kind === "boolean") return `not ${describeExpression(ast.operand)}`;
      return `not (${describeExpression(ast.operand)})`;
    case "binary": {
      const precedence = binaryPrecedence(ast.operator);
      const [left, right] = [prose(ast.left, precedence, "left"), prose(ast.right, precedence, "right")];
      return `${left} ${PROSE_OPERATORS[ast.operator]} ${right}`;
    }
    case "in": {
      const subject = prose(ast.operand, PRECEDENCE.comparison, "left");
      const items = ast.items.map(describeExpression);
      const verb = items.length === 1 ? (ast.negated ? "is not" : "is") : ast.negated ? "is not one of" : "is one of";
      return `${subject} ${verb} ${items.join(", ")}`;
    }
    case "between": {
      const value = prose(ast.operand, PRECEDENCE.comparison, "left");
      const [low, high] = [ast.low, ast.high].map((bound) => prose(bound, PRECEDENCE.comparison, "right"));
      return `${value} is ${ast.negated ? "not between" : "between"} ${low} and ${high}`;
    }
    case "isNull":
      return `${prose(ast.operand, PRECEDENCE.comparison, "left")} is ${ast.negated ? "present" : "missing"}`;
    case "call":
      return `${ast.name}(${ast.args.map(describeExpression).join(", ")})`;
  }
}

const PROSE_OPERATORS: Readonly<Record<BinaryOperator, string>> = {
  and: "and",
  or: "or",
  "=": "is",
  "!=": "is not",
  "<": "is less than",
  "<=": "is at most",
  ">": "is more than",
  ">=": "is at least",
  "+": "+",
  "-": "-",
  "*": "×",
  "/": "/",
  "%": "mod",
};

function prose(expr: Expr, parent: number, side: "left" | "right"): string {
  const text = describeExpression(expr);
  return needsParentheses(expr, parent, side) ? `(${text})` : text;
}
