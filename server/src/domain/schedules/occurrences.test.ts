import { describe, expect, it } from 'vitest';
import { isoInZone } from '../../../../contract/local-time.ts';
import type { Schedule } from '../../../../contract/schedule.ts';
import { cronProblem, occurrencesBetween, recurringMessages } from './occurrences.ts';
import { clearException, createSchedule, setException } from './schedule-changes.ts';

const ctx = { now: Date.parse('2026-03-01T00:00:00Z'), actor: 'admin', timeZone: 'Europe/Riga' };

function schedule(overrides: Partial<Schedule> = {}): Schedule {
  const made = createSchedule(
    {
      name: 'Nightly backup',
      cron: '0 1 * * *',
      durationMinutes: 60,
      bases: ['*'],
      text: { ru: 'Идёт резервное копирование. Вход снова будет доступен после {until}.' },
    },
    'backup',
    ctx,
  );
  if (!made.ok) throw new Error(JSON.stringify(made.problems));
  return { ...made.schedule, ...overrides };
}

const local = (ms: number) => isoInZone(ms, 'Europe/Riga');

describe('recurring windows', () => {
  it('a daily 01:00 window in Europe/Riga stays at 01:00 local across the March change', () => {
    const found = occurrencesBetween(
      schedule(),
      Date.parse('2026-03-27T12:00:00Z'),
      Date.parse('2026-03-31T12:00:00Z'),
    );
    expect(found.map((o) => local(o.startsAt))).toEqual([
      '2026-03-28T01:00:00+02:00',
      '2026-03-29T01:00:00+02:00',
      '2026-03-30T01:00:00+03:00',
      '2026-03-31T01:00:00+03:00',
    ]);
    expect(found.map((o) => local(o.displayUntil))[2]).toBe('2026-03-30T02:00:00+03:00');
  });

  it('… and across the October change', () => {
    const found = occurrencesBetween(
      schedule(),
      Date.parse('2026-10-23T12:00:00Z'),
      Date.parse('2026-10-27T12:00:00Z'),
    );
    expect(found.map((o) => local(o.startsAt))).toEqual([
      '2026-10-24T01:00:00+03:00',
      '2026-10-25T01:00:00+03:00',
      '2026-10-26T01:00:00+02:00',
      '2026-10-27T01:00:00+02:00',
    ]);
  });

  it('a window at 03:30, an hour that does not exist on the March change day, comes at 04:00 that day; the doubled hour in October comes once', () => {
    const early = schedule({ cron: '30 3 * * *' });
    const march = occurrencesBetween(
      early,
      Date.parse('2026-03-28T12:00:00Z'),
      Date.parse('2026-03-30T12:00:00Z'),
    );
    expect(march.map((o) => local(o.startsAt))).toEqual([
      '2026-03-29T04:00:00+03:00',
      '2026-03-30T03:30:00+03:00',
    ]);
    const october = occurrencesBetween(
      early,
      Date.parse('2026-10-24T12:00:00Z'),
      Date.parse('2026-10-26T12:00:00Z'),
    );
    expect(october.map((o) => local(o.startsAt))).toEqual([
      '2026-10-25T03:30:00+03:00',
      '2026-10-26T03:30:00+02:00',
    ]);
  });

  it('lists an occurrence that began before the range but is still shown, and respects startsFrom/endsAt', () => {
    const s = schedule({ startsFrom: '2026-04-02T00:00:00+03:00', endsAt: '2026-04-04T00:00:00+03:00' });
    const inside = occurrencesBetween(
      s,
      Date.parse('2026-04-02T22:30:00Z'),
      Date.parse('2026-04-10T00:00:00Z'),
    );
    expect(inside.map((o) => local(o.startsAt))).toEqual(['2026-04-03T01:00:00+03:00']);
    const during = occurrencesBetween(
      s,
      Date.parse('2026-04-02T22:30:00Z'),
      Date.parse('2026-04-02T22:31:00Z'),
    );
    expect(during).toHaveLength(1);
  });

  it('skips one occurrence and moves another; clearing an exception brings the occurrence back', () => {
    const base = schedule();
    const skipped = setException(base, { occurrence: '2026-03-10T01:00:00+02:00', action: 'skip' }, ctx);
    if (!skipped.ok) throw new Error(JSON.stringify(skipped.problems));
    const moved = setException(
      skipped.schedule,
      { occurrence: '2026-03-11T01:00:00+02:00', action: 'move', startsAt: '2026-03-11T23:00:00+02:00' },
      ctx,
    );
    if (!moved.ok) throw new Error(JSON.stringify(moved.problems));
    expect(moved.schedule.version).toBe(3);
    const range = [Date.parse('2026-03-09T12:00:00Z'), Date.parse('2026-03-12T12:00:00Z')] as const;
    const found = occurrencesBetween(moved.schedule, ...range);
    expect(found.map((o) => [local(o.startsAt), o.status])).toEqual([
      ['2026-03-10T01:00:00+02:00', 'skipped'],
      ['2026-03-11T23:00:00+02:00', 'moved'],
      ['2026-03-12T01:00:00+02:00', 'planned'],
    ]);
    const shown = recurringMessages([moved.schedule], ...range);
    expect(shown.map((m) => m.startsAt)).toEqual(['2026-03-11T23:00:00+02:00', '2026-03-12T01:00:00+02:00']);
    expect(shown[0]).toMatchObject({
      severity: 'maintenance',
      createdBy: 'schedule:Nightly backup',
      bases: ['*'],
    });

    const restored = clearException(moved.schedule, Date.parse('2026-03-10T01:00:00+02:00'), ctx);
    expect(occurrencesBetween(restored as Schedule, ...range).map((o) => o.status)).toEqual([
      'planned',
      'moved',
      'planned',
    ]);
  });

  it('refuses an exception for a time that is not an occurrence', () => {
    const refused = setException(
      schedule(),
      { occurrence: '2026-03-10T02:00:00+02:00', action: 'skip' },
      ctx,
    );
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems[0]?.path).toBe('occurrence');
  });

  it('explains a bad cron pattern in plain words', () => {
    expect(cronProblem('0 1 * *', 'Europe/Riga')).toMatch(/five fields/);
    expect(cronProblem('61 1 * * *', 'Europe/Riga')).toMatch(/not a cron pattern.*minute/);
    expect(cronProblem('0 22 * * 0', 'Europe/Riga')).toBeUndefined();
    expect(cronProblem('0 0 30 2 *', 'Europe/Riga')).toMatch(/never/);
  });

  it('a disabled window shows nothing', () => {
    expect(occurrencesBetween(schedule({ enabled: false }), 0, Date.parse('2030-01-01T00:00:00Z'))).toEqual(
      [],
    );
  });
});
