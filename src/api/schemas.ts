/** Write the generated JSON Schema files to a folder. */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { generateJsonSchemas } from "../schema/json-schema.ts";
import { writeIfChanged } from "../workspace/write-if-changed.ts";

export function writeSchemas(outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const files = generateJsonSchemas();
  for (const [name, text] of Object.entries(files)) writeIfChanged(join(outDir, name), text);
  return Object.keys(files).sort();
}
