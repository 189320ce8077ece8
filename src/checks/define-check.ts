/**
 * A check is what a rule is without the rule runner: an id, what it checks,
 * its default severity, message templates by message id and a hint. Every
 * diagnostic Seg emits outside the rules (YAML syntax, schema, references,
 * expressions, MDX, sources, data, clustering, prioritization, compile) names
 * one, so formatters, --suppress-rule and the docs describe it from the same
 * metadata, and finding identity is rule id + file + path + message id rather
 * than the wording of a message.
 */
import type { Severity } from "../diagnostics/diagnostic.ts";

export interface Check<MessageId extends string = string> {
  /** `unknown-reference`, or namespaced: `schema/unknown-key`, `source/missing-file`. */
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** Message templates with `{{placeholder}}`s, by camelCase message id. */
  messages: Readonly<Record<MessageId, string>>;
  /** What to do about a finding; a finding may carry a more specific one. */
  hint: string;
  /** Hint templates for particular messages, when the check's own hint does not fit them. */
  hints?: Readonly<Partial<Record<MessageId, string>>>;
  /**
   * True for a check whose findings may be accepted in seg-suppressions.json or
   * by a seg-disable directive. Errors stop the recompute, so they can only be fixed.
   */
  suppressible?: boolean;
  /**
   * True for a data or clustering check whose error stops the recompute (the
   * numbers would be wrong): under `rules:` it may only be set to `error`, never
   * lowered or turned off, since there would then be no data and no word why.
   */
  blocking?: boolean;
}

export function defineCheck<const MessageId extends string>(check: Check<MessageId>): Check<MessageId> {
  return check;
}

/** Fill `{{name}}` placeholders; a missing value is a bug in the producer. */
export function fillTemplate(template: string, data: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => {
    const value = data[key];
    if (value === undefined) throw new Error(`message placeholder {{${key}}} has no value`);
    return String(value);
  });
}
