/**
 * Where a CSV file changes its kind of line end (CRLF, LF or CR), which DuckDB's
 * strict reader refuses with only "The CSV Parser state machine reached an
 * invalid state": a file saved on Windows with rows appended on a Mac or Linux
 * machine, say. Line ends inside quoted values are part of the value, not the
 * file's line ends. Lines are counted as DuckDB counts them (the header is line 1).
 */
import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";

export type LineEnd = "CRLF" | "LF" | "CR";

export interface MixedLineEnd {
  /** The line whose end differs from the first line's. */
  line: number;
  ending: LineEnd;
  /** How the first line ends. */
  first: LineEnd;
}

/** The first line whose end differs from the first line's, or undefined when all agree (or the file cannot be read). */
export async function findMixedLineEnd(path: string): Promise<MixedLineEnd | undefined> {
  const scan = lineEndScanner();
  const raw = createReadStream(path);
  try {
    let stream: AsyncIterable<Buffer> = raw;
    let checkedMagic = false;
    for await (const chunk of stream) {
      if (!checkedMagic) {
        checkedMagic = true;
        if (chunk[0] === 0x1f && chunk[1] === 0x8b) {
          raw.destroy();
          stream = createReadStream(path).pipe(createGunzip());
          for await (const inflated of stream) {
            const found = scan.push(inflated);
            if (found) return found;
          }
          return scan.end();
        }
      }
      const found = scan.push(chunk);
      if (found) return found;
    }
    return scan.end();
  } catch {
    return undefined;
  } finally {
    raw.destroy();
  }
}

/** Feed a file's bytes chunk by chunk; `push` returns the first mixed line end as soon as it is seen. */
export function lineEndScanner(): { push(chunk: Uint8Array): MixedLineEnd | undefined; end(): MixedLineEnd | undefined } {
  let quoted = false;
  let pendingCr = false;
  let line = 1;
  let first: LineEnd | undefined;
  const ended = (ending: LineEnd): MixedLineEnd | undefined => {
    first ??= ending;
    const found = ending === first ? undefined : { line, ending, first };
    line++;
    return found;
  };
  return {
    push(chunk) {
      for (const byte of chunk) {
        if (pendingCr) {
          pendingCr = false;
          const found = ended(byte === 0x0a ? "CRLF" : "CR");
          if (found) return found;
          if (byte === 0x0a) continue;
        }
        if (byte === 0x22) quoted = !quoted;
        else if (quoted) continue;
        else if (byte === 0x0d) pendingCr = true;
        else if (byte === 0x0a) {
          const found = ended("LF");
          if (found) return found;
        }
      }
      return undefined;
    },
    end() {
      return pendingCr ? ended("CR") : undefined;
    },
  };
}
