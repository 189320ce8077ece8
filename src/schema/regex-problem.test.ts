import { describe, expect, it } from "vitest";
import { regexProblem } from "./regex-problem.ts";

describe("regexProblem", () => {
  it("accepts the RE2 patterns normalize uses", () => {
    for (const pattern of ["\\bit\\b", "^saas$", "fin(ance|tech)", "[a-z]+\\d{2,}", "(?P<kind>bank)"]) expect(regexProblem(pattern)).toBeUndefined();
  });

  it("names the syntax error of a pattern that does not compile", () => {
    expect(regexProblem("(unclosed")).toBe("Unterminated group");
    expect(regexProblem("[z-a]")).toBe("Range out of order in character class");
  });

  it("rejects what JavaScript accepts but RE2 does not", () => {
    expect(regexProblem("foo(?=bar)")).toMatch(/lookahead/);
    expect(regexProblem("(a)\\1")).toMatch(/backreferences/);
  });
});
