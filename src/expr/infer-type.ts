/* eslint max-lines-per-function: "off" -- inferType is one switch over the expression kinds, a short case each. */
/**
 * Works out the type of every sub-expression, bottom-up, and reports what does not fit:
 * unknown features and functions, wrong argument counts, operands of the wrong type, and
 * `null` written where it makes the result always null (`x = null`, `x + null`).
 *
 * A node whose type cannot be known because of an error below it gets the type `"unknown"`,
 * which fits anywhere, so one mistake is reported once rather than at every level above it.
 * The literal `null` has the type `"null"` and is accepted only where it means something: as
 * an item of an `in` list, as an argument of `coalesce`, and before `is [not] null`.
 * The wording of every message is in `type-messages.ts`.
 */
import type { BinaryOperator, CallExpression, Expr, ValueType } from "./ast.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import type { ExprError, ExprErrorCode } from "./expr-error.ts";
import { formatName } from "./format.ts";
import { describeArity, FUNCTIONS, lookupFunction, paramType } from "./functions.ts";
import * as say from "./type-messages.ts";

export type InferredType = ValueType | "null" | "unknown";

/** What the checker needs to know about a feature; the workspace catalog has more. */
export interface FeatureType {
  type: ValueType;
}

type Features = ReadonlyMap<string, FeatureType>;

const ANY: readonly ValueType[] = ["number", "string", "boolean"];
const ORDERED: readonly ValueType[] = ["number", "string"];

/** The type of `ast`, or `undefined` when it has errors or is always null. */
export function inferExpressionType(ast: Expr, features: Features): ValueType | undefined {
  let failed = false;
  const type = inferType(ast, features, () => {
    failed = true;
  });
  return failed || !isKnown(type) ? undefined : type;
}

