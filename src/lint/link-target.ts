/**
 * Which link targets the playbook publishes. A link in a persona or review note
 * becomes an `href` that readers click, so only http:, https:, mailto: and
 * relative targets are allowed: `javascript:`, `data:`, `vbscript:` and every
 * other scheme could run code or open a forged page on the playbook's origin.
 * The target is normalized the way a browser reads it before the scheme is
 * looked at: character references and percent-escapes decoded (repeatedly),
 * the tabs, newlines and control characters browsers drop removed, and the
 * scheme compared without regard to case.
 */

export const ALLOWED_SCHEMES: readonly string[] = ["http", "https", "mailto"];

export type LinkTarget =
  | { kind: "external"; scheme: string }
  | { kind: "relative"; path: string }
  | { kind: "refused"; scheme: string };

export function classifyLinkTarget(url: string): LinkTarget {
  const normalized = normalizeTarget(url);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(normalized)?.[1]?.toLowerCase();
  if (scheme === undefined) return { kind: "relative", path: normalized };
  return ALLOWED_SCHEMES.includes(scheme) ? { kind: "external", scheme } : { kind: "refused", scheme };
}

/** The target as a browser would read its scheme: decoded, without the characters URL parsers skip. */
export function normalizeTarget(url: string): string {
  let text = url;
  for (let i = 0; i < 5; i++) {
    const decoded = percentDecode(decodeCharacterReferences(text));
    if (decoded === text) break;
    text = decoded;
  }
  // URL parsers strip leading/trailing C0 controls and spaces, and remove tabs and newlines anywhere.
  return text.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "").replace(/[\u0000-\u001f\u007f]/g, "");
}

function percentDecode(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", colon: ":", tab: "\t", newline: "\n", sol: "/", nbsp: "\u00a0" };

function decodeCharacterReferences(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));?/gi, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec !== undefined || hex !== undefined) {
      const code = dec !== undefined ? Number(dec) : Number.parseInt(hex!, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name!.toLowerCase()] ?? whole;
  });
}
