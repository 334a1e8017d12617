import { join } from 'node:path';
import type { D1Database } from '@cloudflare/workers-types';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, COMPATIBILITY_DATE, WORKER_ASSETS } from './worker-harness.ts';

const ADMIN_TOKEN = 'worker-admin-token-0123456789';
const HOUR = 60 * 60 * 1000;

// D1 trouble must never reach a 1C client as a 5xx: the startup-error answer keeps coming from the
// last good data (or the defaults in a cold isolate), while admin writes say plainly what is wrong.
describe('dist/worker/worker.mjs when D1 fails', () => {
  let mf: Miniflare;
  let db: D1Database;

  beforeAll(async () => {
    mf = new Miniflare({
      modules: true,
      scriptPath: join(import.meta.dirname, '..', 'dist', 'worker', 'worker.mjs'),
      compatibilityDate: COMPATIBILITY_DATE,
      assets: WORKER_ASSETS,
      d1Databases: ['DB'],
      // Every request reads D1, so the failure shows on the very next request.
      bindings: { ADMIN_TOKEN, SNAPSHOT_MAX_AGE_MS: '0' },
    });
    db = (await mf.getD1Database('DB')) as unknown as D1Database;
  });

  afterAll(async () => {
    await mf.dispose();
  });

  const request = (path: string, init?: RequestInit) =>
    mf.dispatchFetch(`http://startup-help.test${path}`, init as never);
  const postMessage = (text: string) =>
    request('/api/admin/messages', {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        text: { ru: text },
        bases: ['*'],
        severity: 'maintenance',
        displayUntil: new Date(Date.now() + HOUR).toISOString(),
      }),
    });

  it('answers a 1C client with the defaults while the database has no tables yet', async () => {
    const response = await request('/startup-error/buh');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual({});
  });

  it('refuses admin writes with 503 and a message naming the fix while the tables are missing', async () => {
    const response = await postMessage('Идут плановые работы.');
    expect(response.status).toBe(503);
    const body = (await response.json()) as { message: string };
    expect(body.message).toContain('D1');
    expect(body.message).toContain('wrangler d1 migrations apply');
  });

  it('keeps serving the last good message after a table is dropped; admin answers 503', async () => {
    await applyMigrations(db);
    expect((await postMessage('Идут плановые работы.')).status).toBe(201);
    const before = await request('/startup-error/buh');
    expect(await before.json()).toMatchObject({ userMessage: 'Идут плановые работы.' });

    await db.exec('DROP TABLE messages');

    for (const method of ['GET', 'POST']) {
      const during = await request('/startup-error/buh', { method });
      expect(during.status, method).toBe(200);
      expect(await during.json()).toMatchObject({ userMessage: 'Идут плановые работы.' });
    }

    const write = await postMessage('Вторая запись');
    expect(write.status).toBe(503);
    expect(((await write.json()) as { message: string }).message).toContain('no such table');

    const read = await request('/api/admin/messages', {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(read.status).toBe(503);
  });
});
