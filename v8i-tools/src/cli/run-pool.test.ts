import { describe, expect, it } from 'vitest';
import { runPool } from './run-pool.ts';

describe('runPool', () => {
  it('never has more than the limit in flight and keeps the order', async () => {
    let inFlight = 0;
    let peak = 0;
    const results = await runPool(
      Array.from({ length: 50 }, (_, i) => i),
      4,
      async (i) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight--;
        return i * 2;
      },
    );
    expect(peak).toBe(4);
    expect(results).toEqual(Array.from({ length: 50 }, (_, i) => i * 2));
  });
});
