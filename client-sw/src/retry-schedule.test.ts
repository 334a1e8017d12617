import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retryDelaySeconds } from './retry-schedule.ts';

describe('retryDelaySeconds', () => {
  it('starts at 10 s and doubles up to 60 s by default', () => {
    const schedule = { retryInitialSeconds: 10, retryMaxSeconds: 60 };
    expect([0, 1, 2, 3, 4, 5].map((attempt) => retryDelaySeconds(attempt, schedule))).toEqual([
      10, 20, 40, 60, 60, 60,
    ]);
  });

  it('never exceeds the cap, never shrinks, and survives very many attempts', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.nat(10_000),
        (initial, extra, attempt) => {
          const schedule = { retryInitialSeconds: initial, retryMaxSeconds: initial + extra };
          const delay = retryDelaySeconds(attempt, schedule);
          expect(delay).toBeGreaterThanOrEqual(initial);
          expect(delay).toBeLessThanOrEqual(initial + extra);
          expect(retryDelaySeconds(attempt + 1, schedule)).toBeGreaterThanOrEqual(delay);
        },
      ),
    );
  });
});
