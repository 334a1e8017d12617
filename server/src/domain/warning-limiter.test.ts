import { describe, expect, it } from 'vitest';
import { WarningLimiter } from './warning-limiter.ts';

describe('WarningLimiter', () => {
  it('lets one line per key and window through and counts the rest for the next line', () => {
    const limiter = new WarningLimiter({ windowMs: 60_000, perWindow: 20 });
    expect(limiter.allow('10.0.0.1', 0)).toEqual({ log: true, suppressed: 0 });
    for (let i = 1; i <= 50; i++) expect(limiter.allow('10.0.0.1', i * 100)).toEqual({ log: false });
    expect(limiter.allow('10.0.0.2', 6_000)).toEqual({ log: true, suppressed: 50 });
    expect(limiter.allow('10.0.0.1', 60_000)).toEqual({ log: true, suppressed: 0 });
  });

  it('caps the lines per window over all keys, so many addresses cannot flood the log either', () => {
    const limiter = new WarningLimiter({ windowMs: 60_000, perWindow: 3 });
    const logged = Array.from({ length: 100 }, (_, i) => limiter.allow(`10.0.${i}.1`, i).log);
    expect(logged.filter(Boolean)).toHaveLength(3);
    expect(limiter.allow('10.9.9.9', 60_000)).toEqual({ log: true, suppressed: 97 });
  });
});
