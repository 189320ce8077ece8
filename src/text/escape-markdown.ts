/**
 * Make user text (segment names, file names, messages) inert inside Markdown, a table cell
 * included: no HTML, no links or emphasis, no cell breaks, no @-mentions, one line. The check
 * report formats and the seg diff comment both use it.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/@/g, "@\u200b")
    .trim();
}
