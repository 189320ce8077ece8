/**
 * Build a diagnostic from a registered check: the message comes from the
 * check's template for `messageId`, filled with `data`; the position from the
 * caller's locator (see workspace/report-at.ts for documents); the path and
 * message id are kept so findings keep their identity when wording changes.
 */
import type { Diagnostic, Severity, Span } from "../diagnostics/diagnostic.ts";
import { fillTemplate, type Check } from "./define-check.ts";

export type PathSegment = string | number;

/** Where a finding is: a file, its span, and the path of the node inside the document when there is one. */
export interface FindingPlace {
  file: string;
  span: Span;
  path?: readonly PathSegment[];
}

export interface ReportOptions<MessageId extends string> {
  check: Check<MessageId>;
  messageId: NoInfer<MessageId>;
  /** Placeholder values and the figures behind the message (kept on the diagnostic). */
  data?: Readonly<Record<string, unknown>>;
  /** Overrides the check's hint for this finding. */
  hint?: string;
  /** Overrides the check's default severity for this finding. */
  severity?: Severity;
  /** Data for the message only, not kept on the diagnostic (wording fragments). */
  words?: Readonly<Record<string, string | number>>;
}

export function report<MessageId extends string>(options: ReportOptions<MessageId> & { at: FindingPlace }): Diagnostic {
  const { check, messageId, data, hint, severity, words, at } = options;
  const template = check.messages[messageId];
  if (template === undefined) throw new Error(`check ${check.id} has no message ${messageId}`);
  const text = fillTemplate(template, { ...data, ...words });
  const hintTemplate = check.hints?.[messageId];
  const chosenHint = hint ?? (hintTemplate !== undefined ? fillTemplate(hintTemplate, { ...data, ...words }) : check.hint);
  return {
    ruleId: check.id,
    messageId,
    severity: severity ?? check.defaultSeverity,
    message: text,
    ...(chosenHint ? { hint: chosenHint } : {}),
    file: at.file,
    ...at.span,
    ...(at.path ? { path: [...at.path] } : {}),
    ...(data && Object.keys(data).length > 0 ? { data: { ...data } } : {}),
  };
}
