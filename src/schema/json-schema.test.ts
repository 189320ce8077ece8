/**
 * The JSON Schema files in schemas/ are generated from the zod schemas and
 * committed for editors. These tests keep them from going stale: regenerate with
 * `node bin/seg.js schemas` after changing a schema. (No JSON Schema validator is
 * installed, so examples are not validated against them here.)
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateJsonSchemas, SCHEMA_FILES } from "./json-schema.ts";

const schemasDir = new URL("../../schemas/", import.meta.url);
const generated = generateJsonSchemas();

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };
const parsedSchema = (file: string) => JSON.parse(generated[file]!) as JsonSchema;

/** Every sub-schema with its JSON pointer. */
function* walk(node: unknown, pointer = ""): Generator<[string, JsonSchema]> {
  if (node === null || typeof node !== "object") return;
  if (!Array.isArray(node)) yield [pointer, node as JsonSchema];
  for (const [key, child] of Object.entries(node)) yield* walk(child, `${pointer}/${key}`);
}

describe("generated JSON Schema", () => {
  it("covers every file kind, and schemas/ holds nothing else", () => {
    const committed = readdirSync(schemasDir).filter((name) => name.endsWith(".json")).sort();
    expect(Object.keys(generated).sort()).toEqual(committed);
  });

  it.each(Object.keys(SCHEMA_FILES))("%s equals the committed file (run `seg schemas` after changing a schema)", (file) => {
    expect(readFileSync(new URL(file, schemasDir), "utf8")).toBe(generated[file]);
  });

  it.each(Object.keys(SCHEMA_FILES))("%s is a draft 2020-12 object schema with its own $id and title", (file) => {
    const schema = parsedSchema(file);
    expect(schema).toMatchObject({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: `https://seg.dev/schemas/${file}`,
      title: SCHEMA_FILES[file as keyof typeof SCHEMA_FILES].title,
      type: "object",
    });
  });

  it.each(Object.keys(SCHEMA_FILES))("%s closes every object with named properties (additionalProperties: false)", (file) => {
    const open = [...walk(parsedSchema(file))].filter(([, node]) => node.properties !== undefined && node.additionalProperties !== false).map(([pointer]) => pointer);
    expect(open).toEqual([]);
  });

  it.each(Object.keys(SCHEMA_FILES))("%s lets every file point at its schema with $schema", (file) => {
    expect(parsedSchema(file).properties).toHaveProperty("$schema");
  });

  it("describes every top-level key of segmentation.yaml, for editor hover text", () => {
    const properties = parsedSchema("segmentation.schema.json").properties!;
    const undescribed = Object.entries(properties).filter(([, p]) => typeof p.description !== "string" || p.description.length === 0).map(([key]) => key);
    expect(undescribed).toEqual([]);
  });

  it("describes input, not output: keys with defaults are optional", () => {
    const config = parsedSchema("segmentation.schema.json");
    expect(config.required?.sort()).toEqual(["goals", "name", "schemes", "sources"]);
    const review = config.properties!.review!;
    expect(review.required ?? []).toEqual([]);
  });

  it('lets a stated share be written as a fraction or as "15%"', () => {
    const share = parsedSchema("segment.schema.json").properties!.stated_share!;
    const branches = share.anyOf as JsonSchema[];
    expect(branches.map((b) => b.type).sort()).toEqual(["number", "string"]);
  });

  it("offers the three ways of defining a segment, each closed", () => {
    const definition = parsedSchema("segment.schema.json").properties!.definition!;
    const branches = definition.anyOf as JsonSchema[];
    expect(branches.map((b) => Object.keys(b.properties!))).toEqual([["where"], ["cluster"], ["rfm_group"]]);
    expect(branches.every((b) => b.additionalProperties === false)).toBe(true);
  });

  it("is deterministic", () => {
    expect(generateJsonSchemas()).toEqual(generated);
  });
});
