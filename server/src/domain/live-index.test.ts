import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../contract/message.ts';
import { LiveIndex } from './live-index.ts';
import { ShardedMap } from './sharded-map.ts';

const T0 = Date.parse('2026-11-23T06:00:00Z');
const MIN = 60_000;

function message(
  id: string,
  start: number,
  end: number,
  bases: readonly string[],
  language: string,
): Message {
  return {
    id,
    text: { [language]: `Текст ${id}` },
    bases: bases as ['*'],
    startsAt: new Date(T0 + start * MIN).toISOString(),
    displayUntil: new Date(T0 + end * MIN).toISOString(),
    severity: 'info',
    createdAt: new Date(T0).toISOString(),
    updatedAt: new Date(T0).toISOString(),
    createdBy: 'ops',
    version: 1,
  };
}

/** What an index says, in plain data, for comparing two ways of building it. */
function described(index: LiveIndex, keys: string[]) {
  return {
    ids: index
      .messages()
      .map((m) => m.id)
      .sort(),
    buckets: keys.map((key) =>
      index
        .bucket(key)
        .map((m) => m.id)
        .sort(),
    ),
    named: keys.map((key) => index.names(key)),
    boundaries: [-1, 0, 5, 10, 30, 59, 60, 120].map((at) => index.nextBoundary(T0 + at * MIN)),
    languages: index.languages().sort(),
    size: index.size,
  };
}

const KEYS = ['*', 'buh', 'zup', 'sklad'];
const change = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
  start: fc.integer({ min: 0, max: 60 }),
  length: fc.integer({ min: 1, max: 60 }),
  bases: fc.constantFrom(['*'], ['buh'], ['zup', 'sklad'], ['buh', 'zup']),
  language: fc.constantFrom('ru', 'en', 'lv'),
  remove: fc.boolean(),
});

describe('LiveIndex', () => {
  it('built change by change says the same as built at once from the result', () => {
    fc.assert(
      fc.property(fc.array(fc.array(change, { maxLength: 4 }), { maxLength: 12 }), (batches) => {
        let index = LiveIndex.of([]);
        const current = new Map<string, Message>();
        for (const batch of batches) {
          const changed: Message[] = [];
          const removedIds: string[] = [];
          for (const c of batch) {
            if (c.remove) {
              removedIds.push(c.id);
              current.delete(c.id);
            } else {
              const m = message(c.id, c.start, c.start + c.length, c.bases, c.language);
              changed.push(m);
              current.set(c.id, m);
            }
          }
          // A message both removed and set in one batch: the set wins, as in the store's change list.
          for (const m of changed) current.set(m.id, m);
          index = index.with(
            [...new Map(changed.map((m) => [m.id, m])).values()],
            removedIds.filter((id) => !changed.some((m) => m.id === id)),
          );
        }
        expect(described(index, KEYS)).toEqual(described(LiveIndex.of(current.values()), KEYS));
      }),
      { numRuns: 300 },
    );
  });

  it('drops what ended, and finds the next start or end', () => {
    const index = LiveIndex.of([message('a', 0, 10, ['buh'], 'ru'), message('b', 5, 30, ['*'], 'en')]);
    expect(index.nextBoundary(T0 - 1)).toBe(T0);
    expect(index.nextBoundary(T0 + 5 * MIN)).toBe(T0 + 10 * MIN);
    expect(index.nextBoundary(T0 + 30 * MIN)).toBeUndefined();
    const later = index.endedBy(T0 + 10 * MIN);
    expect(later.messages().map((m) => m.id)).toEqual(['b']);
    expect(later.names('buh')).toBe(false);
    expect(later.languages()).toEqual(['en']);
    expect(index.endedBy(T0)).toBe(index);
  });
});

describe('ShardedMap', () => {
  it('changes only the new version; the old one stays as it was', () => {
    const first = ShardedMap.of(Array.from({ length: 500 }, (_, i) => [`k${i}`, i] as const));
    const second = first.with([
      ['k1', 100],
      ['k2', undefined],
      ['new', 7],
    ]);
    expect([first.get('k1'), first.get('k2'), first.has('new'), first.size]).toEqual([1, 2, false, 500]);
    expect([second.get('k1'), second.has('k2'), second.get('new'), second.size]).toEqual([
      100,
      false,
      7,
      500,
    ]);
    expect([...second.values()]).toHaveLength(500);
  });
});
