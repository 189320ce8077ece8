/**
 * Works out the type of every sub-expression, bottom-up, and reports what does not fit:
 * unknown features and functions, wrong argument counts, operands of the wrong type, and
 * `null` written where it makes the result always null (`x = null`, `x + null`).
 *
 * A node whose type cannot be known because of an error below it gets the type `"unknown"`,
 * which fits anywhere, so one mistake is reported once rather than at every level above it.
 * The literal `null` has the type `"null"` and is accepted only where it means something: as
 * an item of an `in` list, as an argument of `coalesce`, and before `is [not] null`.
 */
import type { BinaryOperator, Expr, ValueType } from "./ast.ts";
import { didYouMean } from "./did-you-mean.ts";
import type { ExprError, ExprErrorCode } from "./expr-error.ts";
import { formatExpression, formatName } from "./format.ts";
import { describeArity, FUNCTIONS, lookupFunction, paramType, type FunctionSpec } from "./functions.ts";

export type InferredType = ValueType | "null" | "unknown";

/** What the checker needs to know about a feature; the workspace catalog has more. */
export interface FeatureType {
  type: ValueType;
}

/** The type of `ast`, or `undefined` when it has errors or is always null. */
export function inferExpressionType(ast: Expr, features: ReadonlyMap<string, FeatureType>): ValueType | undefined {
  let failed = false;
  const type = inferType(ast, features, () => {
    failed = true;
  });
  return failed || type === "null" || type === "unknown" ? undefined : type;
}

/** The type of `ast`, calling `report` for each problem found on the way, in tree order. */
export function inferType(ast: Expr, features: ReadonlyMap<string, FeatureType>, report: (error: ExprError) => void): InferredType {
  const problem = (code: ExprErrorCode, at: Expr, message: string, hint?: string): "unknown" => {
    report(hint === undefined ? { code, message, start: at.loc.start, end: at.loc.end } : { code, message, hint, start: at.loc.start, end: at.loc.end });
    return "unknown";
  };

  /**
   * The type of `expr`, which should be one of `allowed`; `what` starts the message when it is
   * not. A literal `null` is reported with `nullMessage`, or accepted when that is undefined.
   */
  const expect = (expr: Expr, allowed: readonly ValueType[], what: string, nullMessage?: readonly [string, string]): InferredType => {
    if (expr.kind === "null" && nullMessage !== undefined) return problem("always-null", expr, ...nullMessage);
    const type = visit(expr);
    if (type === "unknown" || type === "null" || allowed.includes(type)) return type;
    return problem("type", expr, `${what}, but ${subject(expr)} is ${typeName(type)}`, typeHint(expr, type, allowed));
  };

  /** Checks that `right` has the same type as `left`; returns false after reporting that it has not. */
  const sameType = (left: Expr, leftType: InferredType, right: Expr, rightType: InferredType): boolean => {
    if (!isKnown(leftType) || !isKnown(rightType) || leftType === rightType) return true;
    const hint = leftType === "string" && right.kind === "number" ? `write the number as text: '${right.value}'` : "compare text with text, numbers with numbers, and true or false with true or false";
    problem("type", right, `cannot compare ${subject(left)} (${typeName(leftType)}) with ${subject(right)} (${typeName(rightType)})`, hint);
    return false;
  };

  /**
   * Checks operands that are compared with one another (both sides of `<`; a value and the
   * bounds of `between`): each must be one of `allowed`, and all must have one type. Reports
   * at most one type error, so `flag < true` is one mistake rather than two.
   */
  const compared = (sides: readonly Expr[], allowed: readonly ValueType[], what: string, nullMessage: readonly [string, string]): void => {
    const types = sides.map((side) => (side.kind === "null" ? problem("always-null", side, ...nullMessage) : visit(side)));
    const wrong = types.findIndex((type) => isKnown(type) && !allowed.includes(type));
    if (wrong !== -1) {
      const side = sides[wrong] as Expr;
      problem("type", side, `${what}, but ${subject(side)} is ${typeName(types[wrong] as ValueType)}`);
      return;
    }
    const first = types.findIndex(isKnown);
    if (first === -1) return;
    sides.every((side, i) => i === first || sameType(sides[first] as Expr, types[first] as InferredType, side, types[i] as InferredType));
  };

  /** How many calls to each function enclose the node being visited. */
  const activeCalls = new Map<string, number>();

  const visit = (expr: Expr): InferredType => {
    switch (expr.kind) {
      case "number":
      case "string":
      case "boolean":
        return expr.kind;
      case "null":
        return "null";
      case "ident": {
        const feature = features.get(expr.name);
        if (feature !== undefined) return feature.type;
        const suggestion = didYouMean(expr.name, features.keys());
        const hint = suggestion === undefined ? "check the spelling against the declared features and columns" : `did you mean ${formatName(suggestion)}?`;
        return problem("unknown-feature", expr, `unknown feature ${formatName(expr.name)}`, hint);
      }
      case "unary":
        if (expr.operator === "-") {
          return expect(expr.operand, ["number"], "'-' needs a number", nullWith("-")) === "unknown" ? "unknown" : "number";
        }
        expect(expr.operand, ["boolean"], "'not' needs a condition (true or false)", nullWith("not"));
        return "boolean";
      case "binary":
        return visitBinary(expr.operator, expr.left, expr.right);
      case "in": {
        const operandType = expect(expr.operand, ["number", "string", "boolean"], "'in'", nullWith("in"));
        let reference: readonly [Expr, InferredType] = [expr.operand, operandType];
        for (const item of expr.items) {
          if (item.kind === "null" && expr.negated) {
            problem("always-null", item, "'not in' with null in the list is never true", "remove null from the list, and test for missing values with 'is null'");
            continue;
          }
          const itemType = visit(item);
          sameType(reference[0], reference[1], item, itemType);
          if (!isKnown(reference[1])) reference = [item, itemType];
        }
        return "boolean";
      }
      case "between":
        compared([expr.operand, expr.low, expr.high], ["number", "string"], "'between' compares numbers or text", nullWith("between"));
        return "boolean";
      case "isNull":
        visit(expr.operand);
        return "boolean";
      case "call":
        return visitCall(expr.name, expr.args, expr);
    }
  };

  const visitBinary = (operator: BinaryOperator, left: Expr, right: Expr): InferredType => {
    const sides = [left, right] as const;
    switch (operator) {
      case "and":
      case "or":
        sides.forEach((side) => expect(side, ["boolean"], `'${operator}' joins conditions (true or false)`, nullWith(operator)));
        return "boolean";
      case "+":
      case "-":
      case "*":
      case "/":
      case "%":
      {
        const nullMessage = [`'${operator} null' always gives null`, "use coalesce(x, 0) to treat a missing value as 0"] as const;
        const types = sides.map((side) => expect(side, ["number"], `'${operator}' needs numbers`, nullMessage));
        return types.includes("unknown") ? "unknown" : "number";
      }
      default: {
        const ordered = operator !== "=" && operator !== "!=";
        const allowed: ValueType[] = ordered ? ["number", "string"] : ["number", "string", "boolean"];
        compared(sides, allowed, `'${operator}' compares numbers or text`, nullComparison(operator));
        return "boolean";
      }
    }
  };

  const visitCall = (name: string, args: readonly Expr[], call: Expr & { kind: "call" }): InferredType => {
    const spec = lookupFunction(name);
    if (spec === undefined) {
      args.forEach(visit);
      const suggestion = didYouMean(name, FUNCTIONS.keys());
      const nameOnly = { ...call, loc: { start: call.loc.start, end: call.loc.start + name.length } };
      const hint = suggestion === undefined ? `the functions are ${[...FUNCTIONS.keys()].join(", ")}` : `did you mean ${suggestion}()?`;
      return problem("unknown-function", nameOnly, `unknown function ${name}()`, hint);
    }
    if (args.length < spec.minArgs || args.length > spec.maxArgs) {
      args.forEach(visit);
      return problem("arity", call, `${name}() takes ${describeArity(spec)} but was given ${args.length}`);
    }
    const nesting = (activeCalls.get(name) ?? 0) + 1;
    if (spec.maxNesting !== undefined && nesting === spec.maxNesting + 1) {
      problem("too-complex", call, `${name}() is nested more than ${spec.maxNesting} levels deep`, `simplify the expression, or compute part of it as a feature`);
    }
    activeCalls.set(name, nesting);
    let shared: readonly [Expr, InferredType] | undefined;
    args.forEach((arg, index) => {
      const param = paramType(spec, index);
      if (spec.constantDigitArgs?.includes(index) && !isSmallWholeNumber(arg)) {
        problem("type", arg, `argument ${index + 1} of ${name}() must be a whole number from -15 to 15 written out, such as 2`);
        return;
      }
      const nullMessage = name === "coalesce" ? undefined : ([`${name}(null) always gives null`, "remove the null argument"] as const);
      const type = expect(arg, param === "T" ? ["number", "string", "boolean"] : [param], `argument ${index + 1} of ${name}() must be ${param === "T" ? "a value" : typeName(param)}`, nullMessage);
      if (param !== "T") return;
      if (shared !== undefined) sameType(shared[0], shared[1], arg, type);
      if (shared === undefined || !isKnown(shared[1])) shared = [arg, type];
    });
    activeCalls.set(name, nesting - 1);
    return returnType(spec, shared?.[1]);
  };

  return visit(ast);
}

