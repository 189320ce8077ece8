/**
 * Every registered dialect quotes names and text so that the database reads back exactly
 * the original, for hostile inputs too. The decoders below are written independently from
 * each dialect's documented lexical rules; a decoder that stops early (an unescaped quote
 * in the middle) fails the test, which is how text could break out of a literal.
 */
import { describe, expect, it } from "vitest";
import type { Dialect, DialectName } from "./dialect.ts";
import { dialects } from "./index.ts";

const HOSTILE = [
  "plain",
  "",
  "it's",
  "''",
  "'; drop table x; --",
  'say "hi"',
  '"; drop table x; --',
  "back\\slash",
  "\\'",
  "ends with backslash\\",
  "`tick`",
  "\\`",
  "line\nbreak\r\ttab",
  "é 😀 ü ∑ \u2028",
  "/* comment */ -- comment",
  "$$ dollar $$ $tag$",
  "?",
  "%s %d {0}",
  "\u0001\u001f\u007f",
];

/** Reads a quoted token that must span all of `sql`; returns its value. */
type Decoder = (sql: string) => string;

/** Standard SQL: the quote doubled, nothing else special. */
function doubled(quote: string, prefix = ""): Decoder {
  return (sql) => {
    expect(sql.startsWith(prefix + quote) && sql.endsWith(quote)).toBe(true);
    const body = sql.slice(prefix.length + 1, -1);
    expect(body.replaceAll(quote + quote, "")).not.toContain(quote);
    return body.replaceAll(quote + quote, quote);
  };
}

/** Backslash escapes (`\\`, `\'`, `\n`, `\uXXXX`), and a doubled quote where `doubling` allows it. */
function backslashed(quote: string, doubling: boolean, prefix = ""): Decoder {
  return (sql) => {
    expect(sql.startsWith(prefix + quote) && sql.endsWith(quote)).toBe(true);
    let out = "";
    let i = prefix.length + 1;
    for (; i < sql.length - 1; i++) {
      const ch = sql[i] as string;
      if (ch === "\\") {
        const next = sql[++i] as string;
        if (next === "u") {
          out += String.fromCharCode(parseInt(sql.slice(i + 1, i + 5), 16));
          i += 4;
        } else out += ({ n: "\n", r: "\r", t: "\t" } as Record<string, string>)[next] ?? next;
      } else if (ch === quote) {
        // A lone quote here would end the literal early.
        expect(doubling && sql[i + 1] === quote).toBe(true);
        out += quote;
        i++;
      } else out += ch;
    }
    expect(i).toBe(sql.length - 1);
    return out;
  };
}

const decoders: Record<DialectName, { name: Decoder; text: (sql: string) => string }> = {
  duckdb: { name: doubled('"'), text: doubled("'") },
  postgres: { name: doubled('"'), text: (sql) => (sql.startsWith("E'") ? backslashed("'", true, "E")(sql) : doubled("'")(sql)) },
  snowflake: { name: doubled('"'), text: backslashed("'", true) },
  bigquery: { name: backslashed("`", false), text: backslashed("'", false) },
};

describe.each(Object.entries(dialects) as [DialectName, Dialect][])("the %s dialect", (name, dialect) => {
  it("is registered under its own name", () => {
    expect(dialect.name).toBe(name);
  });

  it.each(HOSTILE)("reads text %j back exactly", (value) => {
    expect(decoders[name].text(dialect.stringLiteral(value))).toBe(value);
  });

  it.each(HOSTILE.filter((value) => value !== ""))("reads name %j back exactly", (value) => {
    expect(decoders[name].name(dialect.quoteIdent(value))).toBe(value);
  });

  it("refuses NUL and empty names, which no database can hold", () => {
    expect(() => dialect.stringLiteral("a\u0000b")).toThrow(RangeError);
    expect(() => dialect.quoteIdent("a\u0000b")).toThrow(RangeError);
    expect(() => dialect.quoteIdent("")).toThrow(RangeError);
  });

  it("writes negative numbers in parentheses, so no '--' comment can form", () => {
    expect(dialect.numberLiteral(-5)).toBe("(-5)");
    expect(dialect.numberLiteral(-0.25)).toMatch(/^\(-CAST\(0\.25 AS [A-Za-z0-9 ]+\)\)$/);
  });

  it("emits every whitelisted function", () => {
    expect(dialect.call("round", ["x", "2"])).toContain("x");
    expect(dialect.call("greatest", ["a", "b", "c"])).toMatch(/a, b, c/);
  });
});

describe("text quoting per dialect", () => {
  it("escapes backslashes only where the dialect reads them as escapes", () => {
    expect(dialects.duckdb.stringLiteral("a\\'b")).toBe("'a\\''b'");
    expect(dialects.postgres.stringLiteral("a'b")).toBe("'a''b'");
    expect(dialects.postgres.stringLiteral("a\\'b")).toBe("E'a\\\\''b'");
    expect(dialects.snowflake.stringLiteral("a\\'b")).toBe("'a\\\\''b'");
    expect(dialects.bigquery.stringLiteral("a\\'b\n")).toBe("'a\\\\\\'b\\u000a'");
    expect(dialects.bigquery.quoteIdent("a`b\\c")).toBe("`a\\`b\\\\c`");
  });
});
