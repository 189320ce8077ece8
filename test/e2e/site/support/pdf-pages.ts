/**
 * How many pages a PDF printed by Chromium has, read two ways that must agree:
 * the page objects (/Type /Page) and the page tree's /Count; and the first
 * page's MediaBox (its size in points). Chromium writes these dictionaries
 * uncompressed, so reading the bytes is enough.
 */
/** Pages of a PDF: the /Type /Page objects, and the /Count of the page tree's root; both must agree. */
export function pdfPages(pdf: Buffer): { objects: number; count: number | null; box: number[] | null } {
  const text = pdf.toString("latin1");
  const objects = (text.match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((m) => Number(m[1] ?? m[2]));
  const box = /\/MediaBox\s*\[\s*([\d.\s-]+)\]/.exec(text)?.[1]?.trim().split(/\s+/).map(Number) ?? null;
  return { objects, count: counts.length > 0 ? Math.max(...counts) : null, box };
}
