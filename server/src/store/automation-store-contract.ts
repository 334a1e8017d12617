import { beforeEach, describe, expect, it } from 'vitest';
import type { Channel } from '../../../contract/channel.ts';
import type { Monitor } from '../../../contract/monitor.ts';
import type { Schedule } from '../../../contract/schedule.ts';
import type { AutomationAudit } from '../domain/automation-store.ts';
import type { MonitorState } from '../domain/monitors/monitor-state.ts';
import type { NewDelivery } from '../domain/notifications/delivery-plan.ts';
import type { Store } from './store.ts';
import { type MakeStore, useFixtures } from './store-contract-fixtures.ts';

const T0 = Date.parse('2026-11-23T00:00:00Z');
const HOUR = 3_600_000;
const stamp = {
  createdAt: '2026-11-22T10:00:00+03:00',
  updatedAt: '2026-11-22T10:00:00+03:00',
  createdBy: 'admin',
  version: 1,
};
let auditIds = 0;
const audit = (action: AutomationAudit['action'], target: string): AutomationAudit => ({
  id: `a${++auditIds}`,
  at: new Date(T0 + auditIds).toISOString(),
  actor: 'ops',
  action,
  target,
});

export const sampleMonitor = (id: string, overrides: Partial<Monitor> = {}): Monitor => ({
  id,
  name: `Монитор ${id}`,
  kind: 'tcp',
  target: '1c-server.example.local:1540',
  intervalSeconds: 30,
  timeoutSeconds: 5,
  failuresToDown: 3,
  successesToUp: 2,
  bases: ['*'],
  severity: 'outage',
  enabled: true,
  ...stamp,
  ...overrides,
});

const state = (monitorId: string, version: number, overrides: Partial<MonitorState> = {}): MonitorState => ({
  monitorId,
  state: 'up',
  failures: 0,
  successes: 1,
  dueAt: T0,
  version,
  ...overrides,
});

const delivery = (id: string, eventId: string, channelId: string, createdAt = T0): NewDelivery => ({
  id,
  channelId,
  eventId,
  event: 'monitor.down',
  createdAt,
  payload: { subject: 'Не отвечает: агент', body: 'с 03:12', json: '{}' },
});

/**
 * The contract the automation tables keep on every driver (node:sqlite, D1): the same answers for
 * the same cases, versions guarding every write. Call it at the top level of a test file.
 */
