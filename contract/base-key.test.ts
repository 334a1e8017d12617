import { describe, expect, it } from 'vitest';
import { baseKeyFromPath } from './base-key.ts';

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
