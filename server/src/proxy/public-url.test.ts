import { describe, expect, it } from 'vitest';
import { publicURLOf } from './public-url.ts';

const behindNginx = new Request('http://127.0.0.1:8787/buh/ru_RU/?a=1', {
  headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': '1C.example.com' },
});

describe('publicURLOf', () => {
  it('takes the scheme and host a trusted proxy reports', () => {
    expect(publicURLOf(behindNginx, true).href).toBe('https://1c.example.com/buh/ru_RU/?a=1');
  });

  it('ignores the headers unless told to trust them', () => {
    expect(publicURLOf(behindNginx, false).href).toBe('http://127.0.0.1:8787/buh/ru_RU/?a=1');
  });

  it('ignores values that are not a scheme or a host', () => {
    const odd = new Request('http://127.0.0.1:8787/buh/', {
      headers: { 'x-forwarded-proto': 'javascript', 'x-forwarded-host': 'evil.example/path?x' },
    });
    expect(publicURLOf(odd, true).href).toBe('http://127.0.0.1:8787/buh/');
  });

  it('takes the first of several hops (the one nearest the browser)', () => {
    const chain = new Request('http://10.0.0.2/buh/', {
      headers: { 'x-forwarded-proto': 'https, http', 'x-forwarded-host': '1c.example.com:8443, 10.0.0.2' },
    });
    expect(publicURLOf(chain, true).href).toBe('https://1c.example.com:8443/buh/');
  });
});
