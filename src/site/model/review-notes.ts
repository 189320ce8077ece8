/** Page data for review notes: dated reviews, decisions and frontline feedback, newest first. */
import type { CheckResult } from "../../lint/check-result.ts";
import { indexSegments } from "../../workspace/segment-index.ts";

export interface SiteReview {
  /** The content collection entry id (file name without extension). */
  entry: string;
  file: string;
  date: string;
  title: string;
  kind: "review" | "frontline-feedback" | "decision";
  author: string;
  segments: { id: string; name: string; url: string }[];
  decisions: string[];
  hasBody: boolean;
}

export function buildReviews(result: CheckResult): SiteReview[] {
  const index = indexSegments(result.workspace);
  return result.workspace.reviews
    .map((doc) => ({
      entry: entryId(doc.file.path),
      file: doc.file.path,
      date: doc.value.date,
      title: doc.value.title,
      kind: doc.value.kind,
      author: doc.value.author,
      segments: doc.value.segments.flatMap((ref) => {
        const s = index.resolve(ref);
        return s ? [{ id: s.value.id, name: s.value.name, url: `/segments/${s.value.id}/` }] : [];
      }),
      decisions: doc.value.decisions ?? [],
      hasBody: (doc.body?.text.trim() ?? "") !== "",
    }))
    .sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title));
}

/** The id the content collections give a file: its name without the extension. */
export function entryId(path: string): string {
  return (path.split("/").pop() ?? path).replace(/\.mdx?$/, "");
}
