import type { D1Database } from '@cloudflare/workers-types';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createD1Store } from '../server/src/store/d1-store.ts';
import { d1Driver } from '../server/src/store/sql/d1-driver.ts';
import { createSqlStore } from '../server/src/store/sql-store.ts';
import { type AuditEntry, StoreUnavailableError } from '../server/src/store/store.ts';
import { defineStoreContract } from '../server/src/store/store-contract.ts';
import { COMPATIBILITY_DATE, resetDatabase } from './worker-harness.ts';

// One workerd for the whole file; each test gets a freshly migrated database on the same binding.
let mf: Miniflare;
let db: D1Database;

beforeAll(async () => {
  mf = new Miniflare({
    modules: true,
    script: 'export default { fetch: () => new Response(null, { status: 204 }) };',
    compatibilityDate: COMPATIBILITY_DATE,
    d1Databases: ['DB'],
  });
  db = (await mf.getD1Database('DB')) as unknown as D1Database;
});

afterAll(async () => {
  await mf.dispose();
});

defineStoreContract('D1 (miniflare)', async (options) => {
  await resetDatabase(db);
  return {
    store: createSqlStore(d1Driver(db), options),
    reopen: async () => createSqlStore(d1Driver(db), options),
    cleanup: async () => {},
  };
});

describe('D1 store when the database fails', () => {
  it('turns every D1 failure into StoreUnavailableError naming the fix, and loses nothing written before', async () => {
    await resetDatabase(db);
    const store = createD1Store(db);
    const audit: AuditEntry = {
      id: 'a1',
      at: '2026-11-23T09:00:00.000Z',
      actor: 'ops',
      action: 'settings.update',
      target: 'settings',
    };
    const put = await store.putSettings(
      { defaultLanguage: 'lv', timeZone: 'Europe/Riga', bases: {} },
      undefined,
      audit,
    );
    await db.exec('DROP TABLE audit');

    const failures = [
      () =>
        store.putSettings({ defaultLanguage: 'ru', timeZone: 'Europe/Moscow', bases: {} }, undefined, audit),
      () => store.listAudit({ limit: 10 }),
    ];
    for (const failure of failures) {
      const error = await failure().then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toContain('no such table: audit');
      expect((error as Error).message).toContain('npx wrangler d1 migrations apply DB --remote');
    }
    // The failed batch changed nothing: the write and its audit row are one transaction.
    expect(put).toEqual({ version: 1 });
    expect(await store.getSettings()).toMatchObject({ settings: { defaultLanguage: 'lv' }, version: 1 });

    await db.exec('DROP TABLE messages');
    await expect(store.loadSnapshot(0)).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
