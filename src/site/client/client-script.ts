/**
 * The playbook's one script (client/playbook.js), with a content hash in its
 * name so browsers never run a stale copy. Served as a plain file: Astro does
 * not bundle it, so the site builds the same wherever Seg is installed.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { scriptHash } from "../content-security-policy.ts";

export interface ClientScript {
  /** Site path, e.g. /_seg/playbook.3f2a9c1b.js. */
  path: string;
  code: string;
  /** "sha256-…" of the code: the script tag's integrity and its entry in the Content-Security-Policy. */
  integrity: string;
}

export function clientScript(): ClientScript {
  const code = readFileSync(new URL("./playbook.js", import.meta.url), "utf8");
  const hash = createHash("sha256").update(code).digest("hex").slice(0, 10);
  return { path: `/_seg/playbook.${hash}.js`, code, integrity: scriptHash(code) };
}
