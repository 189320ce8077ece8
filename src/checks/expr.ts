/**
 * Expressions (segment where:, source filters, computed columns and features,
 * RFM groups) parse and use known names with fitting types. The expression
 * checker (expr/) words each problem from the expression itself; a finding is
 * placed at its columns inside the YAML scalar. Unknown names are
 * unknown-reference findings (checks/references.ts).
 */
import { defineCheck } from "./define-check.ts";

const FROM_EXPRESSION = { problem: "{{problem}}" } as const;

export const exprSyntax = defineCheck({
  id: "expr/syntax",
  description: "Expressions are well formed",
  defaultSeverity: "error",
  messages: FROM_EXPRESSION,
  hint: "Fix the expression at the marked column; see the expression language in the README.",
});

export const exprTooComplex = defineCheck({
  id: "expr/too-complex",
  description: "Expressions stay within Seg's length and nesting limits",
  defaultSeverity: "error",
  messages: FROM_EXPRESSION,
  hint: "Split the expression into computed features.",
});

export const exprUnknownFunction = defineCheck({
  id: "expr/unknown-function",
  description: "Expressions call only the functions Seg provides",
  defaultSeverity: "error",
  messages: FROM_EXPRESSION,
  hint: "Use one of the functions listed in the README's expression reference.",
});

export const exprArity = defineCheck({
  id: "expr/arity",
  description: "Functions are called with the number of arguments they take",
  defaultSeverity: "error",
  messages: FROM_EXPRESSION,
  hint: "Pass the number of arguments the function takes.",
});

export const exprType = defineCheck({
  id: "expr/type",
  description: "Operands have types their operator or function accepts, and conditions are true or false",
  defaultSeverity: "error",
  messages: FROM_EXPRESSION,
  hint: "Compare values of the same type; check the declared type of each column.",
});

export const exprAlwaysNull = defineCheck({
  id: "expr/always-null",
  description: "Conditions can be true (no comparison with null)",
  defaultSeverity: "error",
  messages: FROM_EXPRESSION,
  hint: "Use is null / is not null to test for a missing value.",
});
