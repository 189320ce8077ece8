/** Formatters by name. Adding one is a file, a line here and a snapshot test. */
import type { Formatter, StepSummary } from "./formatter.ts";
import { github, githubStepSummary } from "./github.ts";
import { json } from "./json.ts";
import { markdown } from "./markdown.ts";
import { sarif } from "./sarif.ts";
import { stylish } from "./stylish.ts";

export const formatters: Readonly<Record<string, Formatter>> = { github, json, markdown, sarif, stylish };

/** Formats that also write a CI step summary when the CI offers one. */
export const stepSummaries: Readonly<Record<string, StepSummary>> = { github: githubStepSummary };

export const formatterNames = Object.keys(formatters).sort();
