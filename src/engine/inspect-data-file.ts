/* eslint max-lines-per-function: "off" -- utf8Validator is one closure whose state (line, column, carried bytes) its two methods share. */
/**
 * One pass over a data file's bytes before DuckDB reads it: its sha256 and
 * size, and for CSV (plain or gzip) the header row, whether the gzip stream is
 * complete and where the first byte that is not UTF-8 sits. DuckDB reads a
 * truncated gzip stream up to where it breaks and reads Latin-1 bytes without
 * a word when the columns are given, so both are checked here.
 */
import { isUtf8 } from "node:buffer";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Transform } from "node:stream";
import { createGunzip } from "node:zlib";
import { utf16ByteOrder, type Utf16 } from "../workspace/utf16.ts";

export type FileProblem =
  | { kind: "truncated-gzip"; message: string }
  | { kind: "not-utf8"; line: number; column: number; byte: number }
  | { kind: "utf16"; byteOrder: Utf16 };

export interface DataFileFacts {
  sha256: string;
  bytes: number;
  /** hashOnly: the file's size, modification time and inode when it was hashed (see `known`). */
  stamp?: string;
  /** CSV only: the header row's fields (undefined when the file has no complete first line). */
  header?: string[];
  problem?: FileProblem;
}

/** How much of the start of a CSV is kept to read its header row. */
const MAX_HEADER_BYTES = 1024 * 1024;

/**
 * Bytes per chunk read from the file and per chunk out of gunzip. At the streams' defaults (64 KiB read,
 * 16 KiB inflated) the stream machinery cost more than inflating itself: Online Retail's 52 MB went
 * through gunzip in 165–227 ms of CPU in 16 KiB chunks, 81–87 ms in 256 KiB ones.
 */
const CHUNK_BYTES = 256 * 1024;

/**
 * `hashOnly`: just the sha256 and size (enough to look the source up in the
 * cache). `known`: the hashOnly facts of the same file, taken just before (a
 * cache miss): its bytes are not hashed a second time unless the file changed
 * since (its stamp), in which case they are hashed again.
 */
export async function inspectDataFile(path: string, format: "csv" | "parquet", options: { hashOnly?: boolean; known?: DataFileFacts } = {}): Promise<DataFileFacts> {
  const stamp = options.hashOnly || options.known ? await fileStamp(path) : undefined;
  const known = format === "csv" && !options.hashOnly && options.known?.stamp !== undefined && options.known.stamp === stamp ? options.known : undefined;
  const hash = createHash("sha256");
  let bytes = 0;
  // Every byte passes the hash on its way to the gunzip and UTF-8 checks.
  const hashed = createReadStream(path, { highWaterMark: CHUNK_BYTES }).pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        if (!known) hash.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    }),
  );
  if (format === "parquet" || options.hashOnly) {
    for await (const _chunk of hashed) {
      // Hashing only.
    }
    return { sha256: hash.digest("hex"), bytes, ...(stamp !== undefined ? { stamp } : {}) };
  }
  const gzipped = await startsWithGzipMagic(path);
  const text = gzipped ? hashed.pipe(createGunzip({ chunkSize: CHUNK_BYTES })) : hashed;
  const utf8 = utf8Validator();
  let head: Buffer = Buffer.alloc(0);
  let problem: FileProblem | undefined;
  try {
    for await (const chunk of text) {
      const buffer = chunk as Buffer;
      if (head.length < MAX_HEADER_BYTES) head = Buffer.concat([head, buffer.subarray(0, MAX_HEADER_BYTES - head.length)]);
      if (!problem) {
        const bad = utf8.push(buffer);
        if (bad) problem = { kind: "not-utf8", ...bad };
      }
    }
  } catch (error) {
    if (!gzipped) throw error;
    hashed.destroy();
    return { sha256: "", bytes, problem: { kind: "truncated-gzip", message: String((error as Error).message ?? error) } };
  }
  // A stream that ends inside a multi-byte character is not UTF-8 either.
  if (!problem) {
    const bad = utf8.end();
    if (bad) problem = { kind: "not-utf8", ...bad };
  }
  const header = headerFields(head);
  // A file that changed while it was read is hashed again: the sha256 always names the bytes as they are now.
  const sha256 = known === undefined ? hash.digest("hex") : bytes === known.bytes && (await fileStamp(path)) === known.stamp ? known.sha256 : (await inspectDataFile(path, format, { hashOnly: true })).sha256;
  return { sha256, bytes, ...(header ? { header } : {}), ...(problem ? { problem } : {}) };
}

