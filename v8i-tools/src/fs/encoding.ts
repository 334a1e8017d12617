/**
 * Bytes ⇄ text for `.v8i` and `1CEStart.cfg` files. Pure: no I/O. Decoding is strict so that
 * `encodeText(decodeBytes(b).text, encoding)` gives back `b` exactly; anything we cannot promise
 * that for is refused with a reason and a way out.
 */

export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface FileEncoding {
  name: EncodingName;
  bom: boolean;
}

export type DecodeErrorCode = 'invalid-utf8' | 'invalid-utf16' | 'nul-bytes' | 'unknown-encoding';

export type DecodeResult =
  | { ok: true; text: string; encoding: FileEncoding }
  | { ok: false; code: DecodeErrorCode; message: string; hint: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Encoder = new TextEncoder();

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

/** Offset of the first byte that does not start a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array, start: number): number {
  let i = start;
  while (i < bytes.length) {
    const c = bytes[i] ?? 0;
    if (c < 0x80) {
      i++;
      continue;
    }
    const extra = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (extra === 0 || i + extra >= bytes.length) return i;
    for (let k = 1; k <= extra; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    const second = bytes[i + 1] ?? 0;
    if ((c === 0xe0 && second < 0xa0) || (c === 0xed && second > 0x9f)) return i;
    if ((c === 0xf0 && second < 0x90) || (c === 0xf4 && second > 0x8f)) return i;
    i += extra + 1;
  }
  return -1;
}

function looksLikeBomlessUtf16(bytes: Uint8Array): boolean {
  const sample = Math.min(bytes.length, 512);
  let zerosEven = 0;
  let zerosOdd = 0;
  for (let i = 0; i < sample; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) zerosEven++;
      else zerosOdd++;
    }
  }
  return Math.max(zerosEven, zerosOdd) > sample / 4;
}

function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): DecodeResult {
  if ((bytes.length - 2) % 2 !== 0) {
    return {
      ok: false,
      code: 'invalid-utf16',
      message: `UTF-16 file has an odd number of bytes (${bytes.length}); it is cut off or not UTF-16`,
      hint: 'restore it from a backup or re-save it in Notepad as "UTF-16 LE"',
    };
  }
  const chunks: string[] = [];
  const units: number[] = [];
  for (let i = 2; i < bytes.length; i += 2) {
    const hi = bytes[bigEndian ? i : i + 1] ?? 0;
    const lo = bytes[bigEndian ? i + 1 : i] ?? 0;
    const unit = (hi << 8) | lo;
    if (unit === 0) return nulError(lineOfUnits(units, chunks));
    units.push(unit);
    if (units.length === 8192) {
      chunks.push(String.fromCharCode(...units));
      units.length = 0;
    }
  }
  chunks.push(String.fromCharCode(...units));
  return {
    ok: true,
    text: chunks.join(''),
    encoding: { name: bigEndian ? 'utf-16be' : 'utf-16le', bom: true },
  };
}

function lineOfUnits(units: number[], chunks: string[]): number {
  const before = chunks.join('') + String.fromCharCode(...units);
  return before.split('\n').length;
}

function nulError(line: number): DecodeResult {
  return {
    ok: false,
    code: 'nul-bytes',
    message: `NUL byte on line ${line}; a base list never contains one, so the file is damaged or not a .v8i`,
    hint: 'restore it from a backup, or check that the path points to a base list',
  };
}

export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff])) {
    return {
      ok: false,
      code: 'unknown-encoding',
      message: 'the file is UTF-32, which 1C does not write',
      hint: 're-save it as UTF-8 with BOM',
    };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes, false);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes, true);
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const start = bom ? 3 : 0;
  const nul = bytes.indexOf(0, start);
  if (nul !== -1) {
    if (!bom && looksLikeBomlessUtf16(bytes)) {
      return {
        ok: false,
        code: 'unknown-encoding',
        message: 'the file looks like UTF-16 without a byte-order mark, so its byte order is unknown',
        hint: 're-save it in Notepad as "UTF-16 LE" or "UTF-8 with BOM"',
      };
    }
    return nulError(lineOfByte(bytes, nul));
  }
  try {
    const text = utf8.decode(bytes.subarray(start));
    return { ok: true, text, encoding: { name: 'utf-8', bom } };
  } catch {
    const offset = firstInvalidUtf8(bytes, start);
    return {
      ok: false,
      code: 'invalid-utf8',
      message: `invalid UTF-8 at byte ${offset} (line ${lineOfByte(bytes, offset)}); the file is probably in Windows-1251`,
      hint: 're-save it as UTF-8 (1C itself writes UTF-8 with BOM), then run again',
    };
  }
}

export function encodeText(text: string, encoding: FileEncoding): Uint8Array {
  if (encoding.name === 'utf-8') {
    // Straight into one buffer (a UTF-16 unit is at most 3 UTF-8 bytes): no copy for the BOM.
    const start = encoding.bom ? 3 : 0;
    const out = new Uint8Array(start + text.length * 3);
    if (encoding.bom) out.set([0xef, 0xbb, 0xbf]);
    const { written } = utf8Encoder.encodeInto(text, out.subarray(start));
    return out.subarray(0, start + written);
  }
  const bigEndian = encoding.name === 'utf-16be';
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[2 + i * 2 + (bigEndian ? 0 : 1)] = unit >> 8;
    out[2 + i * 2 + (bigEndian ? 1 : 0)] = unit & 0xff;
  }
  return out;
}
