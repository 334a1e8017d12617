import { describe, expect, it } from 'vitest';
import type { Message } from '../../contract/message.ts';
import { messageLists, shownWhere } from './message-lists.ts';

const NOW = Date.parse('2026-11-27T12:00:00Z');

function message(id: string, fields: Partial<Message>): Message {
  return {
    id,
    text: { ru: id },
    bases: ['*'],
    startsAt: '2026-11-27T10:00:00Z',
    displayUntil: '2026-11-27T14:00:00Z',
    severity: 'info',
    createdAt: '2026-11-27T10:00:00Z',
    updatedAt: '2026-11-27T10:00:00Z',
    createdBy: 'ops',
    version: 1,
    ...fields,
  };
}

describe('messageLists', () => {
  const outage = message('outage-buh', { bases: ['buh'], severity: 'outage' });
  const newerInfo = message('info-all', { createdAt: '2026-11-27T11:00:00Z' });
  const olderInfo = message('old-info', { createdAt: '2026-11-27T09:00:00Z' });
  const planned = message('planned', {
    startsAt: '2026-11-28T10:00:00Z',
    displayUntil: '2026-11-28T12:00:00Z',
  });
  const ended = message('ended', { startsAt: '2026-11-26T10:00:00Z', displayUntil: '2026-11-26T12:00:00Z' });
  const lists = messageLists([newerInfo, olderInfo, planned, outage, ended], ['buh', 'zup'], NOW);

  it('orders "shown now" the way /startup-error picks: most severe first, then the newest', () => {
    expect(lists.active.map((shown) => shown.message.id)).toEqual(['outage-buh', 'info-all', 'old-info']);
    expect(lists.upcoming.map((m) => m.id)).toEqual(['planned']);
    expect(lists.past.map((m) => m.id)).toEqual(['ended']);
  });

  it('marks for which bases each message is the one users see', () => {
    const [first, second, third] = lists.active;
    expect(first?.shownFor).toEqual(['buh']);
    expect(second?.shownFor).toEqual(['*', 'zup']);
    expect(third?.shownFor).toEqual([]);
    expect(second && shownWhere(second, ['buh', 'zup'])).toEqual({
      everywhere: false,
      bases: ['zup'],
      otherBases: true,
    });
    const alone = messageLists([newerInfo], ['buh'], NOW).active[0];
    expect(alone && shownWhere(alone, ['buh']).everywhere).toBe(true);
  });
});
