/**
 * A file Seg could not read or write for a reason the user can act on: a link
 * where a file goes, a full disk, a folder where a file should be. Carries exit
 * code 2 like a usage error; the message always names the path, and the CLI
 * prints it without a stack.
 */
import { SegError } from "../diagnostics/seg-error.ts";

export class FileError extends SegError {
  constructor(message: string) {
    super(message);
    this.name = "FileError";
  }
}

const REASONS: Record<string, string> = {
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "the file system is read-only",
  EISDIR: "it is a folder, not a file",
  ENOTDIR: "a part of the path is a file, not a folder",
  ENOENT: "the folder does not exist",
  EEXIST: "it already exists",
  ELOOP: "it is a link",
  EMFILE: "too many files are open",
};

/** A FileError for a failed file-system call on `path`, in words, with the system's code. */
export function fileErrorFrom(error: unknown, verb: string, path: string): FileError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code ? (REASONS[code] ?? String((error as Error).message).split("\n")[0]) : String(error);
  return new FileError(`could not ${verb} ${path}: ${reason}${code ? ` (${code})` : ""}.`);
}
