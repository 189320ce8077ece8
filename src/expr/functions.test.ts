import { describe, expect, it } from "vitest";
import { describeArity, FUNCTION_NAMES, FUNCTIONS, lookupFunction, paramType } from "./functions.ts";

function call(name: string, ...args: (number | string | boolean | null)[]) {
  const spec = lookupFunction(name);
  if (spec === undefined) throw new Error(`no function ${name}`);
  return spec.evaluate(args);
}

describe("the function whitelist", () => {
  it("lists every function once, in alphabetical order", () => {
    expect([...FUNCTIONS.keys()]).toEqual([...FUNCTION_NAMES].sort());
    for (const [name, spec] of FUNCTIONS) {
      expect(spec.name).toBe(name);
      expect(spec.minArgs).toBeGreaterThanOrEqual(1);
      expect(spec.maxArgs).toBeGreaterThanOrEqual(spec.minArgs);
      expect(spec.params.length).toBeGreaterThan(0);
    }
  });

  it("does not know functions outside the whitelist, nor inherited object keys", () => {
    expect(lookupFunction("exp")).toBeUndefined();
    expect(lookupFunction("constructor")).toBeUndefined();
    expect(lookupFunction("__proto__")).toBeUndefined();
  });

  it("describes arities for messages", () => {
    expect(describeArity(FUNCTIONS.get("abs")!)).toBe("1 argument");
    expect(describeArity(FUNCTIONS.get("round")!)).toBe("1 or 2 arguments");
    expect(describeArity(FUNCTIONS.get("contains")!)).toBe("2 arguments");
    expect(describeArity(FUNCTIONS.get("greatest")!)).toBe("at least 2 arguments");
    expect(describeArity(FUNCTIONS.get("coalesce")!)).toBe("at least 1 argument");
  });

  it("repeats the last parameter type of variadic functions", () => {
    expect(paramType(FUNCTIONS.get("least")!, 5)).toBe("number");
    expect(paramType(FUNCTIONS.get("coalesce")!, 3)).toBe("T");
  });
});

describe("reference semantics", () => {
  it("gives null for a null argument, except in coalesce, least and greatest", () => {
    for (const name of ["abs", "ceil", "floor", "sqrt", "ln", "log10", "log1p", "round", "lower", "upper", "length"]) {
      expect(call(name, null)).toBeNull();
    }
    expect(call("contains", "abc", null)).toBeNull();
    expect(call("round", 1.5, null)).toBeNull();
    expect(call("coalesce", null, null, 3, 4)).toBe(3);
    expect(call("coalesce", null)).toBeNull();
    expect(call("greatest", null, 2, 7, null)).toBe(7);
    expect(call("least", 5, null, -1)).toBe(-1);
    expect(call("least", null, null)).toBeNull();
  });

  it("gives null outside a function's domain instead of failing", () => {
    expect(call("sqrt", -4)).toBeNull();
    expect(call("sqrt", 0)).toBe(0);
    expect(call("ln", 0)).toBeNull();
    expect(call("log10", -1)).toBeNull();
    expect(call("log1p", -1)).toBeNull();
    expect(call("log1p", 0)).toBe(0);
    expect(call("log10", 1000)).toBeCloseTo(3);
  });

  it("rounds half away from zero, to digits on either side of the point", () => {
    expect([2.5, -2.5, 0.5, -0.5, 1.4999999999999998].map((x) => call("round", x))).toEqual([3, -3, 1, -1, 1]);
    expect(call("round", 0.49999999999999994)).toBe(0);
    expect(call("round", 3.14159, 2)).toBe(3.14);
    expect(call("round", 1234.5, -2)).toBe(1200);
    expect(call("round", 1.005, 2)).toBe(1); // 1.005 is 1.00499999… as a double
  });

  it("counts characters as code points and matches text case-sensitively", () => {
    expect(call("length", "héllo😀")).toBe(6);
    expect(call("contains", "Enterprise", "prise")).toBe(true);
    expect(call("contains", "Enterprise", "PRISE")).toBe(false);
    expect(call("contains", "abc", "")).toBe(true);
    expect(call("starts_with", "growth-eu", "growth")).toBe(true);
    expect(call("upper", "ab")).toBe("AB");
  });
});
