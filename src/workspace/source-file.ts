/**
 * A file of the workspace held in memory with its line starts, so any offset
 * turns into a 1-based line and column.
 */
import type { Position, Span } from "../diagnostics/diagnostic.ts";

export interface SourceFile {
  /** Workspace-relative path with forward slashes. */
  readonly path: string;
  readonly text: string;
  /** Offsets at which each line starts. */
  readonly lineStarts: readonly number[];
}

export function createSourceFile(path: string, text: string): SourceFile {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  }
  return { path, text, lineStarts };
}

export function positionAt(file: SourceFile, offset: number): Position {
  const clamped = Math.max(0, Math.min(offset, file.text.length));
  let lo = 0;
  let hi = file.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((file.lineStarts[mid] ?? 0) <= clamped) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: clamped - (file.lineStarts[lo] ?? 0) + 1 };
}

export function spanAt(file: SourceFile, start: number, end: number): Span {
  const a = positionAt(file, start);
  const b = positionAt(file, Math.max(start, end));
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}
