import { describe, expect, it } from 'vitest';
import { baseKeyFromPath } from './base-key-from-path.ts';

describe('baseKeyFromPath', () => {
  it('takes the first path segment', () => {
    expect(baseKeyFromPath('/buh/ru_RU/')).toBe('buh');
    expect(baseKeyFromPath('/zup')).toBe('zup');
    expect(baseKeyFromPath('/ut-11.5/e1cib/login')).toBe('ut-11.5');
  });

  it('has no base for the root or a segment that cannot be a base key', () => {
    expect(baseKeyFromPath('/')).toBeUndefined();
    expect(baseKeyFromPath('//x')).toBeUndefined();
    expect(baseKeyFromPath('/%E0%A4%A/')).toBeUndefined(); // malformed escape
    expect(baseKeyFromPath('/бух/')).toBeUndefined();
    expect(baseKeyFromPath('/data.json')).toBeUndefined();
  });
});
