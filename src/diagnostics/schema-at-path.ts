/**
 * Walk a zod schema along a value path to find which keys an object accepts
 * there: the candidates for "unknown key … did you mean …?".
 */
import type { z } from "zod";

type AnySchema = z.core.$ZodType;
type PathSegment = string | number;

function def(schema: AnySchema): Record<string, unknown> & { type: string } {
  return schema._zod.def as unknown as Record<string, unknown> & { type: string };
}

/** Strip wrappers (optional, default, pipe, transform...) down to the structural schema. */
function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (let i = 0; i < 20; i++) {
    const d = def(current);
    if (d.type === "optional" || d.type === "nullable" || d.type === "default" || d.type === "prefault" || d.type === "readonly" || d.type === "catch" || d.type === "nonoptional") {
      current = d.innerType as AnySchema;
    } else if (d.type === "pipe") {
      current = d.in as AnySchema;
    } else if (d.type === "lazy") {
      current = (d.getter as () => AnySchema)();
    } else {
      return current;
    }
  }
  return current;
}

/** Every schema reachable at `path` (a union contributes each branch). */
export function schemasAtPath(root: AnySchema, path: readonly PathSegment[]): AnySchema[] {
  let current: AnySchema[] = [root];
  for (const segment of path) {
    const next: AnySchema[] = [];
    for (const schema of current.flatMap(expandUnions)) {
      const d = def(schema);
      if (d.type === "object") {
        const shape = d.shape as Record<string, AnySchema>;
        const child = shape[String(segment)];
        if (child) next.push(child);
      } else if (d.type === "record") {
        next.push(d.valueType as AnySchema);
      } else if (d.type === "array") {
        next.push(d.element as AnySchema);
      } else if (d.type === "tuple") {
        const items = d.items as AnySchema[];
        const item = typeof segment === "number" ? items[segment] : undefined;
        if (item) next.push(item);
      }
    }
    current = next;
  }
  return current.flatMap(expandUnions);
}

function expandUnions(schema: AnySchema): AnySchema[] {
  const inner = unwrap(schema);
  const d = def(inner);
  if (d.type === "union") return (d.options as AnySchema[]).flatMap(expandUnions);
  return [inner];
}

/** The keys the object(s) at `path` accept, sorted. */
export function keysAtPath(root: AnySchema, path: readonly PathSegment[]): string[] {
  const keys = new Set<string>();
  for (const schema of schemasAtPath(root, path)) {
    const d = def(schema);
    if (d.type === "object") for (const key of Object.keys(d.shape as object)) keys.add(key);
  }
  keys.delete("$schema");
  return [...keys].sort();
}

/** Whether every schema at `path` is an object (so the union there is a choice of shapes). */
export function isObjectUnionAt(root: AnySchema, path: readonly PathSegment[]): boolean {
  const schemas = schemasAtPath(root, path);
  return schemas.length > 1 && schemas.every((s) => def(s).type === "object");
}

/** One object shape a value at a path may take: its keys and which of them are required. */
export interface ObjectShape {
  schema: AnySchema;
  keys: string[];
  required: string[];
}

/** The object shapes at `path`: one for a plain object, one per branch for a union of objects. */
export function objectShapesAt(root: AnySchema, path: readonly PathSegment[]): ObjectShape[] {
  return schemasAtPath(root, path)
    .filter((schema) => def(schema).type === "object")
    .map((schema) => {
      const shape = def(schema).shape as Record<string, AnySchema>;
      const keys = Object.keys(shape).filter((key) => key !== "$schema");
      return { schema, keys, required: keys.filter((key) => shape[key]!._zod.optin !== "optional") };
    });
}

/** Whether no key appears in two shapes: then a value must pick exactly one (like a segment definition). */
export function haveDisjointKeys(shapes: readonly ObjectShape[]): boolean {
  const seen = new Set<string>();
  for (const shape of shapes) {
    for (const key of shape.keys) {
      if (seen.has(key)) return false;
      seen.add(key);
    }
  }
  return shapes.length > 1;
}

/** "source + aggregate; source + column; expression": the required keys of each shape. */
export function describeShapes(shapes: readonly ObjectShape[]): string {
  return shapes.map((shape) => (shape.required.length > 0 ? shape.required : shape.keys).join(" + ")).join("; ");
}
