/* eslint max-lines-per-function: "off" -- tokenize is a single left-to-right scan, one branch per token kind. */
/**
 * Splits expression source into tokens, each with its offsets, or returns the first lexical
 * error (unterminated text, a malformed number, a character that has no meaning here).
 *
 * Lexing is a single left-to-right scan with no backtracking, so it is linear in the length
 * of the source. The parser (`parser.ts`) enforces the length limit before calling it.
 */
import type { ExprError } from "./expr-error.ts";
import { keywordOf, type Keyword } from "./keywords.ts";

/** Operators and punctuation. `<>` is read as `!=`. */
export type Punct = "(" | ")" | "," | "=" | "!=" | "<" | "<=" | ">" | ">=" | "+" | "-" | "*" | "/" | "%";

interface TokenBase {
  /** The source text of the token, exactly as written. */
  text: string;
  start: number;
  end: number;
}

export type Token =
  | (TokenBase & { kind: "number"; value: number })
  | (TokenBase & { kind: "string"; value: string })
  /** A bare word; `keyword` is set when it is a reserved word. */
  | (TokenBase & { kind: "word"; value: string; keyword: Keyword | undefined })
  /** A double-quoted name; `value` is unquoted, with `""` read as `"`. */
  | (TokenBase & { kind: "quoted"; value: string })
  | (TokenBase & { kind: "punct"; value: Punct })
  /** Marks the end of the source; `start === end === source.length`. */
  | (TokenBase & { kind: "end" });

export type LexResult = { ok: true; tokens: Token[] } | { ok: false; error: ExprError };

const TWO_CHAR_PUNCT: Readonly<Record<string, Punct>> = { "<=": "<=", ">=": ">=", "!=": "!=", "<>": "!=" };
const ONE_CHAR_PUNCT = new Set<string>(["(", ")", ",", "=", "<", ">", "+", "-", "*", "/", "%"]);

/** Look-alikes of operators from other languages, with what to write instead. */
const MISTAKEN_OPERATORS: ReadonlyArray<readonly [string, string]> = [
  ["==", "'==' is not an operator; use '='"],
  ["=>", "'=>' is not an operator; did you mean '>='?"],
  ["=<", "'=<' is not an operator; did you mean '<='?"],
  ["&&", "'&&' is not an operator; use 'and'"],
  ["||", "'||' is not an operator; use 'or'"],
  ["!", "'!' is not an operator; use 'not', or '!=' for 'is not equal to'"],
  ["&", "'&' is not an operator; use 'and'"],
  ["|", "'|' is not an operator; use 'or'"],
];

/** SQL syntax that is not part of the expression language, with what to write instead. */
const SQL_SYNTAX: ReadonlyArray<readonly [string, string, string]> = [
  [
    "--",
    "'--' starts a SQL comment, and SQL comments are not part of the expression language",
    "write the expression alone; to explain it, put a YAML comment (# …) on its own line above the key. For minus a negative number write - (-x)",
  ],
  [
    "/*",
    "'/* */' is a SQL comment, and SQL comments are not part of the expression language",
    "write the expression alone; to explain it, put a YAML comment (# …) on its own line above the key",
  ],
  [
    "::",
    "'::' is a SQL cast, and casts are not part of the expression language",
    "columns already have the type declared in the source (change type: there); to round, use round(x), and compare text with text",
  ],
];

