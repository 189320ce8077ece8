/**
 * Whether a workspace file's bytes are UTF-16, so the message can say so
 * rather than calling the file binary (Windows Notepad saves "Unicode" as
 * UTF-16 with a byte order mark; some tools write it without one). A byte
 * order mark is certain; without one, the file is taken as UTF-16 the way the
 * YAML specification detects it (5.2): its first two characters are ASCII, so
 * the first four bytes alternate a non-zero byte and a zero byte.
 */
export type Utf16 = "little-endian" | "big-endian";

export function utf16ByteOrder(bytes: Uint8Array): Utf16 | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe) return "little-endian";
  if (a === 0xfe && b === 0xff) return "big-endian";
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  if (a !== 0 && b === 0 && c !== 0 && d === 0) return "little-endian";
  if (a === 0 && b !== 0 && c === 0 && d !== 0) return "big-endian";
  return undefined;
}
