/**
 * The one value every problem becomes: a YAML syntax error, a schema issue, a broken
 * reference, an expression error or a rule finding. User mistakes are returned as
 * diagnostics, never thrown.
 */
export type Severity = "error" | "warning" | "info";

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
}

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Diagnostic extends Span {
  /** `stale-review`, or namespaced: `schema/unknown-key`, `yaml/duplicate-key`, `expr/syntax`. */
  ruleId: string;
  /** Which of the rule's or check's messages this is (camelCase); with the path, the finding's identity. */
  messageId?: string;
  severity: Severity;
  /** One sentence, with the numbers. */
  message: string;
  /** Workspace-relative path with forward slashes. */
  file: string;
  /** The keys from the document's root to the node the finding is about (Spectral's path). */
  path?: (string | number)[];
  /** What to do about it. */
  hint?: string;
  /** The figures behind the message. */
  data?: Record<string, unknown>;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}
