/** Workspace YAML parses safely (workspace/read-yaml.ts words each problem from the parser). */
import { defineCheck } from "./define-check.ts";

const FROM_READER = { problem: "{{problem}}" } as const;

export const yamlSyntax = defineCheck({ id: "yaml/syntax", description: "YAML files parse", defaultSeverity: "error", messages: FROM_READER, hint: "Fix the YAML syntax at this position." });
export const yamlDuplicateKey = defineCheck({ id: "yaml/duplicate-key", description: "A YAML mapping names each key once", defaultSeverity: "error", messages: FROM_READER, hint: "Remove or rename one of the two keys." });
export const yamlTooLarge = defineCheck({ id: "yaml/too-large", description: "Workspace text files are within Seg's size limit", defaultSeverity: "error", messages: FROM_READER, hint: "Split it into smaller files." });
export const yamlForbiddenKey = defineCheck({ id: "yaml/forbidden-key", description: "No key could tamper with objects (__proto__, constructor, prototype)", defaultSeverity: "error", messages: FROM_READER, hint: "Keys named __proto__, constructor or prototype could tamper with objects; rename it." });
export const yamlAliasLimit = defineCheck({ id: "yaml/alias-limit", description: "YAML aliases expand to a bounded number of nodes", defaultSeverity: "error", messages: FROM_READER, hint: "Write the repeated content out, or use fewer nested aliases." });
export const yamlNestingLimit = defineCheck({ id: "yaml/nesting-limit", description: "YAML nests a bounded number of levels", defaultSeverity: "error", messages: FROM_READER, hint: "Flatten the structure: Seg files nest a few levels at most." });
export const yamlMissingFrontmatter = defineCheck({ id: "yaml/missing-frontmatter", description: "Persona and review files start with YAML frontmatter", defaultSeverity: "error", messages: FROM_READER, hint: "Start the file with a YAML block between two '---' lines holding its fields (id, name, ...)." });
