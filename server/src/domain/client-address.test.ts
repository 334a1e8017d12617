import { describe, expect, it } from 'vitest';
import { clientAddressOf, forwardedClientAddress } from './client-address.ts';

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

describe('clientAddressOf', () => {
  const socket = () => '127.0.0.1';
  it('believes X-Forwarded-For only behind a trusted proxy, else the connection', () => {
    expect(clientAddressOf(true, '6.6.6.6, 198.51.100.9', socket)).toBe('198.51.100.9');
    expect(clientAddressOf(false, '6.6.6.6, 198.51.100.9', socket)).toBe('127.0.0.1');
    expect(clientAddressOf(true, undefined, socket)).toBe('127.0.0.1');
    expect(clientAddressOf(true, '1.2.3.4, ', socket)).toBe('127.0.0.1');
  });
});
