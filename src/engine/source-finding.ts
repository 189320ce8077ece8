/**
 * A problem a data check found in one source, addressed by its path in
 * segmentation.yaml (e.g. sources.customers.key); load-sources turns the path
 * into a position once.
 */
import { fillTemplate, type Check } from "../checks/define-check.ts";
import type { Severity } from "../diagnostics/diagnostic.ts";
import type { PathSegment } from "../workspace/locate.ts";
import { withSeparators } from "../text/number-format.ts";

export interface SourceFinding {
  ruleId: string;
  messageId: string;
  severity: Severity;
  path: readonly PathSegment[];
  message: string;
  hint: string;
  data?: Record<string, unknown>;
}

/**
 * A finding of a registered data check: the message from the check's template
 * for `messageId`, filled with `data` and `words` (wording fragments such as
 * "1 value" / "are not dates" that are not kept as data).
 */
export function sourceFinding<MessageId extends string>(
  check: Check<MessageId>,
  messageId: NoInfer<MessageId>,
  path: readonly PathSegment[],
  options: { data?: Record<string, unknown>; words?: Record<string, string | number>; hint?: string } = {},
): SourceFinding {
  const values = { ...options.data, ...options.words };
  const hintTemplate = check.hints?.[messageId];
  return {
    ruleId: check.id,
    messageId,
    severity: check.defaultSeverity,
    path,
    message: fillTemplate(check.messages[messageId], values),
    hint: options.hint ?? (hintTemplate !== undefined ? fillTemplate(hintTemplate, values) : check.hint),
    ...(options.data ? { data: options.data } : {}),
  };
}

/** "1 value" / "3 values", with thousands separators. */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${withSeparators(n)} ${n === 1 ? singular : plural}`;
}

/** ["line 2", "line 5"] → "lines 2, 5"; mixed or single labels are joined as they are. */
export function joinLabels(labels: readonly string[]): string {
  const word = labels[0]?.split(" ")[0];
  if (labels.length > 1 && word && labels.every((l) => l.startsWith(`${word} `))) return `${word}s ${labels.map((l) => l.slice(word.length + 1)).join(", ")}`;
  return labels.join(", ");
}

/** "of 440" / "of the 34,072 its filter keeps": checks on the typed table see the rows the filter kept. */
export function ofRows(total: number, filtered: boolean): string {
  return filtered ? `of the ${withSeparators(total)} its filter keeps` : `of ${withSeparators(total)}`;
}
