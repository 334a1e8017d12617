import { describe, expect, it } from 'vitest';
import { isNavigation } from './navigation.ts';

const request = (method: string, headers: Record<string, string>) =>
  new Request('http://proxy.local/buh/', { method, headers });

describe('isNavigation', () => {
  it('trusts Sec-Fetch-Mode when the browser sends it', () => {
    expect(isNavigation(request('GET', { 'sec-fetch-mode': 'navigate' }))).toBe(true);
    expect(isNavigation(request('POST', { 'sec-fetch-mode': 'navigate' }))).toBe(true);
    expect(isNavigation(request('GET', { 'sec-fetch-mode': 'cors', accept: 'text/html' }))).toBe(false);
  });

  it('otherwise counts a GET or HEAD that asks for HTML', () => {
    expect(isNavigation(request('GET', { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }))).toBe(true);
    expect(isNavigation(request('HEAD', { accept: 'text/html' }))).toBe(true);
    expect(isNavigation(request('POST', { accept: 'text/html' }))).toBe(false);
    expect(isNavigation(request('GET', { accept: 'application/json' }))).toBe(false);
    expect(isNavigation(request('GET', {}))).toBe(false);
  });
});
