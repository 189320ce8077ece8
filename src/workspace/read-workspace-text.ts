/**
 * A workspace text file read for parsing: through the workspace-file gate (a
 * regular file inside the workspace, no dot-folder, no link out), at most
 * `limit` bytes, and strictly UTF-8 (a UTF-16 file is named as such). Every refusal is a diagnostic at the file
 * that names only its workspace path.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { decodeUtf8 } from "./decode-utf8.ts";
import { createSourceFile, spanAt, type SourceFile } from "./source-file.ts";
import { utf16ByteOrder } from "./utf16.ts";
import { readWorkspaceFile, type WorkspaceFileProblem } from "./workspace-file.ts";

export interface WorkspaceText {
  file: SourceFile | undefined;
  diagnostics: Diagnostic[];
}

const RULE_OF: Record<WorkspaceFileProblem, string> = {
  absolute: "workspace/unsafe-path",
  "leaves-workspace": "workspace/unsafe-path",
  hidden: "workspace/unsafe-path",
  "link-outside": "workspace/unsafe-path",
  "link-hidden": "workspace/unsafe-path",
  missing: "workspace/not-a-file",
  folder: "workspace/not-a-file",
  "not-regular": "workspace/not-a-file",
  "too-large": "yaml/too-large",
};

/** `kind` names the file's language in messages: "YAML", "Markdown", "JSON". */
export function readWorkspaceText(root: string, relPath: string, limit: number, kind: string): WorkspaceText {
  const at = (ruleId: string, message: string, hint: string, file = createSourceFile(relPath, ""), offset = 0): WorkspaceText => ({
    file: undefined,
    diagnostics: [{ ruleId, messageId: "problem", severity: "error", message, hint, file: relPath, ...spanAt(file, offset, offset + (offset < file.text.length ? 1 : 0)) }],
  });
  const read = readWorkspaceFile(root, relPath, { limit });
  if (!read.ok) {
    if (read.problem === "too-large") return at("yaml/too-large", `The file is ${read.size} bytes; Seg reads ${kind} files of at most ${limit} bytes.`, kind === "YAML" ? "Split it up, or move data into a CSV or Parquet source." : "Split it into smaller files.");
    return at(RULE_OF[read.problem], read.message, read.hint);
  }
  const utf16 = utf16ByteOrder(read.bytes);
  if (utf16 !== undefined) {
    return at("file/encoding", `The file is UTF-16 (${utf16}); Seg reads ${kind} files as UTF-8.`, `Save it as UTF-8 (in most editors: Save with Encoding → UTF-8), or convert it with iconv -f utf-16${utf16 === "little-endian" ? "le" : "be"} -t utf-8.`);
  }
  const decoded = decodeUtf8(read.bytes);
  if (!decoded.ok) {
    const byte = `0x${decoded.byte.toString(16).toUpperCase().padStart(2, "0")}`;
    const partial = createSourceFile(relPath, `${decoded.prefix} `);
    const binary = read.bytes.includes(0);
    return at(
      "file/encoding",
      binary
        ? `The file is not text: byte ${byte} here is not valid UTF-8, and the file holds NUL bytes; it looks like a binary file, not ${kind}.`
        : `The file is not UTF-8: byte ${byte} here is not valid UTF-8 text (the file is probably Latin-1 or Windows-1252).`,
      binary
        ? "Replace it with the text it should be, or move it out of the workspace folders."
        : "Save the file as UTF-8 (in most editors: Save with Encoding → UTF-8), or convert it with iconv -f latin1 -t utf-8.",
      partial,
      decoded.prefix.length,
    );
  }
  return { file: createSourceFile(relPath, decoded.text), diagnostics: [] };
}
