import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { constantTimeEqual, createTokenVerifier, parseAdminTokens, sha256Hex } from './admin-token.ts';
import { AuthThrottle } from './auth-throttle.ts';

describe('admin tokens', () => {
  it('maps each token to its label, keeping only hashes', async () => {
    const parsed = await parseAdminTokens(
      ' anna:token-of-anna-0123456789ab , boris:token:with:colons-0123456789,plain-token-0123456789abcd ',
    );
    if (!parsed.ok) throw new Error(parsed.problem);
    const { entries } = parsed;
    expect(entries.map((e) => e.label)).toEqual(['anna', 'boris', 'admin']);
    expect(JSON.stringify(entries)).not.toContain('token-of-anna');
    expect(entries[1]?.sha256).toBe(await sha256Hex('token:with:colons-0123456789'));
    const verify = createTokenVerifier(entries);
    expect(await verify('token-of-anna-0123456789ab')).toBe('anna');
    expect(await verify('token:with:colons-0123456789')).toBe('boris');
    expect(await verify('plain-token-0123456789abcd')).toBe('admin');
    expect(await verify('token-of-anna-0123456789a')).toBeUndefined();
    expect(await verify('')).toBeUndefined();
    expect(await createTokenVerifier([])('anything')).toBeUndefined();
  });

  it("verifies with the runtime's own hash when given one (Node's agrees with Web Crypto)", async () => {
    const parsed = await parseAdminTokens('anna:token-of-anna-0123456789ab');
    if (!parsed.ok) throw new Error(parsed.problem);
    const hashed: string[] = [];
    const nodeHash = (text: string) => {
      hashed.push(text);
      return createHash('sha256').update(text).digest('hex');
    };
    const verify = createTokenVerifier(parsed.entries, nodeHash);
    expect(await verify('token-of-anna-0123456789ab')).toBe('anna');
    expect(await verify('token-of-anna-0123456789ac')).toBeUndefined();
    expect(hashed).toEqual(['token-of-anna-0123456789ab', 'token-of-anna-0123456789ac']);
    expect(nodeHash('пароль-ä')).toBe(await sha256Hex('пароль-ä'));
  });

  it('refuses a value no administrator could sign in with, naming the entry and never its token', async () => {
    const long = 'a-long-enough-token-0123456789';
    const cases: [string, RegExp][] = [
      ['x', /entry 1 has a token of 1 characters; use at least 24/],
      ['alice:', /entry 1 \("alice"\) has no token/],
      [`:${long}`, /entry 1 has an empty label/],
      [`alice:tok with space ${long}`, /entry 1 \("alice"\) has whitespace in its token/],
      [`alice:${long},bob:${long}`, /entry 2 \("bob"\) has the same token as "alice"/],
      [' , ', /ADMIN_TOKEN is empty/],
    ];
    for (const [value, expected] of cases) {
      const parsed = await parseAdminTokens(value);
      expect(parsed.ok, value).toBe(false);
      const problem = parsed.ok ? '' : parsed.problem;
      expect(problem, value).toMatch(expected);
      expect(problem, value).toContain('Fix ADMIN_TOKEN');
      expect(problem, value).not.toContain(long);
    }
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