export function defineAutomationStoreContract(label: string, makeStore: MakeStore): void {
  describe(`Store contract, monitors, recurring windows and notifications: ${label}`, () => {
    const open = useFixtures(makeStore);
    let store: Store;
    let reopen: () => Promise<Store>;
    /** The audit log, oldest first. */
    const auditLog = async () => (await store.listAudit({ limit: 1000 })).entries.reverse();
    beforeEach(async () => {
      ({ store, reopen } = await open());
    });

    it('keeps monitors, schedules and channels as written, versions guarding changes, with audit entries', async () => {
      const m = sampleMonitor('agent', { text: { ru: 'Сбой с {since}.' } });
      await store.createMonitor(m, audit('monitor.create', 'agent'));
      await expect(store.createMonitor(m, audit('monitor.create', 'agent'))).rejects.toThrow(/exists/);
      expect(await store.listMonitors()).toEqual([m]);
      const changed = { ...m, failuresToDown: 5, version: 2 };
      expect(await store.updateMonitor(changed, 1, audit('monitor.update', 'agent'))).toBe('ok');
      expect(await store.updateMonitor({ ...m, version: 2 }, 1, audit('monitor.update', 'agent'))).toBe(
        'conflict',
      );
      expect(
        await store.updateMonitor(
          sampleMonitor('ghost', { version: 2 }),
          1,
          audit('monitor.update', 'ghost'),
        ),
      ).toBe('not-found');
      expect(await store.getMonitor('agent')).toEqual(changed);

      const schedule: Schedule = {
        id: 'backup',
        name: 'Nightly backup',
        cron: '0 1 * * *',
        durationMinutes: 60,
        timeZone: 'Europe/Riga',
        bases: ['*'],
        text: { ru: 'Резервное копирование до {until}.' },
        severity: 'maintenance',
        enabled: true,
        exceptions: [{ occurrence: '2026-11-24T01:00:00+02:00', action: 'skip' }],
        ...stamp,
      };
      await store.createSchedule(schedule, audit('schedule.create', 'backup'));
      expect(await store.getSchedule('backup')).toEqual(schedule);
      const channel: Channel = {
        id: 'tg',
        kind: 'telegram',
        name: 'On call',
        chatId: '-100',
        tokenEnv: 'TELEGRAM_TOKEN',
        ...stamp,
      };
      await store.createChannel(channel, audit('channel.create', 'tg'));
      expect(await store.listChannels()).toEqual([channel]);
      expect(await store.deleteChannel('tg', 7, audit('channel.delete', 'tg'))).toBe('conflict');
      expect(await store.deleteChannel('tg', 1, audit('channel.delete', 'tg'))).toBe('ok');
      expect(await store.listChannels()).toEqual([]);
      expect((await auditLog()).map((a) => a.action)).toEqual([
        'monitor.create',
        'monitor.update',
        'schedule.create',
        'channel.create',
        'channel.delete',
      ]);
    });

    it('one runner takes a probe: a state is saved only over the version it was read at', async () => {
      await store.createMonitor(sampleMonitor('agent'), audit('monitor.create', 'agent'));
      const { revision } = await store.loadSnapshot(T0);
      expect(await store.saveMonitorState(state('agent', 1), 0)).toBe(true);
      // A probe alone is no news to the public pages; a change of state is.
      expect(await store.changesSince(revision)).toBeUndefined();
      expect(await store.saveMonitorState(state('agent', 1), 0)).toBe(false);
      const down = { monitorId: 'agent', at: T0, ok: false, ms: 5, transition: 'down' } as const;
      const [first, second] = await Promise.all([
        store.saveMonitorState(state('agent', 2, { dueAt: T0 + 30_000 }), 1, down),
        store.saveMonitorState(state('agent', 2, { dueAt: T0 + 31_000 }), 1, down),
      ]);
      expect([first, second].filter(Boolean)).toHaveLength(1);
      expect(await store.changesSince(revision)).toMatchObject({ revision: revision + 1, changed: [] });
      expect(await store.saveMonitorState(state('ghost', 1), 0)).toBe(false);
      expect((await store.listMonitorStates()).map((s) => s.version)).toEqual([2]);
      await store.clearMonitorState('agent');
      expect(await store.listMonitorStates()).toEqual([]);
    });

    it('counts probes per hour and per six hours, keeps the transitions, prunes old ones, deletes with the monitor', async () => {
      await store.createMonitor(sampleMonitor('agent'), audit('monitor.create', 'agent'));
      let version = 0;
      const probe = async (at: number, ok: boolean, transition?: 'down' | 'up') => {
        expect(
          await store.saveMonitorState(state('agent', version + 1), version, {
            monitorId: 'agent',
            at,
            ok,
            ms: 12,
            transition,
            ...(ok ? {} : { problem: 'HTTP 503' }),
          }),
        ).toBe(true);
        version++;
      };
      const now = T0 + 10 * HOUR + 20 * 60_000;
      await probe(now - 9 * 24 * HOUR, true);
      await probe(now - 30 * HOUR, true);
      await probe(now - 2 * 60_000, false, 'down');
      await probe(now - 60_000, true);
      await probe(now - 30_000, true, 'up');
      const [stats] = await store.probeStats(now);
      expect(stats?.hours).toEqual([{ start: T0 + 10 * HOUR, ok: 2, total: 3 }]);
      expect(stats?.quarters).toEqual([
        { start: T0 - 24 * HOUR, ok: 1, total: 1 },
        { start: T0 + 6 * HOUR, ok: 2, total: 3 },
      ]);
      expect((await store.listTransitions('agent', 10)).map((t) => [t.state, t.problem])).toEqual([
        ['up', undefined],
        ['down', 'HTTP 503'],
      ]);
      await store.pruneProbes(now - 8 * 24 * HOUR);
      await store.deleteMonitor('agent', 1, audit('monitor.delete', 'agent'));
      expect(await store.probeStats(now)).toEqual([]);
      expect(await store.listMonitorStates()).toEqual([]);
    });

    it('an event reaches each channel once; deliveries are claimed by one runner and finished', async () => {
      await store.recordEvents([], [delivery('d1', 'e1', 'tg'), delivery('d2', 'e1', 'hook')]);
      await store.recordEvents([], [delivery('d3', 'e1', 'tg')]);
      const [a, b] = await Promise.all([
        store.claimDeliveries(T0, 10, 60_000),
        store.claimDeliveries(T0, 10, 60_000),
      ]);
      expect([...(a ?? []), ...(b ?? [])].map((d) => d.id).sort()).toEqual(['d1', 'd2']);
      expect(await store.claimDeliveries(T0 + 1_000, 10, 60_000)).toEqual([]);
      await store.finishAttempt('d1', 1, { state: 'delivered' }, T0 + 1_000);
      await store.finishAttempt(
        'd2',
        1,
        { state: 'pending', nextAttemptAt: T0 + 30_000, problem: 'HTTP 503' },
        T0 + 1_000,
      );
      expect(await store.claimDeliveries(T0 + 29_000, 10, 60_000)).toEqual([]);
      const retried = await store.claimDeliveries(T0 + 30_000, 10, 60_000);
      expect(retried).toEqual([
        { id: 'd2', channelId: 'hook', attempts: 1, payload: delivery('d2', 'e1', 'hook').payload },
      ]);
      await store.finishAttempt(
        'd2',
        2,
        { state: 'failed', problem: 'HTTP 503 (after 2 attempts)' },
        T0 + 31_000,
      );
      const listed = await store.listDeliveries({ limit: 10 });
      expect(listed.map((d) => [d.id, d.state, d.attempts, d.problem])).toEqual([
        ['d2', 'failed', 2, 'HTTP 503 (after 2 attempts)'],
        ['d1', 'delivered', 1, undefined],
      ]);
      expect((await store.listDeliveries({ channelId: 'tg', limit: 10 })).map((d) => d.id)).toEqual(['d1']);
    });

    it('remembers which messages were announced until their end is', async () => {
      const message = {
        id: 'm1',
        text: { ru: 'Работы' },
        bases: ['*'] as ['*'],
        startsAt: '2026-11-23T01:00:00+03:00',
        displayUntil: '2026-11-23T03:00:00+03:00',
        severity: 'maintenance' as const,
        ...stamp,
      };
      await store.recordEvents([{ id: 'm1', message, startedAt: T0 }], []);
      expect(await store.listNotified()).toEqual([{ id: 'm1', message, startedAt: T0 }]);
      await store.recordEvents([{ id: 'm1', message, startedAt: T0, endedAt: T0 + HOUR }], []);
      expect(await store.listNotified()).toEqual([]);
    });

    it('a change of a recurring window is a change of the data the public answers come from', async () => {
      const before = (await store.loadSnapshot(T0)).revision;
      const schedule: Schedule = {
        id: 'nightly',
        name: 'Nightly backup',
        cron: '0 1 * * *',
        durationMinutes: 30,
        timeZone: 'Europe/Riga',
        bases: ['buh'],
        text: { ru: 'Резервное копирование до {until}.' },
        severity: 'maintenance',
        enabled: true,
        exceptions: [],
        ...stamp,
      };
      await store.createSchedule(schedule, audit('schedule.create', 'nightly'));
      const changes = await store.changesSince(before);
      expect(changes).toMatchObject({
        revision: before + 1,
        changed: [],
        removed: [],
        schedules: [schedule],
      });
      expect((await store.loadSnapshot(T0)).schedules).toEqual([schedule]);
      const moved = { ...schedule, durationMinutes: 45, version: 2 };
      expect(await store.updateSchedule(moved, 1, audit('schedule.update', 'nightly'))).toBe('ok');
      expect(await store.changesSince(before + 1)).toMatchObject({ schedules: [moved] });
      expect(await store.changesSince(before + 2)).toBeUndefined();
    });

    it('a second process sees every change, and of two processes racing for a probe or a delivery one wins', async () => {
      const other = await reopen();
      await store.createMonitor(sampleMonitor('agent'), audit('monitor.create', 'agent'));
      expect(await other.getMonitor('agent')).toEqual(sampleMonitor('agent'));
      const claims = await Promise.all([
        store.saveMonitorState(state('agent', 1, { dueAt: T0 + 30_000 }), 0),
        other.saveMonitorState(state('agent', 1, { dueAt: T0 + 31_000 }), 0),
      ]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      await other.recordEvents([], [delivery('d1', 'e1', 'tg')]);
      await store.recordEvents([], [delivery('d2', 'e1', 'tg')]);
      const [a, b] = await Promise.all([
        store.claimDeliveries(T0, 10, 60_000),
        other.claimDeliveries(T0, 10, 60_000),
      ]);
      expect([...a, ...b].map((d) => d.id)).toEqual(['d1']);
    });
  });
}
