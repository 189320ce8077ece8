/**
 * Seg's public API: one function per command, options in and a result out,
 * the same calls the CLI makes. Nothing here prints or exits; format results
 * with a formatter and decide the exit code yourself.
 *
 *   import { check, formatCheck } from "seg";
 *   const result = await check({ root: ".", today: new Date().toISOString().slice(0, 10) });
 *   process.stdout.write(formatCheck(result, "stylish"));
 */
export { build, type BuildOptions, type BuildResult } from "./api/build.ts";
export { check, checkDefinitions, type CheckOptions } from "./api/check.ts";
export { countBySeverity, type SeverityCounts } from "./diagnostics/count-by-severity.ts";
export type { CheckResult, DataResult, DefinitionsResult } from "./lint/check-result.ts";
export { compile, type CompileOptions, type CompileResult } from "./api/compile.ts";
export { diff, type DiffOptions } from "./api/diff.ts";
export { explain, type ExplainResult } from "./api/explain.ts";
export { checkReportInput, formatCheck, type ReportOptions } from "./api/format-check.ts";
export { exportWorkspace, type ExportOptions, type ExportResult } from "./api/export.ts";
export { lockHistory, type LockHistoryResult } from "./diff/history.ts";
export { init, templateNames, type InitOptions, type InitResult } from "./api/init.ts";
export { lock, type LockResult } from "./api/lock.ts";
export { writeSchemas } from "./api/schemas.ts";
export type { DiffResult } from "./diff/diff-result.ts";
export type { Diagnostic, Position, Severity, Span } from "./diagnostics/diagnostic.ts";
export type { GroupChange, ImpactResult, LaunchImpact, MeasureImpact, SegmentImpact } from "./engine/impact/impact-result.ts";
export { formatterNames, formatters } from "./formatters/index.ts";
export type { FormatInput, FormatOptions, Formatter } from "./formatters/formatter.ts";
export type { Lock } from "./lock/lock.ts";
export { findRule, rules } from "./rules/index.ts";
export { VERSION } from "./version.ts";
