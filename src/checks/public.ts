/** public/ is published as it is, so it may hold only regular asset files; anything else is named, never silently dropped. */
import { defineCheck } from "./define-check.ts";

export const publicNotPublished = defineCheck({ id: "public/not-published", description: "Entries in public/ are assets the playbook publishes", defaultSeverity: "warning", messages: { skipped: "{{path}} is not published: {{why}}." }, hint: "Remove the entry, or copy the file in as one of the published types." });
