import { describe, expect, it } from 'vitest';
import { dropHopByHop, forwardedHeaders } from './forwarded-headers.ts';

describe('forwardedHeaders', () => {
  const publicURL = new URL('https://1c.example.com/buh/ru_RU/');

  it('drops hop-by-hop headers, those Connection names, and Host', () => {
    const incoming = new Headers({
      connection: 'keep-alive, x-hop',
      'keep-alive': 'timeout=5',
      'x-hop': '1',
      te: 'trailers',
      upgrade: 'websocket',
      'proxy-authorization': 'Basic x',
      host: '1c.example.com',
      cookie: 'ibsession=1',
      authorization: 'Basic dXNlcjpwYXNz',
    });
    const headers = forwardedHeaders(incoming, { clientAddress: undefined, publicURL });
    for (const name of [
      'connection',
      'keep-alive',
      'x-hop',
      'te',
      'upgrade',
      'proxy-authorization',
      'host',
    ]) {
      expect(headers.has(name), name).toBe(false);
    }
    // End-to-end headers, including the 1C login, reach the origin.
    expect(headers.get('cookie')).toBe('ibsession=1');
    expect(headers.get('authorization')).toBe('Basic dXNlcjpwYXNz');
  });

  it('sets X-Forwarded-Proto/-Host and appends the client to X-Forwarded-For', () => {
    const headers = forwardedHeaders(new Headers({ 'x-forwarded-for': '10.0.0.1' }), {
      clientAddress: '192.0.2.7',
      publicURL,
    });
    expect(headers.get('x-forwarded-for')).toBe('10.0.0.1, 192.0.2.7');
    expect(headers.get('x-forwarded-proto')).toBe('https');
    expect(headers.get('x-forwarded-host')).toBe('1c.example.com');
  });

  it('asks the origin for gzip (which fetch decodes on both runtimes) or nothing', () => {
    const ask = (acceptEncoding: string) =>
      forwardedHeaders(new Headers({ 'accept-encoding': acceptEncoding }), {
        clientAddress: undefined,
        publicURL,
      }).get('accept-encoding');
    expect(ask('gzip, deflate, br, zstd')).toBe('gzip');
    expect(ask('br')).toBe('identity');
    expect(ask('')).toBe('identity');
  });

  it('dropHopByHop works on response headers and keeps every Set-Cookie', () => {
    const headers = new Headers([
      ['transfer-encoding', 'chunked'],
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
    ]);
    dropHopByHop(headers);
    expect(headers.has('transfer-encoding')).toBe(false);
    expect(headers.getSetCookie()).toEqual(['a=1', 'b=2']);
  });
});
