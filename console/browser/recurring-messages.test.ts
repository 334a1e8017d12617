import { describe, expect, it } from 'vitest';
import type { Message } from '../../contract/message.ts';
import { messageLists } from './message-lists.ts';
import { type ListedSchedule, recurringMessages } from './recurring-messages.ts';

const NOW = Date.parse('2026-11-27T22:30:00Z');

const schedule: ListedSchedule = {
  id: 's1',
  name: 'Ночное копирование',
  cron: '0 1 * * *',
  durationMinutes: 60,
  timeZone: 'Europe/Moscow',
  bases: ['*'],
  text: { ru: 'Идёт резервное копирование, вход после {until}.' },
  severity: 'maintenance',
  enabled: true,
  exceptions: [{ occurrence: '2026-11-29T01:00:00+03:00', action: 'skip' }],
  createdAt: '2026-11-20T12:00:00+03:00',
  updatedAt: '2026-11-20T12:00:00+03:00',
  createdBy: 'ops',
  version: 2,
  occurrences: [
    {
      scheduleId: 's1',
      occurrence: '2026-11-28T01:00:00+03:00',
      startsAt: '2026-11-28T01:00:00+03:00',
      displayUntil: '2026-11-28T02:00:00+03:00',
      status: 'planned',
    },
    {
      scheduleId: 's1',
      occurrence: '2026-11-29T01:00:00+03:00',
      startsAt: '2026-11-29T01:00:00+03:00',
      displayUntil: '2026-11-29T02:00:00+03:00',
      status: 'skipped',
    },
  ],
};

const info: Message = {
  id: 'm1',
  text: { ru: 'Обновим справочники.' },
  bases: ['buh'],
  startsAt: '2026-11-28T00:00:00+03:00',
  displayUntil: '2026-11-28T03:00:00+03:00',
  severity: 'info',
  createdAt: '2026-11-27T20:00:00+03:00',
  updatedAt: '2026-11-27T20:00:00+03:00',
  createdBy: 'ops',
  version: 1,
};

describe('occurrences of recurring windows among the messages', () => {
  it('are the messages the service shows for them, skipped ones left out', () => {
    const listed = recurringMessages([schedule]);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      id: 's1@2026-11-27T22:00:00.000Z',
      severity: 'maintenance',
      bases: ['*'],
      startsAt: '2026-11-28T01:00:00+03:00',
      createdBy: 'schedule:Ночное копирование',
      recurring: { scheduleId: 's1', name: 'Ночное копирование', occurrence: '2026-11-28T01:00:00+03:00' },
    });
  });

  it('show as "shown now" while on, and win over a milder message the way /startup-error picks', () => {
    const at = Date.parse('2026-11-27T22:30:00Z');
    const lists = messageLists([info, ...recurringMessages([schedule])], ['buh', 'zup'], at);
    expect(lists.active.map((shown) => shown.message.id)).toEqual(['s1@2026-11-27T22:00:00.000Z', 'm1']);
    expect(lists.active[0]?.shownFor).toEqual(['*', 'buh', 'zup']);
    expect(lists.active[1]?.shownFor).toEqual([]);
    expect(messageLists(recurringMessages([schedule]), [], NOW - 3_600_000).upcoming).toHaveLength(1);
  });
});
