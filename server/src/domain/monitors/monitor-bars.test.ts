import { describe, expect, it } from 'vitest';
import type { Monitor } from '../../../../contract/monitor.ts';
import { baseMonitors, cellStarts, DAY_CELL_MS } from './monitor-bars.ts';

const now = Date.parse('2026-11-23T10:20:00Z');
const stamp = {
  createdAt: '2026-11-22T10:00:00+03:00',
  updatedAt: '2026-11-22T10:00:00+03:00',
  createdBy: 'admin',
  version: 1,
};
const monitor = (id: string, bases: Monitor['bases']): Monitor => ({
  id,
  name: id,
  kind: 'tcp',
  target: 'srv:1540',
  intervalSeconds: 30,
  timeoutSeconds: 5,
  failuresToDown: 3,
  successesToUp: 2,
  bases,
  severity: 'outage',
  enabled: true,
  ...stamp,
});

describe('availability bars', () => {
  const hours = cellStarts(now, DAY_CELL_MS, 24);
  const overview = {
    monitors: [monitor('agent', ['*']), monitor('web-buh', ['buh'])],
    states: new Map([
      [
        'web-buh',
        {
          monitorId: 'web-buh',
          state: 'down' as const,
          since: now - 600_000,
          failures: 20,
          successes: 0,
          dueAt: now,
          version: 9,
        },
      ],
    ]),
    stats: new Map([
      [
        'agent',
        { monitorId: 'agent', hours: hours.map((start) => ({ start, ok: 120, total: 120 })), quarters: [] },
      ],
      [
        'web-buh',
        {
          monitorId: 'web-buh',
          hours: [
            { start: hours[22] ?? 0, ok: 120, total: 120 },
            { start: hours[23] ?? 0, ok: 20, total: 40 },
          ],
          quarters: [],
        },
      ],
    ]),
    now,
    timeZone: 'Europe/Moscow',
  };

  it('a base shows its own monitors and those for all bases; cells sum their probes', () => {
    const buh = baseMonitors('buh', overview);
    expect(buh?.monitors.map((m) => [m.name, m.state])).toEqual([
      ['agent', 'unknown'],
      ['web-buh', 'down'],
    ]);
    expect(buh?.monitors[1]).toMatchObject({ since: '2026-11-23T13:10:00+03:00', uptime24h: 87.5 });
    expect(buh?.bars.day).toHaveLength(24);
    expect(buh?.bars.day.at(-1)).toEqual({
      start: '2026-11-23T13:00:00+03:00',
      state: 'partial',
      uptime: 87.5,
    });
    expect(buh?.bars.day.at(-2)?.state).toBe('up');
    expect(buh?.bars.week).toHaveLength(28);
    expect(buh?.bars.week.every((c) => c.state === 'none')).toBe(true);
    expect(baseMonitors('zup', overview)?.monitors.map((m) => m.name)).toEqual(['agent']);
  });

  it('a base nobody watches has no monitor section', () => {
    expect(baseMonitors('buh', { ...overview, monitors: [] })).toBeUndefined();
  });
});
