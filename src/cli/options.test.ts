import { describe, expect, expectTypeOf, it } from "vitest";
import { SegError } from "../diagnostics/seg-error.ts";
import { parseArgs, type CommandSpec } from "./options.ts";

const spec = {
  name: "demo",
  summary: "A command for the test.",
  usage: "seg demo [options]",
  options: [
    { name: "format", type: "string", choices: ["csv", "json"], description: "Format." },
    { name: "limit", type: "number", description: "Limit." },
    { name: "quiet", type: "boolean", description: "Quiet." },
    { name: "rule", type: "string", repeatable: true, description: "Rule." },
  ],
} as const satisfies CommandSpec;

describe("parseArgs", () => {
  it("gives each option the type its table entry declares", () => {
    const args = parseArgs(spec, ["--format", "json", "--limit=3", "--quiet", "--rule", "a", "--rule", "b", "--root", "ws"]);
    expect(args.options).toEqual({ format: "json", limit: 3, quiet: true, rule: "a,b", root: "ws" });
    expectTypeOf(args.options.format).toEqualTypeOf<"csv" | "json" | undefined>();
    expectTypeOf(args.options.limit).toEqualTypeOf<number | undefined>();
    expectTypeOf(args.options.quiet).toEqualTypeOf<boolean | undefined>();
    expectTypeOf(args.options.root).toEqualTypeOf<string | undefined>();
  });

  it("refuses a value outside the choices and a number that is not one, as SegErrors", () => {
    expect(() => parseArgs(spec, ["--format", "xml"])).toThrow(SegError);
    expect(() => parseArgs(spec, ["--limit", "many"])).toThrow('--limit needs a number, not "many".');
  });
});
