/**
 * The Content-Security-Policy every playbook page carries (as a <meta>, since
 * the playbook is static files on any host). Scripts run only when they are
 * the site's own, matched by SHA-256 hash (the page's script tag carries the
 * same hash as its integrity), so an injected inline script, event handler or
 * `javascript:` link does not run even if one ever got into a page. Plugins,
 * frames, <base> and form posts elsewhere are refused; styles, images, fonts
 * and the search index load from the site itself (images also from data:, for
 * the icon). No page fetches anything from another site: `seg check` refuses
 * remote images in personas and review notes (markdown/image), and this policy
 * blocks any that got through, so no tracking pixel learns who reads it.
 */
import { createHash } from "node:crypto";

/** "sha256-<base64>" of a script's exact text: what both the policy and the script tag's integrity name. */
export function scriptHash(code: string): string {
  return `sha256-${createHash("sha256").update(code).digest("base64")}`;
}

export function contentSecurityPolicy(scriptHashes: readonly string[]): string {
  return [
    "default-src 'none'",
    `script-src ${scriptHashes.map((h) => `'${h}'`).join(" ") || "'none'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-src 'none'",
    "worker-src 'none'",
  ].join("; ");
}
