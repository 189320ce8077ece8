/**
 * Reading a built playbook page as a reader sees it, without a browser: the
 * page's text, a table by id as rows of cell texts, and the text of a section.
 * The markup is the site's own (Astro output), so regular expressions over
 * known ids are enough; a missing id fails the test that asked for it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface HtmlTable {
  head: string[];
  rows: string[][];
  foot: string[][];
}

/** The HTML of a page of the built site, by its path under the base ("clusters/"). */
export function builtPage(outDir: string, path: string): string {
  return readFileSync(join(outDir, path, "index.html"), "utf8");
}

/** Visible text: tags dropped, entities decoded, whitespace collapsed. */
export function textOf(html: string): string {
  return decode(html.replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, " ").replace(/<[^>]+>/g, " "))
    .replace(/\s+/g, " ")
    .trim();
}

/** The table with this id, as cell texts; throws when the page has no such table. */
export function tableById(html: string, id: string): HtmlTable {
  const match = new RegExp(`<table\\b[^>]*\\sid="${id}"[^>]*>([\\s\\S]*?)</table>`).exec(html);
  if (!match) throw new Error(`no table with id "${id}"`);
  const part = (tag: string) => new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(match[1]!)?.[1] ?? "";
  const rows = (body: string) => [...body.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[hd]\b[^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => textOf(c[1]!)));
  return { head: rows(part("thead"))[0] ?? [], rows: rows(part("tbody")), foot: rows(part("tfoot")) };
}

/** The text of the section labelled by the heading with this id (up to the next section of the same level). */
export function sectionText(html: string, headingId: string): string {
  const start = html.search(new RegExp(`<section\\b[^>]*aria-labelledby="${headingId}"`));
  if (start < 0) throw new Error(`no section labelled by "${headingId}"`);
  let depth = 0;
  const tags = /<(\/?)section\b[^>]*>/g;
  tags.lastIndex = start;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return textOf(html.slice(start, m.index));
  }
  return textOf(html.slice(start));
}

/** The text of the first element carrying data-figure="name". */
export function figureText(html: string, name: string): string {
  const match = new RegExp(`<(\\w+)\\b[^>]*\\sdata-figure="${name}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  if (!match) throw new Error(`no element with data-figure="${name}"`);
  return textOf(match[2]!);
}

function decode(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replaceAll("&nbsp;", " ")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&amp;", "&");
}
