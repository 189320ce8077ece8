/** The whole diff result as JSON, for scripts and dashboards. */
import type { DiffResult } from "../diff-result.ts";

export function formatJson(result: DiffResult): string {
  return `${JSON.stringify({ version: 1, ...result }, null, 2)}\n`;
}
