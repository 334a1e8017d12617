import { describe, expect, it } from 'vitest';
import type { Message } from '../../../contract/message.ts';
import type { Schedule } from '../../../contract/schedule.ts';
import { DEFAULT_SETTINGS } from '../../../contract/settings.ts';
import { SnapshotCache } from './snapshot-cache.ts';
import type { Snapshot, SnapshotChanges } from './store.ts';

const T0 = Date.parse('2026-11-23T06:00:00Z');
const HOUR = 3_600_000;

function message(id: string, start: number, end: number, text = `Текст ${id}`): Message {
  return {
    id,
    text: { ru: text },
    bases: ['*'],
    startsAt: new Date(start).toISOString(),
    displayUntil: new Date(end).toISOString(),
    severity: 'maintenance',
    createdAt: new Date(start).toISOString(),
    updatedAt: new Date(start).toISOString(),
    createdBy: 'ops',
    version: 1,
  };
}

/** A store that counts its reads and can be held mid-read by the test. */
function fakeStore(initial: Message[] = []) {
  const state = {
    revision: 1,
    messages: initial,
    settings: DEFAULT_SETTINGS,
    schedules: [] as Schedule[],
    loads: 0,
    checks: 0,
    fail: false,
    gate: undefined as Promise<void> | undefined,
    seen: new Set(initial.map((m) => m.id)),
  };
  const store = {
    async loadSnapshot(t: number): Promise<Snapshot> {
      state.loads++;
      await state.gate;
      if (state.fail) throw new Error('D1 is down');
      return {
        revision: state.revision,
        settings: state.settings,
        settingsVersion: 1,
        messages: state.messages,
        schedules: state.schedules,
        loadedAt: t,
      };
    },
    async changesSince(revision: number): Promise<SnapshotChanges | undefined> {
      state.checks++;
      await state.gate;
      if (state.fail) throw new Error('D1 is down');
      if (revision === state.revision) return undefined;
      const kept = new Set(state.messages.map((m) => m.id));
      const removed = [...state.seen].filter((id) => !kept.has(id));
      return {
        revision: state.revision,
        settings: state.settings,
        settingsVersion: 1,
        changed: state.messages,
        removed,
        schedules: state.schedules,
      };
    },
  };
  /** Another process wrote: new messages, a new revision. */
  const write = (messages: Message[]) => {
    state.messages = messages;
    for (const m of messages) state.seen.add(m.id);
    state.revision++;
  };
  return { store, state, write };
}

const userMessage = async (cache: SnapshotCache) =>
  JSON.parse((await cache.view()).startupError('buh', {}).json).userMessage as string | undefined;

