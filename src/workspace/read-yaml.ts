/* eslint max-lines-per-function: "off" -- readYaml turns each kind of YAML problem into a diagnostic in turn, a few lines each. */
/**
 * Safe YAML reading with positions. Syntax errors, duplicate keys, alias bombs,
 * prototype keys and oversized files become diagnostics; nothing is thrown for
 * user input. The parsed `yaml` Document is kept so later checks can point at
 * the node they are about.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, visit, type Alias, type Document, type Scalar } from "yaml";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { spanAt, type SourceFile } from "./source-file.ts";
import { nodeSpan } from "./yaml-node-span.ts";

export const MAX_YAML_BYTES = 1_000_000;
export const MAX_ALIAS_COUNT = 100;
/** Deepest nesting of mappings and lists read; Seg's own files nest a handful of levels. */
export const MAX_YAML_NESTING = 64;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
/**
 * Characters YAML 1.2 does not allow in a stream (outside its printable set): C0
 * controls other than tab and line breaks, DEL, C1 controls other than NEL, and the
 * non-characters U+FFFE/U+FFFF. Random or binary bytes hit one at once.
 */
const NOT_YAML_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;

export interface YamlText {
  file: SourceFile;
  /** Offset of the YAML text in the file (frontmatter starts after `---`). */
  base: number;
  text: string;
}

export interface ParsedYaml {
  doc: Document.Parsed | undefined;
  value: unknown;
  diagnostics: Diagnostic[];
}

const YAML_HINTS: Record<string, string> = {
  DUPLICATE_KEY: "Remove one of the two entries or rename it; a key may appear once per mapping.",
  BAD_INDENT: "Check the indentation: nested entries need more spaces than their parent, and tabs are not allowed.",
  MISSING_CHAR: "A bracket, brace or quote is not closed.",
  BLOCK_AS_IMPLICIT_KEY: "A value that contains ': ' must be quoted, e.g. summary: \"Everyone else: the rest\".",
  MULTILINE_IMPLICIT_KEY: "A key cannot span lines; check for a missing ':' or an unclosed quote above.",
  TAB_AS_INDENT: "Indent with spaces, not tabs.",
  BAD_ALIAS: "An alias (*name) refers to an anchor (&name) that is not defined above it.",
};

