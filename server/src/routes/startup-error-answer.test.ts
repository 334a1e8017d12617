import { describe, expect, it } from 'vitest';
import { startupErrorBaseKey } from './startup-error-answer.ts';

describe('startupErrorBaseKey', () => {
  it.each([
    ['/startup-error', '*'],
    ['/startup-error.json', '*'],
    ['/startup-error/', '*'],
    ['/startup-error/buh', 'buh'],
    ['/startup-error/buh.json', 'buh'],
    ['/startup-error/BUH.JSON', 'BUH'],
    ['/startup-error/buh.json/ru_RU', 'buh'],
    ['/startup-error/buh/ru_RU/', 'buh'],
    ['/startup-error/zup.jsonp', 'zup.jsonp'],
    ['/startup-error/a.json.json', '*'],
    ['/startup-error/%D0%B1%D1%83%D1%85', '*'],
    ['/startup-error/b%75h', 'buh'],
  ])('%s → %s', (path, key) => {
    expect(startupErrorBaseKey(path)).toBe(key);
  });
});
