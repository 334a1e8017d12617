import { describe, expect, it } from 'vitest';
import { upstreamFromEnv } from './upstream-env.ts';

describe('upstreamFromEnv', () => {
  it('is off without UPSTREAM_URL', () => {
    expect(upstreamFromEnv({}, undefined)).toBeUndefined();
    expect(upstreamFromEnv({ UPSTREAM_URL: '  ' }, undefined)).toBeUndefined();
  });

  it('reads the origin and the timeout', () => {
    expect(
      upstreamFromEnv({ UPSTREAM_URL: 'http://1c-web:8080', UPSTREAM_TIMEOUT_MS: '2500' }, undefined),
    ).toEqual({
      url: 'http://1c-web:8080',
      timeoutMs: 2500,
      kit: undefined,
    });
    expect(upstreamFromEnv({ UPSTREAM_URL: 'http://1c-web:8080' }, undefined)?.timeoutMs).toBeUndefined();
  });

  it('trusts X-Forwarded-Proto/-Host only with TRUST_PROXY', () => {
    const url = 'http://1c-web:8080';
    expect(upstreamFromEnv({ UPSTREAM_URL: url, TRUST_PROXY: '1' }, undefined)?.trustForwardedHeaders).toBe(
      true,
    );
    expect(
      upstreamFromEnv({ UPSTREAM_URL: url, TRUST_PROXY: 'true' }, undefined)?.trustForwardedHeaders,
    ).toBe(true);
    expect(upstreamFromEnv({ UPSTREAM_URL: url }, undefined)?.trustForwardedHeaders).toBeUndefined();
  });

  it('refuses values that would fail every request, saying what to write', () => {
    expect(() => upstreamFromEnv({ UPSTREAM_URL: 'http://1c-web:8080/buh' }, undefined)).toThrow(
      /origin only/,
    );
    expect(() =>
      upstreamFromEnv({ UPSTREAM_URL: 'http://1c', UPSTREAM_TIMEOUT_MS: '10s' }, undefined),
    ).toThrow(/UPSTREAM_TIMEOUT_MS "10s" must be whole milliseconds.*e\.g\. 10000/);
    expect(() => upstreamFromEnv({ UPSTREAM_URL: 'http://1c', UPSTREAM_TIMEOUT_MS: '0' }, undefined)).toThrow(
      /UPSTREAM_TIMEOUT_MS/,
    );
  });
});
