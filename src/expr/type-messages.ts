/**
 * The wording of the checker's messages (`infer-type.ts`), kept together so they read alike:
 * the message says what is wrong and quotes the expression as the user would write it; the
 * hint says what to write instead.
 */
import type { BinaryOperator, Expr, ValueType } from "./ast.ts";
import { formatExpression, quoteText } from "./format.ts";

/** A message and its hint. */
export type Wording = readonly [message: string, hint?: string];

const NULL_TEST_HINT = "test for missing values with 'is null' or 'is not null'";

export function typeName(type: ValueType): string {
  return type === "number" ? "a number" : type === "string" ? "text" : "true or false";
}

/** How a sub-expression is named in a message: its canonical text, shortened if long. */
export function subject(expr: Expr): string {
  const text = formatExpression(expr);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** `what` is the start of the sentence, such as "'+' needs numbers". */
export function wrongType(what: string, expr: Expr, type: ValueType, allowed: readonly ValueType[]): Wording {
  const message = `${what}, but ${subject(expr)} is ${typeName(type)}`;
  if (allowed.length !== 1 || allowed[0] !== "boolean" || type === "boolean") return [message];
  const example = type === "number" ? `${subject(expr)} > 0` : `${subject(expr)} = 'value'`;
  return [message, `compare it to make a condition, as in ${example}`];
}

export function mismatch(left: Expr, leftType: ValueType, right: Expr, rightType: ValueType): Wording {
  const [one, other] = [`${subject(left)} (${typeName(leftType)})`, `${subject(right)} (${typeName(rightType)})`];
  const message = `cannot compare ${one} with ${other}`;
  if (leftType === "string" && right.kind === "number") return [message, `write the number as text: '${right.value}'`];
  return [message, "compare text with text, numbers with numbers, and true or false with true or false"];
}

/** A literal `null` used with `operator`, where the result can only be null. */
export function nullWith(operator: string): Wording {
  return [`null cannot be used with '${operator}': the result would always be null (unknown)`, NULL_TEST_HINT];
}

export function nullInArithmetic(operator: BinaryOperator): Wording {
  return [`'${operator} null' always gives null`, "use coalesce(x, 0) to treat a missing value as 0"];
}

export function nullComparison(operator: BinaryOperator): Wording {
  const message = `'${operator} null' is never true, because comparing with null gives null`;
  if (operator === "=") return [message, "use 'is null' to find missing values"];
  if (operator === "!=") return [message, "use 'is not null' to find present values"];
  return [message, NULL_TEST_HINT];
}

export const NULL_IN_NOT_IN: Wording = [
  "'not in' with null in the list is never true",
  "remove null from the list, and test for missing values with 'is null'",
];

export function nullArgument(name: string): Wording {
  return [`${name}(null) always gives null`, "remove the null argument"];
}

/** `doubleQuoted`: the name as written in double quotes, which name a feature; a text value takes single quotes. */
export function unknownFeature(name: string, suggestion: string | undefined, doubleQuoted?: string): Wording {
  if (suggestion !== undefined) return [`unknown feature ${name}`, `did you mean ${suggestion}?`];
  if (doubleQuoted !== undefined) return [`unknown feature "${doubleQuoted}"`, `double quotes name a feature; write text in single quotes: ${quoteText(doubleQuoted)}`];
  return [`unknown feature ${name}`, "check the spelling against the declared features and columns"];
}

export function unknownFunction(name: string, suggestion: string | undefined, known: readonly string[]): Wording {
  const hint = suggestion === undefined ? `the functions are ${known.join(", ")}` : `did you mean ${suggestion}()?`;
  return [`unknown function ${name}()`, hint];
}

export function constantDigits(name: string, position: number): Wording {
  return [`argument ${position} of ${name}() must be a whole number from -15 to 15 written out, such as 2`];
}
