import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  downstreamResponseHeaders,
  mayBeOneOf,
  nameLengths,
  upstreamRequestHeaders,
} from './forwarded-headers.ts';

const OPTIONS = {
  upstreamHost: '1c-web:8080',
  clientAddress: '192.0.2.7',
  scheme: 'http',
  trustForwarded: false,
};

/** A header list from name/value pairs (easier to read than the flat list). */
const list = (pairs: [string, string][]) => pairs.flat();
const names = (headers: string[]) => headers.filter((_, i) => i % 2 === 0);
const RAW_UTF8 = Buffer.from('Отчёт', 'utf8').toString('latin1');

describe('upstreamRequestHeaders', () => {
  it('keeps every other header as sent: order, case, repeats and bytes', () => {
    const raw = list([
      ['Host', '1c.example.com'],
      ['sec-fetch-mode', 'navigate'],
      ['X-1C-Odd-Case', 'a'],
      ['x-dup', '1'],
      ['X-Dup', '2'],
      ['Cookie', 'ibsession=1'],
      ['Authorization', 'Basic dXNlcjpwYXNz'],
      ['X-Raw', RAW_UTF8],
    ]);
    expect(upstreamRequestHeaders(raw, OPTIONS)).toEqual(
      list([
        ['Host', '1c-web:8080'],
        ['sec-fetch-mode', 'navigate'],
        ['X-1C-Odd-Case', 'a'],
        ['x-dup', '1'],
        ['X-Dup', '2'],
        ['Cookie', 'ibsession=1'],
        ['Authorization', 'Basic dXNlcjpwYXNz'],
        ['X-Raw', RAW_UTF8],
        ['X-Forwarded-For', '192.0.2.7'],
        ['X-Forwarded-Proto', 'http'],
        ['X-Forwarded-Host', '1c.example.com'],
      ]),
    );
  });

  it('adds nothing the browser did not send (no Accept, User-Agent, Accept-Language)', () => {
    expect(names(upstreamRequestHeaders(['Host', 'a'], OPTIONS))).toEqual([
      'Host',
      'X-Forwarded-For',
      'X-Forwarded-Proto',
      'X-Forwarded-Host',
    ]);
  });

  it('drops hop-by-hop headers and those Connection names', () => {
    const raw = list([
      ['Connection', 'keep-alive, X-Hop'],
      ['Keep-Alive', 'timeout=5'],
      ['X-Hop', '1'],
      ['TE', 'trailers'],
      ['Upgrade', 'h2c'],
      ['Proxy-Authorization', 'Basic x'],
      ['Transfer-Encoding', 'chunked'],
      ['Host', 'h'],
    ]);
    expect(names(upstreamRequestHeaders(raw, OPTIONS))).toEqual([
      'Host',
      'X-Forwarded-For',
      'X-Forwarded-Proto',
      'X-Forwarded-Host',
    ]);
  });

  it('appends the client to X-Forwarded-For (repeats joined); proto and host claims count only when trusted', () => {
    const raw = list([
      ['Host', 'h'],
      ['X-Forwarded-For', '10.0.0.1'],
      ['x-forwarded-for', '10.0.0.2'],
      ['X-Forwarded-Proto', 'https'],
      ['X-Forwarded-Host', 'evil.example'],
    ]);
    expect(upstreamRequestHeaders(raw, OPTIONS)).toEqual(
      list([
        ['Host', '1c-web:8080'],
        ['X-Forwarded-For', '10.0.0.1, 10.0.0.2, 192.0.2.7'],
        ['X-Forwarded-Proto', 'http'],
        ['X-Forwarded-Host', 'h'],
      ]),
    );
    expect(upstreamRequestHeaders(raw, { ...OPTIONS, trustForwarded: true })).toEqual(
      list([
        ['Host', '1c-web:8080'],
        ['X-Forwarded-For', '10.0.0.1, 10.0.0.2, 192.0.2.7'],
        ['X-Forwarded-Proto', 'https'],
        ['X-Forwarded-Host', 'evil.example'],
      ]),
    );
  });

  it('a request without Host (HTTP/1.0) still names the origin', () => {
    expect(upstreamRequestHeaders([], { ...OPTIONS, clientAddress: undefined })).toEqual(
      list([
        ['Host', '1c-web:8080'],
        ['X-Forwarded-Proto', 'http'],
      ]),
    );
  });

  it('Workers: asks for gzip (which fetch decodes) or nothing; Node passes Accept-Encoding as sent', () => {
    const ask = (raw: string[]) => {
      const out = upstreamRequestHeaders(raw, { ...OPTIONS, gzipOnly: true });
      return out[names(out).findIndex((name) => name.toLowerCase() === 'accept-encoding') * 2 + 1];
    };
    expect(ask(['Accept-Encoding', 'gzip, deflate, br, zstd'])).toBe('gzip');
    expect(ask(['Accept-Encoding', 'br'])).toBe('identity');
    expect(ask([])).toBe('identity');
    expect(upstreamRequestHeaders(['Accept-Encoding', 'br, zstd'], OPTIONS).slice(2, 4)).toEqual([
      'Accept-Encoding',
      'br, zstd',
    ]);
  });

  it('a WebSocket handshake keeps Connection: Upgrade and Upgrade', () => {
    const raw = list([
      ['Host', 'h'],
      ['Connection', 'keep-alive, Upgrade'],
      ['Upgrade', 'websocket'],
      ['Sec-WebSocket-Key', 'k'],
    ]);
    expect(upstreamRequestHeaders(raw, { ...OPTIONS, upgrade: true }).slice(0, 8)).toEqual(
      list([
        ['Host', '1c-web:8080'],
        ['Connection', 'Upgrade'],
        ['Upgrade', 'websocket'],
        ['Sec-WebSocket-Key', 'k'],
      ]),
    );
  });
});

