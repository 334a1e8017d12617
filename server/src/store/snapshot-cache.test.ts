import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../contract/settings.ts';
import { SnapshotCache } from './snapshot-cache.ts';
import type { Snapshot, Store } from './store.ts';

function fakeStore(snapshot: Snapshot) {
  const state = { snapshot, loads: 0, fail: false };
  const store = {
    load: async () => {
      state.loads++;
      if (state.fail) throw new Error('D1 is down');
      return state.snapshot;
    },
  } as unknown as Store;
  return { store, state };
}

const empty: Snapshot = { settings: DEFAULT_SETTINGS, settingsVersion: 1, messages: [] };
const withHelp: Snapshot = {
  ...empty,
  settings: { ...DEFAULT_SETTINGS, helpURL: 'https://help.example' },
  settingsVersion: 2,
};

describe('SnapshotCache freshness policies', () => {
  it('Node policy: loads once, reloads only after invalidate()', async () => {
    const { store, state } = fakeStore(empty);
    const cache = new SnapshotCache({ store, now: () => 0 });
    await cache.view();
    await cache.view();
    expect(state.loads).toBe(1);
    state.snapshot = withHelp;
    expect((await cache.view()).startupError('*', {}).json).toBe('{}');
    cache.invalidate();
    expect((await cache.view()).startupError('*', {}).json).toBe('{"helpURL":"https://help.example"}');
    expect(state.loads).toBe(2);
  });

  it('Workers policy: reloads when the snapshot is older than maxAgeMs', async () => {
    const { store, state } = fakeStore(empty);
    let now = 0;
    const cache = new SnapshotCache({ store, now: () => now, maxAgeMs: 5000 });
    await cache.view();
    now = 4999;
    await cache.view();
    expect(state.loads).toBe(1);
    now = 5000;
    state.snapshot = withHelp;
    expect((await cache.view()).startupError('buh', {}).json).toContain('help.example');
    expect(state.loads).toBe(2);
  });

  it('serves the last good data when a reload fails, and fails only if it never loaded', async () => {
    const { store, state } = fakeStore(withHelp);
    let now = 0;
    const cache = new SnapshotCache({ store, now: () => now, maxAgeMs: 0 });
    await cache.view();
    state.fail = true;
    now = 10;
    expect((await cache.view()).startupError('*', {}).json).toContain('help.example');
    const never = new SnapshotCache({ store, now: () => 0 });
    await expect(never.view()).rejects.toThrow('D1 is down');
  });

  it('loads once for many concurrent first requests', async () => {
    const { store, state } = fakeStore(empty);
    const cache = new SnapshotCache({ store, now: () => 0 });
    await Promise.all(Array.from({ length: 20 }, () => cache.view()));
    expect(state.loads).toBe(1);
  });
});
