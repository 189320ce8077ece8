/* eslint max-lines-per-function: "off" -- readWorkspace reads each kind of file in turn, a few lines each. */
/**
 * Read every file of a workspace. Files that fail to parse or validate are left
 * out of the model and reported; the rest is returned so later checks can still
 * run on what is valid.
 */
import { statSync } from "node:fs";
import { basename, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { configSchema } from "../schema/config.ts";
import { hypothesisSchema } from "../schema/hypothesis.ts";
import { personaSchema } from "../schema/persona.ts";
import { reviewNoteSchema } from "../schema/review-note.ts";
import { segmentSchema } from "../schema/segment.ts";
import { suppressionsSchema } from "../schema/suppressions.ts";
import { CONFIG_FILE, discoverFiles } from "./discover.ts";
import { readDocument, spanIn, type LoadedDocument } from "./read-document.ts";
import { readWorkspaceText } from "./read-workspace-text.ts";
import { MAX_YAML_BYTES } from "./read-yaml.ts";
import { spanAt } from "./source-file.ts";
import type { LoadedSegment, Workspace } from "./workspace.ts";

export interface ReadWorkspaceResult {
  workspace: Workspace;
  diagnostics: Diagnostic[];
}

export function readWorkspace(rootDir: string): ReadWorkspaceResult {
  const root = resolve(rootDir);
  const files = discoverFiles(root);
  const diagnostics: Diagnostic[] = [];
  const take = <T>(result: { document: LoadedDocument<T> | undefined; diagnostics: Diagnostic[] }): LoadedDocument<T> | undefined => {
    diagnostics.push(...result.diagnostics);
    return result.document;
  };

  let config: LoadedDocument<import("../schema/config.ts").Config> | undefined;
  if (files.config) {
    config = take(readDocument(root, files.config, configSchema, "yaml"));
  } else {
    diagnostics.push({
      ruleId: "workspace/no-config",
      messageId: "problem",
      severity: "error",
      message: noConfigMessage(root),
      hint: "Run seg check from a workspace folder, pass --root DIR, or create one with seg init.",
      file: CONFIG_FILE,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    });
  }

  for (const folder of files.linkedFolders) {
    diagnostics.push({
      ruleId: "workspace/unsafe-path",
      messageId: "problem",
      severity: "error",
      message: `The folder ${folder}/ is a link that leads outside the workspace; Seg reads nothing outside it.`,
      hint: "Replace the link with the folder itself.",
      file: folder,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    });
  }

  for (const file of files.ignoredSegments) {
    diagnostics.push({
      ruleId: "workspace/ignored-file",
      messageId: "problem",
      severity: "warning",
      message: `${file} is not read: a segment file belongs in the folder of its scheme, segments/<scheme>/<id>.yaml.`,
      hint: "Move it into its scheme's folder (segments/<scheme>/<id>.yaml), or out of segments/ if it is not a segment.",
      file,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    });
  }

  const segments: LoadedSegment[] = [];
  for (const path of files.segments) {
    const document = take(readDocument(root, path, segmentSchema, "yaml"));
    if (!document) continue;
    checkIdMatchesFile(document, path, diagnostics);
    segments.push({ ...document, scheme: path.split("/")[1] ?? "" });
  }
  const personas = files.personas.flatMap((path) => {
    const document = take(readDocument(root, path, personaSchema, "frontmatter"));
    if (document) checkIdMatchesFile(document, path, diagnostics);
    return document ? [document] : [];
  });
  const hypotheses = files.hypotheses.flatMap((path) => {
    const document = take(readDocument(root, path, hypothesisSchema, "yaml"));
    if (document) checkIdMatchesFile(document, path, diagnostics);
    return document ? [document] : [];
  });
  const reviews = files.reviews.flatMap((path) => {
    const document = take(readDocument(root, path, reviewNoteSchema, "frontmatter"));
    return document ? [document] : [];
  });
  const suppressions = files.suppressions ? readSuppressions(root, files.suppressions, diagnostics) : undefined;

  return { workspace: { root, config, segments, personas, hypotheses, reviews, suppressions }, diagnostics };
}

/** Say whether the folder itself is missing, so a mistyped --root is not mistaken for an empty workspace. */
function noConfigMessage(root: string): string {
  const stat = statSync(root, { throwIfNoEntry: false });
  if (!stat) return `The workspace folder ${root} does not exist.`;
  if (!stat.isDirectory()) return `The workspace ${root} is a file, not a folder.`;
  return `No ${CONFIG_FILE} in ${root}.`;
}

function checkIdMatchesFile(document: LoadedDocument<{ id: string }>, path: string, diagnostics: Diagnostic[]): void {
  const expected = basename(path).replace(/\.(ya?ml|mdx?)$/, "");
  if (document.value.id !== expected) {
    diagnostics.push({
      ruleId: "schema/id-mismatch",
      messageId: "problem",
      severity: "error",
      message: `The id "${document.value.id}" differs from the file name "${basename(path)}".`,
      hint: `Rename the file to ${document.value.id}${path.slice(path.lastIndexOf("."))} or set id: ${expected}.`,
      file: path,
      ...spanIn(document, ["id"]),
    });
  }
}

/** The suppressions file is JSON; JSON is YAML, so the same reader gives positions. */
function readSuppressions(root: string, path: string, diagnostics: Diagnostic[]): LoadedDocument<import("../schema/suppressions.ts").Suppressions> | undefined {
  const loaded = readWorkspaceText(root, path, MAX_YAML_BYTES, "JSON");
  if (!loaded.file) {
    diagnostics.push(...loaded.diagnostics);
    return undefined;
  }
  try {
    JSON.parse(loaded.file.text);
  } catch (error) {
    diagnostics.push({
      ruleId: "json/syntax",
      messageId: "problem",
      severity: "error",
      message: `The suppressions file is not valid JSON: ${(error as Error).message}.`,
      hint: "Regenerate it with seg check --suppress-all, or fix the JSON by hand.",
      file: path,
      ...spanAt(loaded.file, 0, 0),
    });
    return undefined;
  }
  const result = readDocument(root, path, suppressionsSchema, "yaml");
  diagnostics.push(...result.diagnostics);
  return result.document;
}
