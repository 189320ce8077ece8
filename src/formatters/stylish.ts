/** ESLint-style output for people: grouped by file, one line per finding with its hint below. */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Formatter } from "./formatter.ts";
import { plural } from "../text/plural.ts";
import { severityCounts } from "./summarize-counts.ts";

/** User text on a terminal: one line, and no control characters that could move the cursor or recolor. */
const printable = (text: string) => text.replace(/\r?\n/g, " ").replace(/[\u0000-\u001f\u007f-\u009f]/g, "\ufffd");

const CODES = { red: 31, yellow: 33, blue: 34, dim: 2, bold: 1, underline: 4, green: 32 } as const;

export const stylish: Formatter = (input, options) => {
  const paint = (style: keyof typeof CODES, text: string) => (options.color ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text);
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of input.diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const lines: string[] = [];
  for (const [file, diagnostics] of byFile) {
    lines.push("", paint("underline", printable(file)));
    const width = Math.max(...diagnostics.map((d) => `${d.line}:${d.column}`.length));
    for (const d of diagnostics) {
      const where = `${d.line}:${d.column}`.padEnd(width);
      const severity = d.severity === "error" ? paint("red", "error  ") : d.severity === "warning" ? paint("yellow", "warning") : paint("blue", "info   ");
      lines.push(`  ${paint("dim", where)}  ${severity}  ${printable(d.message)}  ${paint("dim", d.ruleId)}`);
      if (d.hint) lines.push(`  ${" ".repeat(width)}           ${paint("dim", `→ ${printable(d.hint)}`)}`);
    }
  }
  const { error, warning, info } = input.counts;
  const total = error + warning + info;
  const suppressed = input.suppressed ? `${input.suppressed} suppressed` : "";
  if (total === 0) return `${paint("green", "✔")} No problems (as of ${input.asOf}${suppressed ? `; ${suppressed}` : ""}).\n`;
  const summary = `✖ ${plural(total, "problem")} (${severityCounts(input.counts)})`;
  lines.push("", paint(error > 0 ? "red" : "yellow", paint("bold", summary)) + (suppressed ? paint("dim", ` · ${suppressed}`) : ""));
  return `${lines.join("\n").replace(/^\n/, "")}\n`;
};
