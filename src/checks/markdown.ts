/** What the playbook publishes from Markdown: safe link targets, workspace images, no raw HTML. */
import { defineCheck } from "./define-check.ts";

export const markdownLinkScheme = defineCheck({
  id: "markdown/link-scheme",
  description: "Links go to http:, https:, mailto: or a relative path",
  defaultSeverity: "error",
  messages: { refused: "A link to a {{scheme}}: URL is not published: it could run code or open a forged page when a reader clicks it." },
  hint: "Link with http:, https:, mailto: or a relative path.",
  hints: { refused: "Link with {{allowed}} or a relative path." },
});

export const markdownImage = defineCheck({
  id: "markdown/image",
  description: "Images are image files committed to the workspace",
  defaultSeverity: "error",
  messages: {
    refusedScheme: "An image from a {{scheme}}: URL is not published.",
    remote: "The image {{url}} is loaded from another site: every reader's browser would request it, telling that site who reads the playbook and when.",
    localImage: "{{problem}}",
  },
  hint: "Use an image file committed to the workspace, shown by a path relative to the file: ![Lee](./lee.png).",
  hints: { remote: "Commit the image to the workspace (e.g. next to the file) and show it by a relative path: ![Lee](./lee.png). The playbook loads images from its own site only." },
});

export const markdownRawHtml = defineCheck({
  id: "markdown/raw-html",
  description: "Markdown bodies hold no raw HTML",
  defaultSeverity: "error",
  messages: { html: "Raw HTML is not published on the playbook." },
  hint: "Use Markdown for formatting (emphasis, lists, links, tables).",
});