/** The type of `ast`, calling `report` for each problem found on the way, in tree order. */
export function inferType(ast: Expr, features: Features, report: (error: ExprError) => void): InferredType {
  const problem = (code: ExprErrorCode, at: Expr, [message, hint]: say.Wording): "unknown" => {
    const { start, end } = at.loc;
    report(hint === undefined ? { code, message, start, end } : { code, message, hint, start, end });
    return "unknown";
  };

  /**
   * The type of `expr`, which should be one of `allowed`; `what` starts the message when it
   * is not. A literal `null` is reported with `nullWording`, or accepted when that is absent.
   */
  const expect = (expr: Expr, allowed: readonly ValueType[], what: string, nullWording?: say.Wording): InferredType => {
    if (expr.kind === "null" && nullWording !== undefined) return problem("always-null", expr, nullWording);
    const type = visit(expr);
    if (!isKnown(type) || allowed.includes(type)) return type;
    return problem("type", expr, say.wrongType(what, expr, type, allowed));
  };

  /** Whether `right` has the same type as `left`; reports it when not. */
  const sameType = (left: Expr, leftType: InferredType, right: Expr, rightType: InferredType): boolean => {
    if (!isKnown(leftType) || !isKnown(rightType) || leftType === rightType) return true;
    problem("type", right, say.mismatch(left, leftType, right, rightType));
    return false;
  };

  /**
   * Checks operands that are compared with one another (both sides of `<`; a value and the
   * bounds of `between`): each must be one of `allowed`, and all must have one type. Reports
   * at most one type error, so `flag < true` is one mistake rather than two.
   */
  const compared = (sides: readonly Expr[], allowed: readonly ValueType[], what: string, nullWording: say.Wording): void => {
    const types = sides.map((side) => (side.kind === "null" ? problem("always-null", side, nullWording) : visit(side)));
    const wrong = types.findIndex((type) => isKnown(type) && !allowed.includes(type));
    if (wrong !== -1) {
      const side = sides[wrong] as Expr;
      problem("type", side, say.wrongType(what, side, types[wrong] as ValueType, allowed));
      return;
    }
    const first = types.findIndex(isKnown);
    if (first === -1) return;
    const [reference, referenceType] = [sides[first] as Expr, types[first] as InferredType];
    sides.every((side, i) => i === first || sameType(reference, referenceType, side, types[i] as InferredType));
  };

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
        const shown = suggestion === undefined ? undefined : formatName(suggestion);
        return problem("unknown-feature", expr, say.unknownFeature(formatName(expr.name), shown, expr.quoted ? expr.name : undefined));
      }
      case "unary":
        if (expr.operator === "not") {
          expect(expr.operand, ["boolean"], "'not' needs a condition (true or false)", say.nullWith("not"));
          return "boolean";
        }
        const operand = expect(expr.operand, ["number"], "'-' needs a number", say.nullWith("-"));
        return operand === "unknown" ? "unknown" : "number";
      case "binary":
        return visitBinary(expr.operator, expr.left, expr.right);
      case "in": {
        const operandType = expect(expr.operand, ANY, "'in'", say.nullWith("in"));
        let reference: readonly [Expr, InferredType] = [expr.operand, operandType];
        for (const item of expr.items) {
          if (item.kind === "null" && expr.negated) {
            problem("always-null", item, say.NULL_IN_NOT_IN);
            continue;
          }
          const itemType = visit(item);
          sameType(reference[0], reference[1], item, itemType);
          if (!isKnown(reference[1])) reference = [item, itemType];
        }
        return "boolean";
      }
      case "between":
        const what = "'between' compares numbers or text";
        compared([expr.operand, expr.low, expr.high], ORDERED, what, say.nullWith("between"));
        return "boolean";
      case "isNull":
        visit(expr.operand);
        return "boolean";
      case "call":
        return visitCall(expr);
    }
  };

  const visitBinary = (operator: BinaryOperator, left: Expr, right: Expr): InferredType => {
    switch (operator) {
      case "and":
      case "or":
        for (const side of [left, right]) {
          expect(side, ["boolean"], `'${operator}' joins conditions (true or false)`, say.nullWith(operator));
        }
        return "boolean";
      case "+":
      case "-":
      case "*":
      case "/":
      case "%": {
        const nullWording = say.nullInArithmetic(operator);
        const types = [left, right].map((side) => expect(side, ["number"], `'${operator}' needs numbers`, nullWording));
        return types.includes("unknown") ? "unknown" : "number";
      }
      default: {
        const allowed = operator === "=" || operator === "!=" ? ANY : ORDERED;
        compared([left, right], allowed, `'${operator}' compares numbers or text`, say.nullComparison(operator));
        return "boolean";
      }
    }
  };

  const visitCall = (call: CallExpression): InferredType => {
    const { name, args } = call;
    const spec = lookupFunction(name);
    if (spec === undefined || args.length < spec.minArgs || args.length > spec.maxArgs) {
      args.forEach(visit);
      if (spec !== undefined) {
        return problem("arity", call, [`${name}() takes ${describeArity(spec)} but was given ${args.length}`]);
      }
      const nameOnly = { ...call, loc: { start: call.loc.start, end: call.loc.start + name.length } };
      const known = [...FUNCTIONS.keys()];
      return problem("unknown-function", nameOnly, say.unknownFunction(name, didYouMean(name, known), known));
    }
    // Arguments typed "T" must all have one type, which is then the result's type.
    let shared: readonly [Expr, InferredType] | undefined;
    args.forEach((arg, index) => {
      const param = paramType(spec, index);
      if (spec.constantDigitArgs?.includes(index) && !isSmallWholeNumber(arg)) {
        problem("type", arg, say.constantDigits(name, index + 1));
        return;
      }
      const what = `argument ${index + 1} of ${name}() must be ${param === "T" ? "a value" : say.typeName(param)}`;
      const nullWording = name === "coalesce" ? undefined : say.nullArgument(name);
      const type = expect(arg, param === "T" ? ANY : [param], what, nullWording);
      if (param !== "T") return;
      if (shared !== undefined) sameType(shared[0], shared[1], arg, type);
      if (shared === undefined || !isKnown(shared[1])) shared = [arg, type];
    });
    return spec.returns === "T" ? (shared?.[1] ?? "unknown") : spec.returns;
  };

  return visit(ast);
}

function isKnown(type: InferredType): type is ValueType {
  return type !== "unknown" && type !== "null";
}

/** `2`, or `-2`: a digits argument the SQL dialects can take as a constant. */
function isSmallWholeNumber(expr: Expr): boolean {
  const literal = expr.kind === "unary" && expr.operator === "-" ? expr.operand : expr;
  return literal.kind === "number" && Number.isInteger(literal.value) && Math.abs(literal.value) <= 15;
}
