import { describe, expect, it } from "vitest";
import { tokenize, type Token } from "./lexer.ts";

function tokens(source: string): Token[] {
  const result = tokenize(source);
  if (!result.ok) throw new Error(`unexpected lex error: ${result.error.message}`);
  return result.tokens;
}

function lexError(source: string) {
  const result = tokenize(source);
  if (result.ok) throw new Error(`expected a lex error for ${source}`);
  return result.error;
}

describe("tokenize", () => {
  it("splits an expression into tokens with offsets", () => {
    expect(tokens("a >= 45 AND plan in ('x')").map((t) => [t.kind, t.text, t.start, t.end])).toEqual([
      ["word", "a", 0, 1],
      ["punct", ">=", 2, 4],
      ["number", "45", 5, 7],
      ["word", "AND", 8, 11],
      ["word", "plan", 12, 16],
      ["word", "in", 17, 19],
      ["punct", "(", 20, 21],
      ["string", "'x'", 21, 24],
      ["punct", ")", 24, 25],
      ["end", "", 25, 25],
    ]);
  });

  it("marks keywords case-insensitively and leaves other words alone", () => {
    const [and, plan] = tokens("AnD plan");
    expect(and).toMatchObject({ kind: "word", keyword: "and" });
    expect(plan).toMatchObject({ kind: "word", keyword: undefined, value: "plan" });
  });

  it("reads numbers in decimal and exponent forms", () => {
    expect(tokens("0 45 0.5 .25 1e3 2.5E-2").slice(0, -1).map((t) => (t.kind === "number" ? t.value : t.kind))).toEqual([0, 45, 0.5, 0.25, 1000, 0.025]);
  });

  it("unescapes doubled quotes in text and in quoted names", () => {
    const [text, name] = tokens(`'it''s' "say ""hi"""`);
    expect(text).toMatchObject({ kind: "string", value: "it's", start: 0, end: 7 });
    expect(name).toMatchObject({ kind: "quoted", value: 'say "hi"' });
  });

  it("keeps text exactly, including unicode, backslashes and SQL", () => {
    const [text] = tokens(`'é😀\\n'' ; drop table x; --'`);
    expect(text).toMatchObject({ kind: "string", value: "é😀\\n' ; drop table x; --" });
  });

  it("reads <> as !=", () => {
    expect(tokens("a <> b")[1]).toMatchObject({ kind: "punct", value: "!=", text: "<>" });
  });

  it("accepts any Unicode whitespace between tokens", () => {
    expect(tokens("a\u00a0=\n\t1").map((t) => t.text)).toEqual(["a", "=", "1", ""]);
  });

  it.each([
    ["'growth", 0, 1, /unterminated text 'growth: the opening ' has no closing '/],
    ['"weird name', 0, 1, /unterminated name/],
    ["a = 1.", 4, 6, /'1\.' is not a valid number/],
    ["a = 1.2.3", 4, 9, /'1\.2\.3' is not a valid number/],
    ["90d_active > 1", 0, 10, /'90d_active' is not a valid number/],
    ["a = 1e999", 4, 9, /the number '1e999' is too large/],
    ["a == 1", 2, 4, /^'==' is not an operator; use '='$/],
    ["a => 1", 2, 4, /^'=>' is not an operator; did you mean '>='\?$/],
    ["a =< 1", 2, 4, /did you mean '<='\?/],
    ["a && b", 2, 4, /use 'and'/],
    ["a || b", 2, 4, /use 'or'/],
    ["!a", 0, 1, /'!' is not an operator; use 'not'/],
    ["a = 1; drop", 5, 6, /unexpected character ';'/],
    ["a = $1", 4, 5, /unexpected character '\$'/],
    ["café = 1", 0, 4, /'café' is not a plain name/],
    ["a = ‘x’", 4, 5, /unexpected character '‘'/],
    ["a = 😀", 4, 6, /unexpected character '😀'/],
    ["a.b = 1", 1, 2, /unexpected character '\.'/],
    ['"" = 1', 0, 2, /empty name/],
    ["'a\u0000b'", 0, 5, /NUL/],
    ["a = \u0007", 4, 5, /unexpected character U\+0007/],
  ])("rejects %j at [%i, %i)", (source, start, end, message) => {
    const error = lexError(source);
    expect(error).toMatchObject({ code: "syntax", start, end });
    expect(error.message).toMatch(message);
  });

  it("suggests how to fix common mistakes", () => {
    expect(lexError("café = 1").hint).toBe('a name with characters other than A-Z, 0-9 and _ must be quoted, as in "café"');
    expect(lexError("a = ‘x’").hint).toMatch(/straight quotes/);
    expect(lexError("'abc").hint).toMatch(/write a quote inside text as ''/);
  });

  it.each([
    ["frequency >= 8 -- regulars", 15, 17, /SQL comment/, /YAML comment/],
    ["frequency >= 8 /* regulars */", 15, 17, /SQL comment/, /YAML comment/],
    ["frequency::integer >= 8", 9, 11, /SQL cast/, /type declared in the source/],
    ["8--3", 1, 3, /SQL comment/, /- \(-x\)/],
  ])("says SQL syntax in %j is not part of the language, at [%i, %i)", (source, start, end, message, hint) => {
    const error = lexError(source);
    expect(error).toMatchObject({ code: "syntax", start, end });
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(hint);
  });

  it("ends every token list with an end token at the source length", () => {
    expect(tokens("  ")).toEqual([{ kind: "end", text: "", start: 2, end: 2 }]);
  });
});
