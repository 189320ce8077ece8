/**
 * Decode a workspace file as UTF-8, strictly: a byte sequence that is not
 * UTF-8 is not silently replaced with U+FFFD but reported at its offset, so the
 * user learns the file is in another encoding (Latin-1, Windows-1252, UTF-16).
 */
export type DecodedText = { ok: true; text: string } | { ok: false; /** The text before the first bad byte, decoded. */ prefix: string; /** The offending byte. */ byte: number };

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export function decodeUtf8(bytes: Uint8Array): DecodedText {
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    const at = firstInvalidByte(bytes);
    return { ok: false, prefix: decoder.decode(bytes.subarray(0, at)), byte: bytes[at] ?? 0 };
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    const second = bytes[i + 1]!;
    // Overlong forms, surrogates and code points past U+10FFFF.
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return bytes.length;
}
