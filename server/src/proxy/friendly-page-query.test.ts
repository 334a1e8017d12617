import { describe, expect, it } from 'vitest';
import { friendlyPagePath, parseFriendlyPageQuery } from './friendly-page-query.ts';

const parse = (query: Record<string, string>, originalURI?: string) =>
  parseFriendlyPageQuery((name) => query[name], originalURI);
/** The page to return to, from a query that parses. */
const urlOf = (query: Record<string, string>, originalURI?: string) => {
  const parsed = parse(query, originalURI);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.url;
};

describe('parseFriendlyPageQuery', () => {
  it("reads nginx's variables as they come", () => {
    expect(parse({ status: '502', reason: 'refused', seconds: '0.000' }, '/buh/ru_RU/?a=1&b=2')).toEqual({
      failure: { kind: 'refused' },
      status: 502,
      url: '/buh/ru_RU/?a=1&b=2',
    });
    expect(parse({ status: '504', reason: 'timeout', seconds: '120.004' })).toEqual({
      failure: { kind: 'timeout', seconds: 120 },
      status: 504,
      url: undefined,
    });
    // The 1C web server answered 503 itself (reason empty); two upstreams tried: the last counts.
    expect(parse({ status: '502, 503', reason: '', seconds: '0.010, 0.002' })).toMatchObject({
      failure: { kind: 'server-error', status: 503 },
      status: 503,
    });
    expect(parse({ status: '-' })).toMatchObject({ failure: { kind: 'refused' }, status: 502 });
    expect(parse({})).toMatchObject({ failure: { kind: 'refused' }, status: 502 });
    expect(parse({ reason: 'timeout' })).toMatchObject({ failure: { kind: 'timeout' }, status: 504 });
  });

  it('says which parameter is wrong and what to write', () => {
    expect(parse({ status: '200' })).toEqual({
      error: expect.stringMatching(/^status "200" must be .* 500 to 599/),
    });
    expect(parse({ reason: 'down' })).toEqual({
      error: 'reason "down" must be "refused", "timeout" or empty',
    });
    expect(parse({ seconds: 'soon' })).toEqual({ error: expect.stringMatching(/^seconds "soon" must be/) });
  });

  it('takes only a path on the same site as the page to return to', () => {
    expect(urlOf({ url: '/buh/e1cib/start?x=%D0%AF' })).toBe('/buh/e1cib/start?x=%D0%AF');
    for (const unsafe of [
      'https://evil.example/',
      '//evil.example/',
      '/\\evil.example',
      'javascript:alert(1)',
      '/a\nb',
    ]) {
      expect(urlOf({ url: unsafe }), unsafe).toBeUndefined();
      expect(urlOf({}, unsafe), unsafe).toBeUndefined();
    }
    // The query parameter wins over nginx's header.
    expect(urlOf({ url: '/zup/' }, '/buh/')).toBe('/zup/');
  });

  it('friendlyPagePath asks for what it means, and reads back the same', () => {
    const path = friendlyPagePath('buh', { kind: 'timeout', seconds: 1.5 }, '/buh/ru_RU/?a=1&b=2', 'en');
    expect(path).toBe(
      '/friendly/buh?reason=timeout&seconds=1.5&url=%2Fbuh%2Fru_RU%2F%3Fa%3D1%26b%3D2&lang=en',
    );
    const query = new URL(path, 'http://service').searchParams;
    expect(parseFriendlyPageQuery((name) => query.get(name) ?? undefined, undefined)).toEqual({
      failure: { kind: 'timeout', seconds: 1.5 },
      status: 504,
      url: '/buh/ru_RU/?a=1&b=2',
    });
    expect(friendlyPagePath(undefined, { kind: 'server-error', status: 503 }, '/')).toBe(
      '/friendly?status=503&url=%2F',
    );
  });
});
