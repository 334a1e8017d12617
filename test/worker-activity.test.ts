// Workers parity: captured requests and login-error reports live in D1, not in one isolate's memory,
// so an isolate that never saw the request shows it too. Two workers on one D1 database stand for two
// isolates (they share nothing else).
import { join } from 'node:path';
import type { D1Database } from '@cloudflare/workers-types';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, COMPATIBILITY_DATE, WORKER_ASSETS } from './worker-harness.ts';

const ADMIN_TOKEN = 'worker-admin-token-0123456789';
const AUTH = { authorization: `Bearer ${ADMIN_TOKEN}` };

describe('dist/worker/worker.mjs: captured requests and reports across isolates', () => {
  let mf: Miniflare;
  let db: D1Database;

  beforeAll(async () => {
    const isolate = (name: string) => ({
      name,
      modules: true,
      scriptPath: join(import.meta.dirname, '..', 'dist', 'worker', 'worker.mjs'),
      compatibilityDate: COMPATIBILITY_DATE,
      assets: WORKER_ASSETS,
      d1Databases: { DB: 'shared' },
      bindings: { ADMIN_TOKEN },
    });
    mf = new Miniflare({ workers: [isolate('a'), isolate('b')] });
    db = (await mf.getD1Database('DB', 'a')) as unknown as D1Database;
    await applyMigrations(db);
  });

  afterAll(async () => {
    await mf.dispose();
  });

  const request = async (name: string, path: string, init?: RequestInit) =>
    (await mf.getWorker(name)).fetch(`http://startup-help.test${path}`, init as never);

  /** The write happens after the answer (waitUntil): wait until the rows are there, as a reader would. */
  async function rows(table: string, count: number): Promise<void> {
    for (let attempt = 0; attempt < 200; attempt++) {
      const row = await db.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>();
      if ((row?.n ?? 0) >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`${table} never reached ${count} rows`);
  }

  it('shows in isolate B the requests and reports isolate A answered', async () => {
    const post = await request('a', '/startup-error/buh?from=a', {
      method: 'POST',
      body: 'Ошибка входа: сервер недоступен',
    });
    expect(post.status).toBe(200);
    expect((await request('a', '/startup-error?probe=1')).status).toBe(200);
    await rows('captured_requests', 2);
    await rows('login_reports', 1);

    const captured = (await (await request('b', '/api/admin/requests', { headers: AUTH })).json()) as {
      requests: { method: string; path: string; query: string; body?: string }[];
    };
    expect(captured.requests.map((r) => `${r.method} ${r.path}?${r.query}`)).toEqual([
      'GET /startup-error?probe=1',
      'POST /startup-error/buh?from=a',
    ]);
    expect(captured.requests[1]?.body).toBe('Ошибка входа: сервер недоступен');

    const reports = (await (await request('b', '/api/admin/reports', { headers: AUTH })).json()) as {
      total: number;
      perBase: Record<string, number>;
      recent: { baseKey: string }[];
    };
    expect(reports.total).toBe(1);
    expect(reports.perBase).toEqual({ buh: 1 });
    expect(reports.recent.map((r) => r.baseKey)).toEqual(['buh']);
  });
});
