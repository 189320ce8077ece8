/**
 * JSON Schema for every file kind, generated from the zod schemas so editors
 * (YAML language server, VS Code) validate and complete the same rules Seg
 * enforces.
 */
import { z } from "zod";
import { configSchema } from "./config.ts";
import { hypothesisSchema } from "./hypothesis.ts";
import { personaSchema } from "./persona.ts";
import { reviewNoteSchema } from "./review-note.ts";
import { segmentSchema } from "./segment.ts";
import { suppressionsSchema } from "./suppressions.ts";

export const SCHEMA_FILES = {
  "segmentation.schema.json": { schema: configSchema, title: "Seg workspace configuration (segmentation.yaml)" },
  "segment.schema.json": { schema: segmentSchema, title: "Seg segment (segments/<scheme>/<id>.yaml)" },
  "persona.schema.json": { schema: personaSchema, title: "Seg persona frontmatter (personas/<id>.mdx)" },
  "hypothesis.schema.json": { schema: hypothesisSchema, title: "Seg hypothesis (hypotheses/<id>.yaml)" },
  "review-note.schema.json": { schema: reviewNoteSchema, title: "Seg review note frontmatter (reviews/<date>-<slug>.md)" },
  "suppressions.schema.json": { schema: suppressionsSchema, title: "Seg suppressions (seg-suppressions.json)" },
} as const;

/** File name → JSON text, deterministic (stable key order, trailing newline). */
export function generateJsonSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, { schema, title }] of Object.entries(SCHEMA_FILES)) {
    const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;
    out[file] = `${JSON.stringify({ $id: `https://seg.dev/schemas/${file}`, title, ...json }, null, 2)}\n`;
  }
  return out;
}
