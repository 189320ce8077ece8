/**
 * `site:` in segmentation.yaml: where the playbook is published. Seg owns the
 * playbook's build configuration (no astro.config.* of the workspace is ever
 * loaded), so hosting options live here; `seg build --site/--base` override them.
 */
import { z } from "zod";

export const siteSchema = z
  .strictObject({
    url: z
      .url({ protocol: /^https?$/, error: "site.url must be an http(s) URL such as https://acme.github.io" })
      .optional()
      .describe("The site's public URL, for canonical links, e.g. https://acme.github.io."),
    base: z
      .string()
      .regex(/^\/?(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*\/?)*$/, "site.base must be a path such as /playbook (letters, digits, . _ ~ - and /)")
      .optional()
      .describe("Base path when the site is not served at the root, e.g. /playbook for a GitHub Pages project site."),
  })
  .describe("Where the playbook is published (seg build --site and --base override these).");

