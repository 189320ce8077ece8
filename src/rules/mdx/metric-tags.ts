/**
 * Find `<Metric segment="…" metric="…" expected="…" tolerance="…" />` tags in
 * Markdown/MDX prose without running any MDX: a small scanner that skips code
 * blocks and code spans and reads quoted attribute values only. Attributes
 * written as `{expressions}` are noted, never evaluated.
 */

export interface MetricTag {
  /** Offsets of the tag within the scanned text. */
  start: number;
  end: number;
  /** Quoted attribute values by name ({"…"} string literals count as quoted). */
  attributes: Record<string, string>;
  /** Names of attributes written as expressions. */
  expressions: string[];
}

const TAG = /<Metric\b((?:[^<>"'{}]|"[^"]*"|'[^']*'|\{[^{}]*\})*?)\/?>/g;
const ATTRIBUTE = /([A-Za-z_][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{([^{}]*)\})/g;
const STRING_LITERAL = /^\s*(?:"([^"]*)"|'([^']*)')\s*$/;

export function findMetricTags(text: string): MetricTag[] {
  const prose = maskCode(text);
  const tags: MetricTag[] = [];
  for (const match of prose.matchAll(TAG)) {
    const attributes: Record<string, string> = {};
    const expressions: string[] = [];
    for (const a of (match[1] ?? "").matchAll(ATTRIBUTE)) {
      const [, name, double, single, expression] = a;
      if (expression === undefined) {
        attributes[name!] = double ?? single ?? "";
        continue;
      }
      const literal = STRING_LITERAL.exec(expression);
      if (literal) attributes[name!] = literal[1] ?? literal[2] ?? "";
      else expressions.push(name!);
    }
    tags.push({ start: match.index, end: match.index + match[0].length, attributes, expressions });
  }
  return tags;
}

/** Blank out fenced code blocks and inline code spans, keeping every offset. */
function maskCode(text: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, " ");
  return text
    .replace(/^([ \t]*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^\1?\2[ \t]*$|(?![\s\S]))/gm, blank)
    .replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, blank);
}
