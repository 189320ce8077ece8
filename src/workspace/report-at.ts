/**
 * Report a registered check's finding in a loaded document: at the node of
 * `path` (located once, here), or at `range` (offsets into the file) when the
 * finding is inside a scalar or a body; the path is kept either way, as the
 * finding's place in the document. A finding in a Markdown or MDX body has the
 * path ["body"].
 */
import type { Diagnostic, Span } from "../diagnostics/diagnostic.ts";
import { report, type ReportOptions } from "../checks/report.ts";
import type { PathSegment } from "./locate.ts";
import { spanIn, type LoadedDocument } from "./read-document.ts";
import { spanAt } from "./source-file.ts";

export interface DocumentPlace {
  document: LoadedDocument<unknown>;
  path: readonly PathSegment[];
  /** Offsets in the file (end exclusive) when the finding is narrower than the node at `path`. */
  range?: { start: number; end: number };
  /** Or the span itself, when the caller located it (a column inside a scalar). */
  span?: Span;
}

export function reportAt<MessageId extends string>(options: ReportOptions<MessageId> & DocumentPlace): Diagnostic {
  const { document, path, range, span: given, ...rest } = options;
  const span = given ?? (range ? spanAt(document.file, range.start, range.end) : spanIn(document, path));
  return report({ ...rest, at: { file: document.file.path, span, path } });
}