const NULL_TEST_HINT = "test for missing values with 'is null' or 'is not null'";

/** The message for a literal `null` used with `operator`, where the result can only be null. */
function nullWith(operator: string): readonly [string, string] {
  return [`null cannot be used with '${operator}': the result would always be null (unknown)`, NULL_TEST_HINT];
}

function nullComparison(operator: BinaryOperator): readonly [string, string] {
  if (operator === "=") return ["'= null' is never true, because comparing with null gives null", "use 'is null' to find missing values"];
  if (operator === "!=") return ["'!= null' is never true, because comparing with null gives null", "use 'is not null' to find present values"];
  return [`'${operator} null' is never true, because comparing with null gives null`, NULL_TEST_HINT];
}

function returnType(spec: FunctionSpec, shared: InferredType | undefined): InferredType {
  return spec.returns === "T" ? (shared ?? "unknown") : spec.returns;
}

function isKnown(type: InferredType): type is ValueType {
  return type !== "unknown" && type !== "null";
}

/** `2`, or `-2`: a digits argument the SQL dialects can take as a constant. */
function isSmallWholeNumber(expr: Expr): boolean {
  const literal = expr.kind === "unary" && expr.operator === "-" ? expr.operand : expr;
  return literal.kind === "number" && Number.isInteger(literal.value) && Math.abs(literal.value) <= 15;
}

function typeName(type: ValueType): string {
  return type === "number" ? "a number" : type === "string" ? "text" : "true or false";
}

/** How a sub-expression is named in a message: its canonical text, shortened if long. */
function subject(expr: Expr): string {
  const text = formatExpression(expr);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function typeHint(expr: Expr, type: ValueType, allowed: readonly ValueType[]): string | undefined {
  if (!allowed.includes("boolean") || allowed.length > 1) return undefined;
  if (type === "number") return `compare it to make a condition, as in ${subject(expr)} > 0`;
  if (type === "string") return `compare it to make a condition, as in ${subject(expr)} = 'value'`;
  return undefined;
}