export function readYaml(input: YamlText): ParsedYaml {
  const { file, base, text } = input;
  const diagnostics: Diagnostic[] = [];
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_YAML_BYTES) {
    diagnostics.push({
      ruleId: "yaml/too-large",
      messageId: "problem",
      severity: "error",
      message: `The file is ${bytes} bytes; Seg reads YAML files of at most ${MAX_YAML_BYTES} bytes.`,
      hint: "Split it up, or move data into a CSV or Parquet source.",
      file: file.path,
      ...spanAt(file, base, base),
    });
    return { doc: undefined, value: undefined, diagnostics };
  }
  const control = NOT_YAML_TEXT.exec(text);
  if (control) {
    const code = control[0].codePointAt(0)!;
    const name = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
    diagnostics.push({
      ruleId: "yaml/syntax",
      messageId: "problem",
      severity: "error",
      message: code === 0 ? `The file contains a NUL byte (${name}); it looks like a binary file, not YAML text.` : `The file contains the control character ${name}, which YAML text may not hold.`,
      hint: code === 0 ? "Replace it with the YAML text it should be, or move it out of the workspace folders." : `Delete the character (most editors do not show it), or write it as an escape such as "\\x${code.toString(16).padStart(2, "0")}" inside double quotes.`,
      file: file.path,
      ...spanAt(file, base + control.index, base + control.index + control[0].length),
    });
    return { doc: undefined, value: undefined, diagnostics };
  }
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true, version: "1.2" });
  const exhausted = doc.errors.find((error) => error.code === "RESOURCE_EXHAUSTION" || /call stack/i.test(error.message));
  if (exhausted) return { doc: undefined, value: undefined, diagnostics: [nestingDiagnostic(input, exhausted.pos[0])] };
  const second = doc.errors.find((error) => error.code === "MULTIPLE_DOCS");
  if (second) {
    const [start, end] = second.pos;
    diagnostics.push({
      ruleId: "yaml/syntax",
      messageId: "problem",
      severity: "error",
      message: "A second YAML document starts here (after ---); a Seg file holds exactly one document.",
      hint: "Remove the --- line and what follows it, or move the second document into a file of its own.",
      file: file.path,
      ...spanAt(file, base + start, base + Math.max(start + 3, Math.min(end, start + 3))),
    });
    return { doc: undefined, value: undefined, diagnostics };
  }
  // One mistake (say, a key indented one space too few) makes the parser complain several
  // times on the same line; the first complaint is the one that names the cause.
  const linesWithSyntaxError = new Set<number>();
  for (const error of [...doc.errors, ...doc.warnings]) {
    const duplicate = error.code === "DUPLICATE_KEY";
    const unclosed = /^Flow (sequence|mapping)/.exec(error.message) ? findUnclosedBracket(text, error.pos[0]) : undefined;
    const [start, end] = duplicate ? keyRange(text, error.pos[0]) : unclosed !== undefined ? [unclosed, unclosed + 1] : error.code === "BAD_INDENT" ? indentedRange(text, error.pos) : error.pos;
    const span = spanAt(file, base + start, base + end);
    if (!duplicate) {
      if (linesWithSyntaxError.has(span.line)) continue;
      linesWithSyntaxError.add(span.line);
    }
    diagnostics.push({
      ruleId: duplicate ? "yaml/duplicate-key" : "yaml/syntax",
      messageId: "problem",
      severity: doc.errors.includes(error as never) ? "error" : "warning",
      message: duplicate
        ? `Duplicate key ${quoteKey(text.slice(start, end))}.`
        : unclosed !== undefined
          ? `This ${text[unclosed] === "[" ? "list" : "mapping"} is never closed with '${text[unclosed] === "[" ? "]" : "}"}'.`
          : firstSentence(error.message),
      hint: unclosed !== undefined ? "Close the bracket on the same line, or write the entries as an indented block list." : (YAML_HINTS[error.code] ?? "Fix the YAML syntax at this position."),
      file: file.path,
      ...span,
    });
  }
  if (doc.errors.length > 0) return { doc, value: undefined, diagnostics };

  const forbidden = findForbiddenKeys(doc.contents);
  for (const key of forbidden) {
    diagnostics.push({
      ruleId: "yaml/forbidden-key",
      messageId: "problem",
      severity: "error",
      message: `The key "${String(key.value)}" is not allowed.`,
      hint: "Keys named __proto__, constructor or prototype could tamper with objects; rename it.",
      file: file.path,
      ...nodeSpan(file, key, base),
    });
  }
  if (forbidden.length > 0) return { doc, value: undefined, diagnostics };

  try {
    const value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { doc, value, diagnostics };
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) return { doc, value: undefined, diagnostics: [nestingDiagnostic(input, 0)] };
    if (error instanceof ReferenceError || error instanceof RangeError) {
      diagnostics.push({
        ruleId: "yaml/alias-limit",
        messageId: "problem",
        severity: "error",
        message: `Aliases expand to too many nodes (limit ${MAX_ALIAS_COUNT} alias expansions).`,
        hint: "Write the repeated content out, or use fewer nested aliases.",
        file: file.path,
        ...nodeSpan(file, firstAlias(doc), base),
      });
      return { doc, value: undefined, diagnostics };
    }
    throw error;
  }
}

/**
 * The file nests deeper than any parser should follow (250,000 '[' in a row, or
 * a list indented thousands of levels). Reported where the nesting passes
 * MAX_YAML_NESTING levels, found by a scan of brackets and indentation, else
 * where the parser gave up.
 */
