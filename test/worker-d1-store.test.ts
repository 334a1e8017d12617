import type { D1Database } from '@cloudflare/workers-types';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll } from 'vitest';
import { createD1Store } from '../server/src/store/d1-store.ts';
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

defineStoreContract('D1 (miniflare)', async () => {
  await resetDatabase(db);
  return {
    store: createD1Store(db),
    reopen: async () => createD1Store(db),
    cleanup: async () => {},
  };
});
