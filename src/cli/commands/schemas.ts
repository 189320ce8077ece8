/** `seg schemas`: write JSON Schema files so editors validate and complete workspace files. */
import { relative, resolve } from "node:path";
import { writeSchemas } from "../../api/schemas.ts";
import type { Io } from "../io.ts";
import type { CommandSpec, ParsedArgs } from "../options.ts";

export const spec = {
  name: "schemas",
  summary: "Write JSON Schema files for segmentation.yaml, segments, personas, hypotheses, review notes and suppressions.",
  usage: "seg schemas [--out DIR]",
  options: [{ name: "out", type: "string", placeholder: "DIR", default: "schemas", description: "Folder to write to, relative to the workspace." }],
  examples: ["seg schemas", "seg schemas --out .vscode/schemas"],
} as const satisfies CommandSpec;

export function run(args: ParsedArgs<typeof spec.options>, io: Io): number {
  const root = resolve(io.cwd, args.options.root ?? ".");
  const out = resolve(root, args.options.out ?? "schemas");
  const files = writeSchemas(out);
  io.stdout(`Wrote ${files.length} schemas to ${relative(io.cwd, out) || "."}: ${files.join(", ")}\n`);
  return 0;
}
