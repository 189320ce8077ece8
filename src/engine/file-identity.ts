/**
 * A cheap identity of a data file, for the cache: what stat says of it (device,
 * inode, size, modification and change times to the nanosecond) and a sha256 of
 * the bytes that describe it — a Parquet file's footer (its schema, row groups
 * and their statistics), or a CSV's first and last 64 KiB. Taking it costs a
 * stat and one small read, where hashing 2.4 GB of Parquet costs 5–8 seconds.
 *
 * The trade-off, as in git's index: a file rewritten in place with the same
 * size, the same footer and its modification and change times set back to the
 * nanosecond would look unchanged, as would one rewritten in place within one
 * tick of the file system's clock (a few milliseconds) with the same size and
 * footer. Nothing does that by accident (a copy, an edit, a regeneration
 * changes the times, the size or the inode), so `seg check` trusts it. `seg lock` does not: the lock records the sha256 of the whole file, hashed
 * again on every lock (engine/load-record-cache.ts), and a cached load whose
 * content hash differs is thrown away.
 */
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

/** How much of a CSV's start and end is hashed. */
const CSV_ENDS = 64 * 1024;
/** A Parquet footer longer than this is hashed in part (its length is in the identity all the same). */
const MAX_FOOTER = 16 * 1024 * 1024;

/** The identity of the file at `path`, or undefined when it cannot be read now. */
export function fileIdentity(path: string, format: "csv" | "parquet"): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const stat = fstatSync(fd, { bigint: true });
    const size = Number(stat.size);
    const hash = createHash("sha256");
    const read = (position: number, length: number) => {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
      let done = 0;
      while (done < buffer.length) {
        const n = readSync(fd!, buffer, done, buffer.length - done, position + done);
        if (n === 0) break;
        done += n;
      }
      return buffer.subarray(0, done);
    };
    if (format === "parquet" && size >= 12) {
      // The file ends with the footer's length (4 bytes, little-endian) and "PAR1".
      const tail = read(size - 8, 8);
      const footer = Math.min(tail.readUInt32LE(0), size - 8, MAX_FOOTER);
      hash.update(read(size - 8 - footer, footer)).update(tail);
    } else {
      hash.update(read(0, CSV_ENDS)).update(read(Math.max(0, size - CSV_ENDS), CSV_ENDS));
    }
    return JSON.stringify([format, String(stat.dev), String(stat.ino), String(stat.size), String(stat.mtimeNs), String(stat.ctimeNs), hash.digest("hex")]);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