function nestingDiagnostic(input: YamlText, fallback: number): Diagnostic {
  const at = deepestStart(input.text) ?? fallback;
  return {
    ruleId: "yaml/nesting-limit",
    messageId: "problem",
    severity: "error",
    message: `The YAML nests more than ${MAX_YAML_NESTING} levels deep here; Seg reads files nested at most ${MAX_YAML_NESTING} levels.`,
    hint: "Flatten the structure: Seg files nest a few levels at most. Check for brackets that are opened and never closed.",
    file: input.file.path,
    ...spanAt(input.file, input.base + at, input.base + at + 1),
  };
}

/** The first bracket past MAX_YAML_NESTING open ones, or the first line indented past twice that many spaces. */
function deepestStart(text: string): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\n") {
      lineStart = true;
      indent = 0;
      quote = undefined;
      continue;
    }
    if (lineStart) {
      if (c === " " || c === "-") {
        indent++;
        if (indent > 2 * MAX_YAML_NESTING) return i;
        continue;
      }
      lineStart = false;
    }
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === "#" && (i === 0 || /\s/.test(text[i - 1]!))) {
      const nl = text.indexOf("\n", i);
      i = nl === -1 ? text.length : nl - 1;
    } else if (c === "[" || c === "{") {
      depth++;
      if (depth > MAX_YAML_NESTING) return i;
    } else if ((c === "]" || c === "}") && depth > 0) depth--;
  }
  return undefined;
}

/** Where the expansion starts: the first alias (*name) in the document. */
function firstAlias(doc: Document.Parsed): Alias | undefined {
  let found: Alias | undefined;
  visit(doc, {
    Alias(_, node) {
      found = node;
      return visit.BREAK;
    },
  });
  return found;
}

function findForbiddenKeys(root: unknown): Scalar[] {
  const found: Scalar[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isPair(pair)) {
          if (isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value))) found.push(pair.key);
          stack.push(pair.value);
        }
      }
    } else if (isSeq(node)) {
      stack.push(...node.items);
    }
  }
  return found.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0));
}

/** An indentation error points at the leading spaces; point at what they indent instead. */
function indentedRange(text: string, [start, end]: readonly [number, number]): [number, number] {
  let i = start;
  while (text[i] === " ") i++;
  if (i === start || text[i] === "\n" || text[i] === "\r" || i >= text.length) return [start, end];
  return keyRange(text, i);
}

/** The whole key starting at `start`: up to the ':' that ends it on its line. */
function keyRange(text: string, start: number): [number, number] {
  const lineEnd = text.indexOf("\n", start);
  const line = text.slice(start, lineEnd === -1 ? undefined : lineEnd);
  const colon = line.search(/:(\s|$)/);
  return [start, start + (colon === -1 ? Math.max(1, line.trimEnd().length) : colon)];
}

/** The last '[' or '{' before `pos` that has no matching close bracket (quotes skipped). */
function findUnclosedBracket(text: string, pos: number): number | undefined {
  const stack: number[] = [];
  let quote: string | undefined;
  for (let i = 0; i < pos && i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === "#" && (i === 0 || /\s/.test(text[i - 1]!))) {
      const nl = text.indexOf("\n", i);
      i = nl === -1 ? text.length : nl;
      continue;
    }
    if ((c === '"' || c === "'") && stack.length > 0) quote = c;
    else if (c === "[" || c === "{") stack.push(i);
    else if ((c === "]" || c === "}") && stack.length > 0) stack.pop();
  }
  return stack.length > 0 ? stack[stack.length - 1] : undefined;
}

function quoteKey(raw: string): string {
  const key = raw.trim();
  return key.startsWith('"') || key.startsWith("'") ? key : `"${key}"`;
}

function firstSentence(message: string): string {
  const line = message.split("\n")[0] ?? message;
  const trimmed = line.replace(/ at line \d+, column \d+:?$/, "").trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
