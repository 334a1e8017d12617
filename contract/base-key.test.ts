import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BaseKey, baseKeyFromPath } from './base-key.ts';

describe('baseKeyFromPath', () => {
  it('takes the first path segment', () => {
    expect(baseKeyFromPath('/buh/ru_RU/')).toBe('buh');
    expect(baseKeyFromPath('/zup')).toBe('zup');
    expect(baseKeyFromPath('/ut-11.5/e1cib/login')).toBe('ut-11.5');
    expect(baseKeyFromPath('/b%75h/')).toBe('buh');
  });

  it('has no base for the root or a segment that cannot be a base key', () => {
    expect(baseKeyFromPath('/')).toBeUndefined();
    expect(baseKeyFromPath('//x')).toBeUndefined();
    expect(baseKeyFromPath('/%E0%A4%A/')).toBeUndefined(); // malformed escape
    expect(baseKeyFromPath('/бух/')).toBeUndefined();
    expect(baseKeyFromPath('/data.json')).toBeUndefined();
    expect(baseKeyFromPath('')).toBeUndefined();
    expect(baseKeyFromPath('.json')).toBeUndefined();
    expect(baseKeyFromPath(`/${'a'.repeat(65)}`)).toBeUndefined();
  });
});

describe('baseKeyFromPath agrees with the BaseKey schema', () => {
  it('for any segment', () => {
    const segment = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,70}$/),
      fc.constantFrom('buh.json', 'BUH.JSON', 'a.jsonx', '.buh', 'x'.repeat(65)),
      fc.string({ maxLength: 20 }).filter((text) => !text.includes('/') && !text.includes('%')),
    );
    fc.assert(
      fc.property(segment, (key) => {
        expect(baseKeyFromPath(`/${key}/ru_RU/`) !== undefined).toBe(BaseKey.safeParse(key).success);
      }),
    );
  });
});
