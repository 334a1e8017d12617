import { describe, expect, it } from 'vitest';
import { TurnGate } from './turn-gate.ts';

describe('TurnGate', () => {
  it('lets one job in at a time, the others in the order they came, each on a later turn', async () => {
    const gate = new TurnGate();
    const order: string[] = [];
    const job = async (name: string) => {
      expect(await gate.enter()).toBe(true);
      order.push(`${name} in`);
      await Promise.resolve();
      order.push(`${name} out`);
      gate.leave();
    };
    await Promise.all([job('a'), job('b'), job('c')]);
    expect(order).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out']);
  });

  it('refuses a job when the line is full, and takes jobs again once it moves', async () => {
    const gate = new TurnGate(2);
    expect(await gate.enter()).toBe(true);
    const waiting = [gate.enter(), gate.enter()];
    expect(await gate.enter()).toBe(false);
    gate.leave();
    expect(await waiting[0]).toBe(true);
    // One left in line: one more may join, the next is refused.
    const third = gate.enter();
    expect(await gate.enter()).toBe(false);
    gate.leave();
    expect(await waiting[1]).toBe(true);
    gate.leave();
    expect(await third).toBe(true);
    gate.leave();
    expect(await gate.enter()).toBe(true);
  });
});