const NUMBER = /(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const NUMBER_RUN = /[0-9A-Za-z_.]+/y;
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const NON_ASCII_WORD = /[\p{L}\p{M}\p{N}_]+/uy;
const WHITESPACE = /\s+/y;

/** Tokenizes `source`. The last token of a successful result is always `end`. */
export function tokenize(source: string): LexResult {
  const tokens: Token[] = [];
  let pos = 0;
  const fail = (message: string, start: number, end: number, hint?: string): LexResult => ({
    ok: false,
    error: hint === undefined ? { code: "syntax", message, start, end } : { code: "syntax", message, hint, start, end },
  });

  while (pos < source.length) {
    const ch = source[pos] as string;
    WHITESPACE.lastIndex = pos;
    if (WHITESPACE.test(source)) {
      pos = WHITESPACE.lastIndex;
      continue;
    }
    const start = pos;

    if ((ch >= "0" && ch <= "9") || (ch === "." && /[0-9]/.test(source[pos + 1] ?? ""))) {
      NUMBER.lastIndex = pos;
      const match = NUMBER.exec(source);
      const text = match?.[0] ?? "";
      NUMBER_RUN.lastIndex = pos + text.length;
      const rest = NUMBER_RUN.exec(source)?.[0] ?? "";
      if (text === "" || rest !== "") {
        const bad = text + rest;
        return fail(
          `'${bad}' is not a valid number`,
          start,
          start + bad.length,
          "write numbers like 45, 0.5 or 1e3; a name that starts with a digit must be quoted, as in \"90d_active\"",
        );
      }
      const value = Number(text);
      if (!Number.isFinite(value)) {
        return fail(`the number '${text}' is too large`, start, start + text.length);
      }
      pos += text.length;
      tokens.push({ kind: "number", value, text, start, end: pos });
      continue;
    }

    if (ch === "'" || ch === '"') {
      const quoted = readQuoted(source, pos, ch);
      const what = ch === "'" ? "text" : "name";
      if (quoted === undefined) {
        const preview = source.slice(pos, pos + 20) + (source.length - pos > 20 ? "…" : "");
        return fail(
          `unterminated ${what} ${preview}: the opening ${ch} has no closing ${ch}`,
          start,
          start + 1,
          ch === "'"
            ? "close the text with ', and write a quote inside text as ''"
            : 'close the name with ", and write a double quote inside a name as ""',
        );
      }
      pos = quoted.end;
      const text = source.slice(start, pos);
      const invalid = invalidCharacterIn(quoted.value);
      if (invalid !== undefined) {
        return fail(`the ${what} ${text} contains ${invalid}, which is not allowed`, start, pos);
      }
      if (ch === "'") {
        tokens.push({ kind: "string", value: quoted.value, text, start, end: pos });
      } else if (quoted.value.length === 0) {
        return fail('empty name ""; a quoted name needs at least one character', start, pos);
      } else {
        tokens.push({ kind: "quoted", value: quoted.value, text, start, end: pos });
      }
      continue;
    }

    WORD.lastIndex = pos;
    const word = WORD.exec(source)?.[0];
    NON_ASCII_WORD.lastIndex = pos;
    const wide = NON_ASCII_WORD.exec(source)?.[0];
    if (wide !== undefined && (word === undefined || wide.length > word.length)) {
      return fail(
        `'${wide}' is not a plain name`,
        start,
        start + wide.length,
        `a name with characters other than A-Z, 0-9 and _ must be quoted, as in "${wide}"`,
      );
    }
    if (word !== undefined) {
      pos += word.length;
      tokens.push({ kind: "word", value: word, keyword: keywordOf(word), text: word, start, end: pos });
      continue;
    }

    const two = source.slice(pos, pos + 2);
    const twoPunct = TWO_CHAR_PUNCT[two];
    if (twoPunct !== undefined) {
      pos += 2;
      tokens.push({ kind: "punct", value: twoPunct, text: two, start, end: pos });
      continue;
    }
    const sql = SQL_SYNTAX.find(([op]) => source.startsWith(op, pos));
    if (sql !== undefined) {
      return fail(sql[1], start, start + sql[0].length, sql[2]);
    }
    const mistaken = MISTAKEN_OPERATORS.find(([op]) => source.startsWith(op, pos));
    if (mistaken !== undefined) {
      return fail(mistaken[1], start, start + mistaken[0].length);
    }
    if (ONE_CHAR_PUNCT.has(ch)) {
      pos += 1;
      tokens.push({ kind: "punct", value: ch as Punct, text: ch, start, end: pos });
      continue;
    }
    return unexpectedCharacter(source, pos, fail);
  }
  tokens.push({ kind: "end", text: "", start: source.length, end: source.length });
  return { ok: true, tokens };
}

/**
 * Reads a quoted run starting at `open` (which holds `quote`), where two quotes in a row stand
 * for one. Returns the unescaped value and the offset just past the closing quote, or
 * `undefined` when the source ends first.
 */
function readQuoted(source: string, open: number, quote: string): { value: string; end: number } | undefined {
  let value = "";
  let pos = open + 1;
  for (;;) {
    const close = source.indexOf(quote, pos);
    if (close === -1) return undefined;
    value += source.slice(pos, close);
    if (source[close + 1] === quote) {
      value += quote;
      pos = close + 2;
    } else {
      return { value, end: close + 1 };
    }
  }
}

/**
 * Describes the first character that no SQL dialect can carry inside a literal or a quoted
 * name: NUL, or half of a UTF-16 surrogate pair with its other half missing.
 */
function invalidCharacterIn(value: string): string | undefined {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0) return "the NUL character (U+0000)";
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return "an unpaired surrogate";
    }
    if (code >= 0xdc00 && code <= 0xdfff) return "an unpaired surrogate";
  }
  return undefined;
}

function unexpectedCharacter(
  source: string,
  pos: number,
  fail: (message: string, start: number, end: number, hint?: string) => LexResult,
): LexResult {
  const codePoint = source.codePointAt(pos) ?? 0;
  const ch = String.fromCodePoint(codePoint);
  const invisible = codePoint < 0x20 || codePoint === 0x7f;
  const shown = invisible ? `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}` : `'${ch}'`;
  const end = pos + ch.length;
  let hint: string | undefined;
  if ("‘’“”`´".includes(ch)) hint = `use straight quotes: ' around text and " around names`;
  else if ("[]{}".includes(ch)) hint = "use parentheses for grouping and for lists, as in plan in ('a', 'b')";
  else if (ch === ";") hint = "an expression is a single condition and cannot contain ';'";
  else if (ch === ".") hint = 'a name containing \'.\' must be quoted, as in "a.b"';
  return fail(`unexpected character ${shown}`, pos, end, hint);
}
