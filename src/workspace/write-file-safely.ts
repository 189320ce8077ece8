/**
 * The one way Seg writes a file: never through a link, never half. The data
 * goes to a temporary file created exclusively (O_EXCL) inside a folder made
 * with a unique name beside the target (mkdtemp), which is then renamed over the
 * target. A committed `segments.lock.json.tmp` link, or a link in place of the
 * target itself, therefore leads nowhere: the first is never opened, the second
 * is refused. A crash leaves the old file whole.
 */
import { lstatSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { FileError, fileErrorFrom } from "./file-error.ts";

/** Refuse a target that is a link, a folder or anything but a regular file. */
export function assertWritableTarget(path: string): void {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.isSymbolicLink()) throw new FileError(`${path} is a link; Seg does not write through links. Remove the link and run the command again.`);
  if (stat.isDirectory()) throw new FileError(`${path} is a folder, not a file; Seg will not replace it. Remove it or choose another name.`);
  if (!stat.isFile()) throw new FileError(`${path} is not a regular file; Seg will not replace it.`);
}

/**
 * Run `write` on a fresh temporary path beside `path`, then rename the result
 * over `path`. `write` must create the file (it is the only file in its folder).
 */
export async function replaceFileAtomically(path: string, write: (temporary: string) => Promise<void> | void): Promise<void> {
  assertWritableTarget(path);
  const folder = makeScratchFolder(path);
  try {
    const temporary = join(folder, basename(path));
    try {
      await write(temporary);
    } catch (error) {
      throw (error as NodeJS.ErrnoException)?.code ? fileErrorFrom(error, "write", path) : error;
    }
    rename(temporary, path);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Write `data` to `path` (synchronously) through a temporary file. */
export function writeFileSafely(path: string, data: string | Uint8Array): void {
  assertWritableTarget(path);
  const folder = makeScratchFolder(path);
  try {
    const temporary = join(folder, basename(path));
    try {
      writeFileSync(temporary, data, { flag: "wx" });
    } catch (error) {
      throw fileErrorFrom(error, "write", path);
    }
    rename(temporary, path);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * A file named on the command line (`--output report.sarif`): a regular file is
 * replaced safely as above; a device or pipe the user named (`/dev/stdout`) is
 * written to directly. A link is refused either way.
 */
export function writeOutputFile(path: string, data: string): void {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (stat && (stat.isCharacterDevice() || stat.isFIFO())) {
    try {
      writeFileSync(path, data);
    } catch (error) {
      throw fileErrorFrom(error, "write", path);
    }
    return;
  }
  writeFileSafely(path, data);
}

function makeScratchFolder(path: string): string {
  try {
    return mkdtempSync(join(dirname(path), `.${basename(path)}.seg-`));
  } catch (error) {
    throw fileErrorFrom(error, "write", path);
  }
}

function rename(temporary: string, path: string): void {
  try {
    renameSync(temporary, path);
  } catch (error) {
    throw fileErrorFrom(error, "write", path);
  }
}
