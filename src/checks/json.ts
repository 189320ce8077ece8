/** JSON files Seg reads (seg-suppressions.json) parse. */
import { defineCheck } from "./define-check.ts";

export const jsonSyntax = defineCheck({ id: "json/syntax", description: "JSON files parse", defaultSeverity: "error", messages: { problem: "{{problem}}" }, hint: "Regenerate it with seg check --suppress-all, or fix the JSON by hand." });
