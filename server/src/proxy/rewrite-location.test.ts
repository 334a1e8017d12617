import { describe, expect, it } from 'vitest';
import { rewriteLocation } from './rewrite-location.ts';

const UPSTREAM = 'http://1c-web:8080';
const PUBLIC = 'https://1c.example.com';

describe('rewriteLocation', () => {
  it('points a redirect to the origin at the same path on the public origin', () => {
    expect(rewriteLocation('http://1c-web:8080/buh/ru_RU/?a=1#x', UPSTREAM, PUBLIC)).toBe(
      'https://1c.example.com/buh/ru_RU/?a=1#x',
    );
  });

  it('leaves relative locations and other hosts alone', () => {
    expect(rewriteLocation('/buh/ru_RU/', UPSTREAM, PUBLIC)).toBe('/buh/ru_RU/');
    expect(rewriteLocation('ru_RU/', UPSTREAM, PUBLIC)).toBe('ru_RU/');
    expect(rewriteLocation('https://sso.example.com/login', UPSTREAM, PUBLIC)).toBe(
      'https://sso.example.com/login',
    );
    expect(rewriteLocation('http://1c-web:8081/buh/', UPSTREAM, PUBLIC)).toBe('http://1c-web:8081/buh/');
  });
});
