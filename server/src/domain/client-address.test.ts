import { describe, expect, it } from 'vitest';
import { forwardedClientAddress } from './client-address.ts';

describe('forwardedClientAddress', () => {
  it('takes the entry the proxy appended (rightmost), never one the client wrote', () => {
    expect(forwardedClientAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(forwardedClientAddress('1.2.3.4, 5.6.7.8, 203.0.113.7')).toBe('203.0.113.7');
    expect(forwardedClientAddress(' 1.2.3.4 ,2001:db8::1 ')).toBe('2001:db8::1');
  });

  it('has no address for a missing or empty header', () => {
    expect(forwardedClientAddress(undefined)).toBeUndefined();
    expect(forwardedClientAddress('')).toBeUndefined();
    expect(forwardedClientAddress('1.2.3.4, ')).toBeUndefined();
  });
});
