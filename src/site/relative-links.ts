/**
 * A built playbook that works opened from disk: teams download the CI artifact
 * and double-click index.html, where a link to "/segments/" means the root of
 * the file system and a folder has no index page. After Astro has written the
 * site, every site-absolute reference in the HTML pages (href, src, poster,
 * action and data-* attributes) and in the stylesheets (url(...)) becomes
 * relative to the file it is in, and a link to a folder names its index.html:
 * from segments/loyal/index.html, "/personas/" becomes
 * "../../personas/index.html". The same links work on any web server, under
 * any base path.
 *
 * 404.html is left alone: servers send it for any missing path, at any depth,
 * where only site-absolute links resolve.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, posix, sep } from "node:path";

/** data-index names the search index a page fetches; data-base stays absolute: the search script prefixes site-absolute hits with it. */
const ATTRIBUTE = /(\s(?:href|src|poster|action|data-index)=)(["'])(\/(?!\/)[^"']*)\2/g;
/** srcset holds a comma-separated list of "URL [descriptor]" candidates (the phone variants of charts). */
const SRCSET = /(\ssrcset=)(["'])([^"']*)\2/g;
const CSS_URL = /url\((["']?)(\/(?!\/)[^"')]*)\1\)/g;

/**
 * Rewrites the site in `dir`, built under `base` ("/" or e.g. "/playbook"),
 * in place. Returns the number of files changed.
 */
export function relativizeLinks(dir: string, base = "/"): number {
  const prefix = `/${base.replace(/^\/+|\/+$/g, "")}/`.replace("//", "/");
  let changed = 0;
  for (const file of readdirSync(dir, { recursive: true, encoding: "utf8" }).map((f) => f.split(sep).join("/"))) {
    const isHtml = file.endsWith(".html") && file !== "404.html";
    if (!isHtml && !file.endsWith(".css")) continue;
    const from = posix.dirname(file) === "." ? "" : posix.dirname(file);
    const text = readFileSync(join(dir, file), "utf8");
    const relink = (value: string) => relativeReference(dir, prefix, from, value) ?? value;
    const next = isHtml
      ? text
          .replace(ATTRIBUTE, (_, attribute: string, quote: string, value: string) => `${attribute}${quote}${relink(value)}${quote}`)
          .replace(SRCSET, (_, attribute: string, quote: string, value: string) => `${attribute}${quote}${relinkSrcset(value, relink)}${quote}`)
      : text.replace(CSS_URL, (_, quote: string, value: string) => `url(${quote}${relink(value)}${quote})`);
    if (next !== text) {
      writeFileSync(join(dir, file), next);
      changed++;
    }
  }
  return changed;
}

/** Each candidate's URL of a srcset relinked; descriptors ("2x", "300w") kept. */
function relinkSrcset(value: string, relink: (url: string) => string): string {
  return value
    .split(",")
    .map((candidate) => candidate.replace(/^(\s*)(\/(?!\/)\S*)/, (_, space: string, url: string) => `${space}${relink(url)}`))
    .join(",");
}

/** `value` (site-absolute) as seen from the folder `from` of the site, or undefined when it points outside the site. */
function relativeReference(dir: string, prefix: string, from: string, value: string): string | undefined {
  const cut = value.search(/[?#]/);
  const path = cut === -1 ? value : value.slice(0, cut);
  const rest = cut === -1 ? "" : value.slice(cut);
  if (!(`${path}/` === prefix || path.startsWith(prefix))) return undefined;
  let target = path.slice(prefix.length);
  if (target === "" || target.endsWith("/")) target += "index.html";
  else if (isFolder(join(dir, ...target.split("/")))) target += "/index.html";
  return posix.relative(from, target) + rest;
}

function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
