import { describe, expect, it } from 'vitest';
import { parseUpstreamURL } from './upstream-url.ts';

describe('parseUpstreamURL', () => {
  it('accepts an http(s) origin, with or without the trailing slash', () => {
    expect(parseUpstreamURL('http://1c-web.local:8080').origin).toBe('http://1c-web.local:8080');
    expect(parseUpstreamURL('https://1c.example.com/').origin).toBe('https://1c.example.com');
  });

  it('refuses what is not an origin, saying what to write instead', () => {
    expect(() => parseUpstreamURL('1c-web.local')).toThrow(/not a URL.*e\.g\. http:\/\/1c-web\.local:8080/);
    expect(() => parseUpstreamURL('ftp://1c-web.local')).toThrow(/http:\/\/ or https:\/\//);
    expect(() => parseUpstreamURL('http://1c-web.local/buh/')).toThrow(/origin only.*http:\/\/1c-web\.local/);
    expect(() => parseUpstreamURL('http://user:pw@1c-web.local')).toThrow(/origin only/);
  });
});
