/**
 * A finding's identity across runs: its rule or check id, its file, the path
 * of the node it is about in that document, and its message id. Not the
 * message: rewording a message, or a figure in it moving (a share from 4.1% to
 * 3.9%), leaves the finding the same one for suppressions, seg diff's new and
 * fixed findings and SARIF fingerprints. A finding from a producer that names
 * no message id falls back to its message with the numbers blanked.
 */
import type { Diagnostic } from "./diagnostic.ts";

export function findingKey(d: Diagnostic): string {
  const what = d.messageId ?? d.message.replace(/\d+(?:[.,]\d+)*/g, "#");
  return [d.ruleId, d.file, d.path ? JSON.stringify(d.path) : "", what].join("\u0000");
}
