/** public/ is published as it is, so it may hold only regular asset files inside the workspace. */
import { defineCheck } from "./define-check.ts";

export const publicNotPublished = defineCheck({ id: "public/not-published", description: "Entries in public/ are assets the playbook publishes", defaultSeverity: "warning", messages: { skipped: "{{path}} is not published: {{why}}." }, hint: "Remove the entry, or copy the file in as one of the published types." });
export const publicOutside = defineCheck({ id: "public/outside", description: "public/ is a folder inside the workspace", defaultSeverity: "warning", messages: { problem: "{{problem}}" }, hint: "Make public/ a folder inside the workspace." });
