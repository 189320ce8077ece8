/**
 * The whitelist of functions an expression may call: for each, its arguments, its result and
 * its meaning as a reference implementation in TypeScript (`evaluate`), which `evaluate.ts`
 * runs and the tests compare against every SQL dialect.
 *
 * Semantics shared by all of them, chosen so that every dialect can reproduce them:
 * - a `null` argument gives a `null` result, except in `coalesce`, `least` and `greatest`;
 * - a value outside a function's domain gives `null` instead of an error, like division by
 *   zero: `sqrt(-1)`, `ln(0)`, `log10(-5)`, `log1p(-1)`;
 * - `least` and `greatest` skip `null` arguments and give `null` only when all are `null`;
 * - `round` rounds half away from zero; `length` counts Unicode code points.
 *
 * The SQL for each function lives in the dialects (`dialects/*.ts`), never here.
 */
import type { Value, ValueType } from "./ast.ts";

/** An argument or result type; `"T"` is any one type, the same wherever `"T"` appears in a signature. */
export type ArgType = ValueType | "T";

export type FunctionName = (typeof FUNCTION_NAMES)[number];

export interface FunctionSpec {
  name: FunctionName;
  /** One line for the reference docs. */
  summary: string;
  /** Argument types in order; for variadic functions the last one repeats. */
  params: readonly ArgType[];
  minArgs: number;
  /** `Infinity` for variadic functions. */
  maxArgs: number;
  returns: ArgType;
  /**
   * Positions of arguments that must be written as a whole number (optionally negative)
   * between -15 and 15, because the SQL dialects need a constant there: `round(x, 2)`.
   */
  constantDigitArgs?: readonly number[];
  /** The reference semantics. Arguments have already been checked against `params`. */
  evaluate(args: readonly Value[]): Value;
}

export const FUNCTION_NAMES = [
  "abs",
  "ceil",
  "coalesce",
  "contains",
  "floor",
  "greatest",
  "least",
  "length",
  "ln",
  "log10",
  "log1p",
  "lower",
  "round",
  "sqrt",
  "starts_with",
  "upper",
] as const;

/** Wraps a function of non-null arguments so that any `null` argument gives `null`. */
function strict<A extends readonly unknown[]>(fn: (...args: A) => Value): (args: readonly Value[]) => Value {
  return (args) => (args.some((arg) => arg === null) ? null : fn(...(args as unknown as A)));
}

/** Half away from zero, exactly: `x - trunc(x)` is exact in binary floating point. */
function roundHalfAwayFromZero(x: number): number {
  const whole = Math.trunc(x);
  return Math.abs(x - whole) >= 0.5 ? whole + Math.sign(x) : whole;
}

/** `round(x, digits)` the way DuckDB computes it on doubles: scale, round, unscale. */
function roundDigits(x: number, digits = 0): number {
  if (digits === 0) return roundHalfAwayFromZero(x);
  if (digits > 0) {
    const scale = 10 ** digits;
    const rounded = roundHalfAwayFromZero(x * scale) / scale;
    return Number.isFinite(rounded) ? rounded : x;
  }
  const scale = 10 ** -digits;
  return roundHalfAwayFromZero(x / scale) * scale;
}

/** greatest / least: the largest or smallest of two or more numbers, skipping nulls (null when all are). */
function extreme(name: FunctionName, summary: string, pick: (a: number, b: number) => number): FunctionSpec {
  const evaluate = (args: readonly Value[]): Value => {
    const present = args.filter((arg): arg is number => arg !== null);
    return present.length === 0 ? null : present.reduce((a, b) => pick(a, b));
  };
  return { name, summary, params: ["number"], minArgs: 2, maxArgs: Infinity, returns: "number", evaluate };
}

function numeric(name: FunctionName, summary: string, fn: (x: number) => number | null): FunctionSpec {
  return { name, summary, params: ["number"], minArgs: 1, maxArgs: 1, returns: "number", evaluate: strict(fn) };
}

/** A function of one text: length, lower, upper. */
function textual(name: FunctionName, summary: string, returns: "number" | "string", fn: (text: string) => number | string): FunctionSpec {
  return { name, summary, params: ["string"], minArgs: 1, maxArgs: 1, returns, evaluate: strict(fn) };
}

/** A test of the first text against the second: contains, starts_with. */
function textTest(name: FunctionName, summary: string, fn: (text: string, part: string) => boolean): FunctionSpec {
  return { name, summary, params: ["string", "string"], minArgs: 2, maxArgs: 2, returns: "boolean", evaluate: strict(fn) };
}

const SPECS: readonly FunctionSpec[] = [
  numeric("abs", "absolute value", Math.abs),
  numeric("ceil", "smallest whole number not below x", Math.ceil),
  {
    name: "coalesce",
    summary: "the first argument that is not null",
    params: ["T"],
    minArgs: 1,
    maxArgs: Infinity,
    returns: "T",
    evaluate: (args) => args.find((arg) => arg !== null) ?? null,
  },
  textTest("contains", "whether the first text contains the second", (text, part) => text.includes(part)),
  numeric("floor", "largest whole number not above x", Math.floor),
  extreme("greatest", "the largest argument, skipping nulls", Math.max),
  extreme("least", "the smallest argument, skipping nulls", Math.min),
  textual("length", "number of characters (Unicode code points) in the text", "number", (text) => [...text].length),
  numeric("ln", "natural logarithm; null unless x > 0", (x) => (x > 0 ? Math.log(x) : null)),
  numeric("log10", "base-10 logarithm; null unless x > 0", (x) => (x > 0 ? Math.log10(x) : null)),
  // ln(1 + x) rather than Math.log1p, to match the SQL every dialect runs.
  numeric("log1p", "ln(1 + x); null unless x > -1", (x) => (x > -1 ? Math.log(1 + x) : null)),
  textual("lower", "the text in lowercase", "string", (text) => text.toLowerCase()),
  {
    name: "round",
    summary: "x rounded half away from zero to a number of decimal digits (default 0)",
    params: ["number", "number"],
    minArgs: 1,
    maxArgs: 2,
    returns: "number",
    constantDigitArgs: [1],
    evaluate: strict((x: number, digits?: number) => roundDigits(x, digits)),
  },
  numeric("sqrt", "square root; null when x < 0", (x) => (x >= 0 ? Math.sqrt(x) : null)),
  textTest("starts_with", "whether the first text starts with the second", (text, prefix) => text.startsWith(prefix)),
  textual("upper", "the text in uppercase", "string", (text) => text.toUpperCase()),
];

/** Every whitelisted function by name, in alphabetical order. */
export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map(SPECS.map((spec) => [spec.name, spec]));

/** The function called `name` (already lowercase, as the parser stores it), if whitelisted. */
export function lookupFunction(name: string): FunctionSpec | undefined {
  return FUNCTIONS.get(name);
}

/** The declared type of argument `index`; variadic functions repeat their last parameter. */
export function paramType(spec: FunctionSpec, index: number): ArgType {
  return spec.params[Math.min(index, spec.params.length - 1)] as ArgType;
}

/** "1 argument", "1 or 2 arguments", "at least 2 arguments": for arity messages. */
export function describeArity(spec: FunctionSpec): string {
  const plural = (n: number) => `${n} argument${n === 1 ? "" : "s"}`;
  if (spec.maxArgs === Infinity) return `at least ${plural(spec.minArgs)}`;
  if (spec.minArgs === spec.maxArgs) return plural(spec.minArgs);
  return `${spec.minArgs} or ${plural(spec.maxArgs)}`;
}