describe('SnapshotCache', () => {
  it('loads once, then reads the store again only when asked to refresh', async () => {
    const { store, state, write } = fakeStore([message('a', T0 - HOUR, T0 + HOUR)]);
    const cache = new SnapshotCache({ store, now: () => T0 });
    await Promise.all(Array.from({ length: 20 }, () => cache.view()));
    expect(state.loads).toBe(1);
    write([message('b', T0 - HOUR, T0 + HOUR)]);
    expect(await userMessage(cache)).toBe('Текст a');
    await cache.refresh();
    expect(await userMessage(cache)).toBe('Текст b');
    expect({ loads: state.loads, checks: state.checks }).toEqual({ loads: 1, checks: 1 });
  });

  it('checks for other processes’ writes once the view is older than maxAgeMs, with one small read', async () => {
    const { store, state, write } = fakeStore([message('a', T0 - HOUR, T0 + HOUR)]);
    let now = T0;
    const cache = new SnapshotCache({ store, now: () => now, maxAgeMs: 1000 });
    await cache.view();
    now += 999;
    await cache.view();
    expect(state.checks).toBe(0);
    now += 1;
    await cache.view();
    expect(state.checks).toBe(1);
    write([message('b', T0 - HOUR, T0 + HOUR)]);
    now += 1000;
    expect(await userMessage(cache)).toBe('Текст b');
    expect(state.loads).toBe(1);
  });

  it('has the view ready without waiting only while no read of the store is due', async () => {
    const { store, state } = fakeStore([message('a', T0 - HOUR, T0 + 2 * HOUR)]);
    let now = T0;
    const cache = new SnapshotCache({ store, now: () => now, maxAgeMs: 1000 });
    expect(cache.ready()).toBeUndefined();
    const loaded = await cache.view();
    expect(cache.ready()).toBe(loaded);
    now += 999;
    expect(cache.ready()).toBe(loaded);
    now += 1;
    expect(cache.ready()).toBeUndefined();
    await cache.view();
    expect(cache.ready()).toBeDefined();
    expect([state.loads, state.checks]).toEqual([1, 1]);
  });

  it('moves a ready view past a schedule boundary, as view() does', async () => {
    const { store } = fakeStore([message('a', T0 - HOUR, T0 + HOUR)]);
    let now = T0;
    const cache = new SnapshotCache({ store, now: () => now });
    const before = await cache.view();
    const ask = { query: undefined, acceptLanguage: undefined };
    expect(before.startupError('*', ask).json).toContain('Текст a');
    now = T0 + HOUR + 1;
    const moved = cache.ready();
    expect(moved?.computedAt).toBe(now);
    expect(moved?.startupError('*', ask).json).not.toContain('Текст a');
  });

  it('serves the old view while a refresh is under way, and the new one once it is ready', async () => {
    const { store, state, write } = fakeStore([message('a', T0 - HOUR, T0 + HOUR)]);
    const cache = new SnapshotCache({ store, now: () => T0 });
    await cache.view();
    let open: () => void = () => {};
    state.gate = new Promise((resolve) => {
      open = resolve;
    });
    write([message('b', T0 - HOUR, T0 + HOUR)]);
    const refreshed = cache.refresh();
    // The refresh is stuck in the store; answers do not wait for it.
    for (let i = 0; i < 5; i++) expect(await userMessage(cache)).toBe('Текст a');
    open();
    await refreshed;
    expect(await userMessage(cache)).toBe('Текст b');
  });

  it('builds what the old view was asked for before the new view serves', async () => {
    const { store, write } = fakeStore([message('a', T0 - HOUR, T0 + HOUR)]);
    const cache = new SnapshotCache({ store, now: () => T0 });
    const builds: string[] = [];
    const page = (view: { messages: readonly Message[] }) => {
      const ids = view.messages.map((m) => m.id).join(',');
      builds.push(ids);
      return ids;
    };
    expect(await cache.prepared('page', page)).toBe('a');
    expect(await cache.prepared('page', page)).toBe('a');
    write([message('b', T0 - HOUR, T0 + HOUR)]);
    await cache.refresh();
    expect(builds).toEqual(['a', 'b']);
    expect(await cache.prepared('page', page)).toBe('b');
    expect(builds).toEqual(['a', 'b']);
  });

  it('gives a writer a refresh that starts after its write, even while another one runs', async () => {
    const { store, state, write } = fakeStore([]);
    const cache = new SnapshotCache({ store, now: () => T0 });
    await cache.view();
    let open: () => void = () => {};
    state.gate = new Promise((resolve) => {
      open = resolve;
    });
    const first = cache.refresh();
    write([message('late', T0 - HOUR, T0 + HOUR)]);
    const second = cache.refresh();
    state.gate = undefined;
    open();
    await first;
    await second;
    expect(await userMessage(cache)).toBe('Текст late');
  });

  it('moves past schedule boundaries without reading the store', async () => {
    const { store, state } = fakeStore([message('a', T0 + HOUR, T0 + 2 * HOUR)]);
    let now = T0;
    const cache = new SnapshotCache({ store, now: () => now });
    expect(await userMessage(cache)).toBeUndefined();
    now = T0 + HOUR;
    expect(await userMessage(cache)).toBe('Текст a');
    now = T0 + 2 * HOUR;
    expect(await userMessage(cache)).toBeUndefined();
    expect({ loads: state.loads, checks: state.checks }).toEqual({ loads: 1, checks: 0 });
  });

  it('serves the last good data when a refresh fails, the fallback when nothing ever loaded', async () => {
    const { store, state } = fakeStore([message('a', T0 - HOUR, T0 + HOUR)]);
    let now = T0;
    const cache = new SnapshotCache({ store, now: () => now, maxAgeMs: 0 });
    await cache.view();
    state.fail = true;
    now += 10;
    expect(await userMessage(cache)).toBe('Текст a');

    const never = new SnapshotCache({ store, now: () => T0 });
    await expect(never.view()).rejects.toThrow('D1 is down');
    const fallback: Snapshot = {
      revision: 0,
      settings: DEFAULT_SETTINGS,
      settingsVersion: 0,
      messages: [],
      schedules: [],
      loadedAt: 0,
    };
    const cold = new SnapshotCache({ store, now: () => T0, fallback });
    expect((await cold.view()).startupError('buh', {}).json).toBe('{}');
  });

  it('shows a recurring window from its start to its end without a stored message and without reading the store', async () => {
    const { store, state } = fakeStore();
    // Every day at 09:00 Moscow time (06:00 UTC) for 30 minutes, for base buh.
    const nightly: Schedule = {
      id: 'daily',
      name: 'Daily',
      cron: '0 9 * * *',
      durationMinutes: 30,
      timeZone: 'Europe/Moscow',
      bases: ['buh'],
      text: { ru: 'Обслуживание до {until}.' },
      severity: 'maintenance',
      enabled: true,
      exceptions: [],
      createdAt: '2026-11-20T10:00:00+03:00',
      updatedAt: '2026-11-20T10:00:00+03:00',
      createdBy: 'ops',
      version: 1,
    };
    state.schedules = [nightly];
    let now = T0 + 24 * HOUR - 60_000;
    const cache = new SnapshotCache({ store, now: () => now });
    expect(await userMessage(cache)).toBeUndefined();
    now += 60_000;
    expect(await userMessage(cache)).toBe('Обслуживание до 09:30 МСК.');
    now += 30 * 60_000;
    expect(await userMessage(cache)).toBeUndefined();
    expect({ loads: state.loads, checks: state.checks }).toEqual({ loads: 1, checks: 0 });

    // Switched off by another process: gone at the next check.
    state.schedules = [{ ...nightly, enabled: false, version: 2 }];
    state.revision++;
    now = T0 + 48 * HOUR + 60_000;
    await cache.refresh();
    expect(await userMessage(cache)).toBeUndefined();
  });
});
