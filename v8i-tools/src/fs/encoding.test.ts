import { describe, expect, it } from 'vitest';
import { decodeBytes, encodeText } from './encoding.ts';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));

describe('decodeBytes', () => {
  it('detects UTF-8 with and without BOM and UTF-16 LE/BE by BOM', () => {
    expect(decodeBytes(bytes([0xef, 0xbb, 0xbf], '[Б]'))).toMatchObject({
      ok: true,
      text: '[Б]',
      encoding: { name: 'utf-8', bom: true },
    });
    expect(decodeBytes(bytes('[B]'))).toMatchObject({ ok: true, encoding: { name: 'utf-8', bom: false } });
    const le = encodeText('[Ж]\r\n', { name: 'utf-16le', bom: true });
    expect([...le.slice(0, 4)]).toEqual([0xff, 0xfe, 0x5b, 0x00]);
    expect(decodeBytes(le)).toMatchObject({ ok: true, text: '[Ж]\r\n', encoding: { name: 'utf-16le' } });
    const be = encodeText('[Ж]', { name: 'utf-16be', bom: true });
    expect(decodeBytes(be)).toMatchObject({ ok: true, text: '[Ж]', encoding: { name: 'utf-16be' } });
  });

  it('refuses invalid UTF-8 (e.g. Windows-1251) and says where', () => {
    const result = decodeBytes(bytes('[A]\nConnect=x\n[', [0xc1, 0xf3, 0xf5], ']\n'));
    expect(result).toMatchObject({ ok: false, code: 'invalid-utf8' });
    expect(!result.ok && result.message).toContain('byte 15 (line 3)');
    expect(!result.ok && result.hint).toContain('UTF-8');
  });

  it('refuses NUL bytes, BOM-less UTF-16, UTF-32 and cut-off UTF-16', () => {
    expect(decodeBytes(bytes('[A]\n', [0], 'x'))).toMatchObject({ ok: false, code: 'nul-bytes' });
    expect(decodeBytes(Uint8Array.from(Buffer.from('[A]\r\nConnect=1', 'utf16le')))).toMatchObject({
      ok: false,
      code: 'unknown-encoding',
    });
    expect(decodeBytes(bytes([0xff, 0xfe, 0, 0], 'x'))).toMatchObject({
      ok: false,
      code: 'unknown-encoding',
    });
    expect(decodeBytes(bytes([0xff, 0xfe, 0x41]))).toMatchObject({ ok: false, code: 'invalid-utf16' });
  });
});
