/** Formatters by name. Adding one is a file, a line here and a snapshot test. */
import type { Formatter } from "./formatter.ts";
import { json } from "./json.ts";
import { stylish } from "./stylish.ts";

export const formatters: Readonly<Record<string, Formatter>> = { json, stylish };

export const formatterNames = Object.keys(formatters).sort();
