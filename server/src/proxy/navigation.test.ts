import { describe, expect, it } from 'vitest';
import { isNavigation } from './navigation.ts';

const navigation = (method: string, headers: Record<string, string>) =>
  isNavigation(method, (name) => headers[name]);

describe('isNavigation', () => {
  it('trusts Sec-Fetch-Mode when the browser sends it', () => {
    expect(navigation('GET', { 'sec-fetch-mode': 'navigate' })).toBe(true);
    expect(navigation('POST', { 'sec-fetch-mode': 'navigate' })).toBe(true);
    expect(navigation('GET', { 'sec-fetch-mode': 'cors', accept: 'text/html' })).toBe(false);
  });

  it('otherwise counts a GET or HEAD that asks for HTML', () => {
    expect(navigation('GET', { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' })).toBe(true);
    expect(navigation('HEAD', { accept: 'text/html' })).toBe(true);
    expect(navigation('POST', { accept: 'text/html' })).toBe(false);
    expect(navigation('GET', { accept: 'application/json' })).toBe(false);
    expect(navigation('GET', {})).toBe(false);
  });
});
