/** A diagnostic as the playbook shows it: what, where, and what to do. */
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";

export interface SiteFinding {
  ruleId: string;
  severity: "error" | "warning" | "info";
  message: string;
  hint: string | undefined;
  file: string;
  line: number;
  column: number;
}

export function toFinding(d: Diagnostic): SiteFinding {
  return { ruleId: d.ruleId, severity: d.severity, message: d.message, hint: d.hint, file: d.file, line: d.line, column: d.column };
}
