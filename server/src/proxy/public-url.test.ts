import { describe, expect, it } from 'vitest';
import { parsePublicURL } from './public-url.ts';

describe('parsePublicURL', () => {
  it('gives the origin, normalised', () => {
    expect(parsePublicURL('https://1C.Example.com/')).toBe('https://1c.example.com');
    expect(parsePublicURL(' https://1c.example.com:8443 ')).toBe('https://1c.example.com:8443');
    expect(parsePublicURL('http://status.local:80')).toBe('http://status.local');
  });

  it('refuses what cannot be an origin, saying what to write', () => {
    expect(() => parsePublicURL('1c.example.com')).toThrow(
      /PUBLIC_URL "1c.example.com" is not a URL.*e\.g\. https:/,
    );
    expect(() => parsePublicURL('ftp://1c.example.com')).toThrow(/must start with https:\/\//);
    expect(() => parsePublicURL('https://1c.example.com/help/')).toThrow(
      /must be an origin only .* e\.g\. https:\/\/1c\.example\.com:/,
    );
    expect(() => parsePublicURL('https://1c.example.com/?x=1')).toThrow(/origin only/);
  });
});