async function fileStamp(path: string): Promise<string> {
  const facts = await stat(path, { bigint: true });
  return `${facts.size}:${facts.mtimeNs}:${facts.ino}`;
}

/** The header row of a CSV (plain or gzip), reading only as far as its first line; or that the file is UTF-16 (utf16.ts), which has no header Seg can read. */
export async function readCsvHeader(path: string): Promise<{ header: string[] | undefined } | { utf16: Utf16 }> {
  const gzipped = await startsWithGzipMagic(path);
  const raw = createReadStream(path);
  const text = gzipped ? raw.pipe(createGunzip()) : raw;
  let head: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of text) {
      head = Buffer.concat([head, (chunk as Buffer).subarray(0, MAX_HEADER_BYTES - head.length)]);
      if (head.includes(10) || head.includes(13) || head.length >= MAX_HEADER_BYTES) break;
    }
  } catch {
    // A broken stream is reported by inspectDataFile; whatever was read may still hold the header.
  } finally {
    raw.destroy();
  }
  const utf16 = utf16ByteOrder(head.subarray(0, 4));
  return utf16 !== undefined ? { utf16 } : { header: headerFields(head) };
}

async function startsWithGzipMagic(path: string): Promise<boolean> {
  for await (const chunk of createReadStream(path, { start: 0, end: 1 })) {
    const b = chunk as Buffer;
    return b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
  }
  return false;
}

/** The fields of the first line: comma-separated, `"` quoting with `""` escapes, a UTF-8 BOM dropped. */
export function headerFields(head: Buffer): string[] | undefined {
  let text = head.toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      fields.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      fields.push(field);
      return fields;
    } else field += c;
  }
  // A file of one line without a newline at its end.
  if (!quoted && text.length > 0 && head.length < MAX_HEADER_BYTES) {
    fields.push(field);
    return fields;
  }
  return undefined;
}

export interface Utf8Position {
  /** 1-based line and column (in bytes) of the first invalid byte. */
  line: number;
  column: number;
  /** The byte's value. */
  byte: number;
}

/**
 * A streaming UTF-8 validator that counts lines. Chunks go through Node's native
 * check first (isUtf8, which builds no string); only a chunk it rejects is walked
 * byte by byte to find where. A character cut by a chunk's end is carried to the next.
 */
export function utf8Validator(): { push(chunk: Buffer): Utf8Position | undefined; end(): Utf8Position | undefined } {
  let line = 1;
  let lineStart = 0;
  let offset = 0;
  // Bytes of a character cut by the previous chunk's end.
  let carry: Buffer = Buffer.alloc(0);
  const advance = (chunk: Buffer) => {
    let i = chunk.indexOf(10);
    while (i !== -1) {
      line++;
      lineStart = offset + i + 1;
      i = chunk.indexOf(10, i + 1);
    }
    offset += chunk.length;
  };
  const locate = (chunk: Buffer): Utf8Position => {
    const data = Buffer.concat([carry, chunk]);
    const base = offset - carry.length;
    let l = line;
    let start = lineStart;
    for (let i = 0; i < data.length; ) {
      const b = data[i]!;
      const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
      // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
      const [lo, hi] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
      let ok = need >= 0;
      for (let k = 1; ok && k <= need; k++) {
        const next = data[i + k];
        ok = next !== undefined && (k === 1 ? next >= lo && next <= hi : (next & 0xc0) === 0x80);
      }
      if (!ok) return { line: l, column: base + i - start + 1, byte: b };
      if (b === 10) {
        l++;
        start = base + i + 1;
      }
      i += need + 1;
    }
    return { line: l, column: base + data.length - start + 1, byte: data[data.length - 1] ?? 0 };
  };
  return {
    push(chunk) {
      const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const cut = incompleteTail(data);
      if (!isUtf8(data.subarray(0, cut))) return locate(chunk);
      carry = cut < data.length ? Buffer.from(data.subarray(cut)) : Buffer.alloc(0);
      advance(chunk);
      return undefined;
    },
    end() {
      return carry.length === 0 ? undefined : { line, column: offset - carry.length - lineStart + 1, byte: carry[0]! };
    },
  };
}

/** Where a multi-byte character that the bytes end inside starts, or their length when none is cut. */
function incompleteTail(data: Buffer): number {
  for (let k = 1; k <= 3 && k <= data.length; k++) {
    const b = data[data.length - k]!;
    if ((b & 0xc0) === 0x80) continue;
    // A lead byte: 2, 3 or 4 bytes long; anything else is left to the check.
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return length > k ? data.length - k : data.length;
  }
  return data.length;
}
