import { describe, expect, it } from 'vitest';
import { constantTimeEqual, createTokenVerifier, sha256Hex, tokenEntriesFromEnv } from './admin-token.ts';
import { AuthThrottle } from './auth-throttle.ts';

describe('admin tokens', () => {
  it('maps each token to its label, keeping only hashes', async () => {
    const entries = await tokenEntriesFromEnv(' anna:token-of-anna , boris:token:with:colons,plain-token ');
    expect(entries.map((e) => e.label)).toEqual(['anna', 'boris', 'admin']);
    expect(JSON.stringify(entries)).not.toContain('token-of-anna');
    expect(entries[1]?.sha256).toBe(await sha256Hex('token:with:colons'));
    const verify = createTokenVerifier(entries);
    expect(await verify('token-of-anna')).toBe('anna');
    expect(await verify('token:with:colons')).toBe('boris');
    expect(await verify('plain-token')).toBe('admin');
    expect(await verify('token-of-ann')).toBeUndefined();
    expect(await verify('')).toBeUndefined();
    expect(await createTokenVerifier([])('anything')).toBeUndefined();
  });

  it('compares strings of any length without an early exit', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
  });
});

describe('AuthThrottle', () => {
  it('blocks an address after the limit within the window, and forgets old failures', () => {
    const throttle = new AuthThrottle({ limit: 3, windowMs: 1000 });
    for (const at of [0, 100, 200]) throttle.recordFailure('10.0.0.1', at);
    expect(throttle.retryAfter('10.0.0.1', 300)).toBe(700);
    expect(throttle.retryAfter('10.0.0.2', 300)).toBe(0);
    expect(throttle.retryAfter('10.0.0.1', 1000)).toBe(0);
  });

  it('keeps memory bounded by forgetting the oldest addresses', () => {
    const throttle = new AuthThrottle({ limit: 1, windowMs: 1000, maxAddresses: 2 });
    throttle.recordFailure('a', 0);
    throttle.recordFailure('b', 0);
    throttle.recordFailure('c', 0);
    expect(throttle.retryAfter('a', 1)).toBe(0);
    expect(throttle.retryAfter('c', 1)).toBeGreaterThan(0);
  });
});
