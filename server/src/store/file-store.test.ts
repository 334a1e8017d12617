import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../domain/logger.ts';
import { DATA_FILE, DataFileError, openFileStore } from './file-store.ts';
import { StoreUnavailableError } from './store.ts';
import { defineStoreContract } from './store-contract.ts';

defineStoreContract('file store', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'file-store-'));
  return {
    store: await openFileStore({ dir, logger: silentLogger }),
    reopen: () => openFileStore({ dir, logger: silentLogger }),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

const audit = {
  id: 'a1',
  at: '2026-11-23T09:00:00.000Z',
  actor: 'admin',
  action: 'settings.update' as const,
  target: 'settings',
};
const settings = { defaultLanguage: 'en', timeZone: 'Europe/Riga', bases: {} };

describe('file store on disk', () => {
  it('refuses to open a damaged data file and leaves it untouched', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'file-store-'));
    const damaged = '{"format":1,"revision":3,"settings":';
    await writeFile(join(dir, DATA_FILE), damaged);
    await expect(openFileStore({ dir, logger: silentLogger })).rejects.toThrow(DataFileError);
    await expect(openFileStore({ dir, logger: silentLogger })).rejects.toThrow(/damaged.*never overwrites/);
    expect(await readFile(join(dir, DATA_FILE), 'utf8')).toBe(damaged);
    await rm(dir, { recursive: true });
  });

  it('refuses a file that is JSON but not startup-help data, naming the field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'file-store-'));
    await writeFile(
      join(dir, DATA_FILE),
      JSON.stringify({
        format: 1,
        revision: 1,
        settingsVersion: 1,
        settings: { defaultLanguage: 'ru' },
        messages: [],
        audit: [],
      }),
    );
    await expect(openFileStore({ dir, logger: silentLogger })).rejects.toThrow(/settings\.timeZone/);
    await rm(dir, { recursive: true });
  });

  it('keeps serving the last good data when a write fails, and says so with StoreUnavailableError', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'file-store-'));
    const logged: string[] = [];
    let diskFull = false;
    const store = await openFileStore({
      dir,
      logger: { ...silentLogger, error: (message) => logged.push(message) },
      writeFileDurably: async (path, data) => {
        if (diskFull) throw new Error('ENOSPC: no space left on device');
        await writeFile(path, data);
      },
    });
    const first = await store.putSettings(settings, undefined, audit);
    diskFull = true;
    await expect(
      store.putSettings({ ...settings, defaultLanguage: 'lv' }, undefined, { ...audit, id: 'a2' }),
    ).rejects.toThrow(StoreUnavailableError);
    expect(await store.load()).toMatchObject({
      settings,
      settingsVersion: (first as { version: number }).version,
    });
    expect(logged).toHaveLength(1);
    diskFull = false;
    expect(
      await store.putSettings({ ...settings, defaultLanguage: 'lv' }, undefined, { ...audit, id: 'a3' }),
    ).not.toBe('conflict');
    expect((await store.listAudit(10)).map((e) => e.id)).toEqual(['a3', 'a1']);
    await store.close();
    await rm(dir, { recursive: true });
  });

  it('writes via a temp file and leaves no temp files behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'file-store-'));
    const store = await openFileStore({ dir, logger: silentLogger });
    await Promise.all(
      [1, 2, 3].map((n) =>
        store.putSettings({ ...settings, helpURL: `https://h${n}.example` }, undefined, {
          ...audit,
          id: `a${n}`,
        }),
      ),
    );
    await store.close();
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(dir)).toEqual([DATA_FILE]);
    const saved = JSON.parse(await readFile(join(dir, DATA_FILE), 'utf8'));
    expect(saved).toMatchObject({ format: 1, revision: 3, settingsVersion: 3 });
    await rm(dir, { recursive: true });
  });
});
