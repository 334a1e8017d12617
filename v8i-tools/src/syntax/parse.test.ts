import { describe, expect, it } from 'vitest';
import { parseV8i } from './parse.ts';

const codes = (text: string) => parseV8i(text).diagnostics.map((d) => `${d.line}:${d.code}:${d.severity}`);

describe('parseV8i', () => {
  it('takes the name between the first [ and the last ], and the value raw after the first =', () => {
    const doc = parseV8i('[Демо [копия]] \r\nConnect=Srvr="a=b";Ref="x";#1\r\n');
    const [section] = doc.sections;
    expect(section?.name).toBe('Демо [копия]');
    const line = section?.body[0];
    expect(line?.kind === 'key' && [line.key, line.value]).toEqual(['Connect', 'Srvr="a=b";Ref="x";#1']);
    expect(doc.diagnostics).toEqual([]);
  });

  it('keeps comments, blank and odd lines as they are, with a warning for the odd ones', () => {
    const doc = parseV8i('[A]\n; comment\n\njust text\nConnect=x\n');
    expect(doc.sections[0]?.body.map((l) => l.kind)).toEqual(['comment', 'blank', 'other', 'key']);
    expect(codes('[A]\n; comment\n\njust text\nConnect=x\n')).toEqual(['4:unparsed-line:warning']);
  });

  it('reports duplicates, keys before a section, malformed headers and bases without Connect', () => {
    const text = [
      'Orphan=1',
      '[A]',
      'Connect=File="a"',
      'ID=1',
      'Connect=File="b"',
      '[A]',
      'Connect=File="c"',
      'ID=1',
      '[broken',
      '[B]',
      'Version=8.3',
      '[Group]',
      'Folder=/',
    ].join('\r\n');
    expect(codes(text)).toEqual([
      '1:key-before-section:warning',
      '5:duplicate-key:error',
      '6:duplicate-section:warning',
      '6:duplicate-id:error',
      '9:malformed-header:error',
      '10:base-without-connect:warning',
    ]);
    const diagnostic = parseV8i(text).diagnostics[1];
    expect(diagnostic?.offset).toBe(text.indexOf('Connect=File="b"'));
    expect(diagnostic?.message).toContain('first on line 3');
  });

  it('treats CRLF, LF and a lone CR as line ends', () => {
    const doc = parseV8i('[A]\r\nConnect=1\rID=2\nFolder=/');
    expect(doc.sections[0]?.body.map((l) => [l.source, l.eol])).toEqual([
      ['Connect=1', '\r'],
      ['ID=2', '\n'],
      ['Folder=/', ''],
    ]);
  });
});
