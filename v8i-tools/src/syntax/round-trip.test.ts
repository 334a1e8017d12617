import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes, encodeText, type FileEncoding } from '../fs/encoding.ts';
import { parseV8i } from './parse.ts';
import { printV8i } from './print.ts';

/** The hard pieces of real and broken base lists, glued at random. */
const piece = fc.oneof(
  fc.constantFrom(
    '\uFEFF',
    '\r',
    '\n',
    '\r\n',
    '\r\n\r\n',
    '[',
    ']',
    '=',
    ';',
    '#',
    '"',
    ' ',
    '\t',
    '\\',
    '',
    '[Бухгалтерия]',
    '[A [b]]',
    '[',
    'Connect=Srvr="srv";Ref="buh";',
    'ID=5f1c2d3e-4a5b-4c7d-8e9f-0a1b2c3d4e5f',
    'StartupErrorHelpText=',
    'StartupErrorHelpURL=https://help.example/1c?a=1#x',
    'Folder=/Бух',
    'Ёжик',
    '𝔘𝔫𝔦',
    '😀',
    'Rīga',
  ),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('').replaceAll('\0', ''));

function roundTrip(bytes: Uint8Array): Uint8Array {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) throw new Error(`${decoded.code}: ${decoded.message}`);
  return encodeText(printV8i(parseV8i(decoded.text)), decoded.encoding);
}

const encodings: FileEncoding[] = [
  { name: 'utf-8', bom: false },
  { name: 'utf-8', bom: true },
  { name: 'utf-16le', bom: true },
  { name: 'utf-16be', bom: true },
];

describe('bytes → tree → bytes', () => {
  for (const encoding of encodings) {
    it(`is byte-exact for ${encoding.name}${encoding.bom ? ' with BOM' : ''}`, () => {
      fc.assert(
        fc.property(text, (source) => {
          const bytes = encodeText(source, encoding);
          expect(Buffer.from(roundTrip(bytes))).toEqual(Buffer.from(bytes));
        }),
        { numRuns: 400 },
      );
    });
  }

  it('keeps lone surrogates of a UTF-16 file', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 0xffff }), { maxLength: 60 }), (units) => {
        const bytes = encodeText(String.fromCharCode(...units), { name: 'utf-16le', bom: true });
        expect(Buffer.from(roundTrip(bytes))).toEqual(Buffer.from(bytes));
      }),
    );
  });

  it('never throws and prints every parsed text back exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (source) => {
        expect(printV8i(parseV8i(source))).toBe(source);
      }),
    );
  });
});
