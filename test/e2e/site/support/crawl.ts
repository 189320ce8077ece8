/** Every page of a built site, found by following links from the home page. */
import { readdirSync } from "node:fs";
import { join } from "node:path";

/** Site paths (under the base) of every HTML page in the build. */
export function pagesOf(outDir: string, base: string): string[] {
  return readdirSync(outDir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".html"))
    .map((f) => f.replaceAll("\\", "/"))
    .map((f) => `${base}/${f.replace(/(^|\/)index\.html$/, "$1")}`.replace(/\/+/g, "/"))
    .sort();
}

/** href/src values of links, images, scripts and stylesheets in an HTML page. */
export function referencesIn(html: string): string[] {
  const out: string[] = [];
  for (const match of html.matchAll(/<(?:a|link|img|script|source)\b[^>]*?\s(?:href|src)="([^"]*)"/gi)) out.push(decodeEntities(match[1]!));
  return out;
}

function decodeEntities(text: string): string {
  return text.replaceAll("&amp;", "&").replaceAll("&quot;", '"').replaceAll("&#39;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">");
}

export function fileOf(outDir: string, base: string, path: string): string {
  const rel = path.slice(base.length).replace(/^\//, "");
  return join(outDir, rel.endsWith("/") || rel === "" ? `${rel}index.html` : rel);
}
