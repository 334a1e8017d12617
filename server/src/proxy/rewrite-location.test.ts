import { describe, expect, it } from 'vitest';
import { rewriteLocation } from './rewrite-location.ts';

const UPSTREAM = 'http://1c-web:8080';
const PUBLIC = 'https://1c.example.com';

describe('rewriteLocation', () => {
  it('points a redirect to the origin at the same path on PUBLIC_URL', () => {
    expect(rewriteLocation('http://1c-web:8080/buh/ru_RU/?a=1#x', UPSTREAM, PUBLIC)).toBe(
      'https://1c.example.com/buh/ru_RU/?a=1#x',
    );
    expect(rewriteLocation('HTTP://1C-WEB:8080', UPSTREAM, PUBLIC)).toBe('https://1c.example.com/');
    expect(rewriteLocation('http://1c-web:8080?x=1', UPSTREAM, PUBLIC)).toBe('https://1c.example.com/?x=1');
  });

  it('without PUBLIC_URL, makes it a path: the browser stays on the address it used, whatever Host it sent', () => {
    expect(rewriteLocation('http://1c-web:8080/buh/ru_RU/?a=1', UPSTREAM, undefined)).toBe('/buh/ru_RU/?a=1');
  });

  it('keeps the bytes after the origin as sent: raw UTF-8 is not encoded again', () => {
    // Node and Workers hand header values over as one char per byte.
    const raw = Buffer.from('http://1c-web:8080/buh/Отчёт?q=да', 'utf8').toString('latin1');
    const rewritten = rewriteLocation(raw, UPSTREAM, PUBLIC);
    expect(Buffer.from(rewritten, 'latin1').toString('utf8')).toBe('https://1c.example.com/buh/Отчёт?q=да');
  });

  it('leaves relative locations and other hosts alone', () => {
    expect(rewriteLocation('/buh/ru_RU/', UPSTREAM, PUBLIC)).toBe('/buh/ru_RU/');
    expect(rewriteLocation('ru_RU/', UPSTREAM, PUBLIC)).toBe('ru_RU/');
    expect(rewriteLocation('//1c-web:8080/buh/', UPSTREAM, PUBLIC)).toBe('//1c-web:8080/buh/');
    expect(rewriteLocation('https://sso.example.com/login', UPSTREAM, PUBLIC)).toBe(
      'https://sso.example.com/login',
    );
    expect(rewriteLocation('http://1c-web:8081/buh/', UPSTREAM, PUBLIC)).toBe('http://1c-web:8081/buh/');
    expect(rewriteLocation('http://[bad/buh/', UPSTREAM, PUBLIC)).toBe('http://[bad/buh/');
  });
});