describe('downstreamResponseHeaders', () => {
  const options = { upstreamOrigin: 'http://1c-web:8080', publicOrigin: undefined };

  it('drops hop-by-hop headers, keeps every Set-Cookie and adds nothing (no Content-Type)', () => {
    const raw = list([
      ['Transfer-Encoding', 'chunked'],
      ['Connection', 'close'],
      ['Set-Cookie', 'a=1'],
      ['set-cookie', 'b=2'],
      ['X-Odd', 'v'],
    ]);
    expect(downstreamResponseHeaders(raw, options)).toEqual(
      list([
        ['Set-Cookie', 'a=1'],
        ['set-cookie', 'b=2'],
        ['X-Odd', 'v'],
      ]),
    );
  });

  it('points a Location at the origin back at the service; a rewritten body gets its new length, or none', () => {
    const raw = list([
      ['Location', 'http://1c-web:8080/buh/'],
      ['Content-Length', '10'],
      ['Content-Encoding', 'gzip'],
    ]);
    expect(downstreamResponseHeaders(raw, { ...options, lengthChange: 'drop', dropEncoding: true })).toEqual([
      'Location',
      '/buh/',
    ]);
    expect(downstreamResponseHeaders(raw, { ...options, lengthChange: 49 })).toEqual(
      list([
        ['Location', '/buh/'],
        ['Content-Length', '59'],
        ['Content-Encoding', 'gzip'],
      ]),
    );
    expect(downstreamResponseHeaders(raw, { ...options, publicOrigin: 'https://1c.example.com' })).toEqual(
      list([
        ['Location', 'https://1c.example.com/buh/'],
        ['Content-Length', '10'],
        ['Content-Encoding', 'gzip'],
      ]),
    );
  });

  it('acts on its names in any case, and a plain Connection: keep-alive still drops Keep-Alive', () => {
    const raw = list([
      ['CONNECTION', 'Keep-Alive'],
      ['keep-alive', 'timeout=5'],
      ['LOCATION', 'http://1c-web:8080/buh/'],
      ['content-LENGTH', '10'],
      ['Content-Type', 'text/html'],
    ]);
    expect(downstreamResponseHeaders(raw, { ...options, lengthChange: 5 })).toEqual(
      list([
        ['LOCATION', '/buh/'],
        ['content-LENGTH', '15'],
        ['Content-Type', 'text/html'],
      ]),
    );
  });

  it('drops a name Connection lists, whatever its length and case', () => {
    const long = 'X-A-Header-Name-Longer-Than-Thirty-Characters';
    const raw = list([
      ['Connection', `close, x-hop, ${long.toLowerCase()}`],
      ['X-HOP', '1'],
      [long, '2'],
      ['X-Kept', '3'],
    ]);
    expect(downstreamResponseHeaders(raw, options)).toEqual(list([['X-Kept', '3']]));
  });
});

describe('nameLengths / mayBeOneOf', () => {
  it('never rules out a name of the set; rules out other lengths unless a name is over 30 characters', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 })), fc.string({ maxLength: 40 }), (names, other) => {
        const mask = nameLengths(names);
        for (const name of names) expect(mayBeOneOf(mask, name)).toBe(true);
        const anyLong = names.some((name) => name.length > 30);
        const sameLength = names.some((name) => name.length === other.length);
        expect(mayBeOneOf(mask, other)).toBe(anyLong || other.length > 30 || sameLength);
      }),
    );
  });

  it('rules out names of other lengths (up to 30 characters; longer ones are always checked)', () => {
    const mask = nameLengths(['location', 'te']);
    expect(mayBeOneOf(mask, 'Location')).toBe(true);
    expect(mayBeOneOf(mask, 'TE')).toBe(true);
    expect(mayBeOneOf(mask, 'Date')).toBe(false);
    expect(mayBeOneOf(mask, 'Content-Type')).toBe(false);
    expect(mayBeOneOf(mask, 'x'.repeat(31))).toBe(true);
  });
});
