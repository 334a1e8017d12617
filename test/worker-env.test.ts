import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { D1Database } from '@cloudflare/workers-types';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginErrorReport } from '../contract/captured-request.ts';
import { SIGNATURE_HEADER, signPayload } from '../server/src/domain/report-webhook.ts';
import { applyMigrations, COMPATIBILITY_DATE, WORKER_ASSETS } from './worker-harness.ts';

const ADMIN_TOKEN = 'worker-admin-token-0123456789';
const WEBHOOK_SECRET = 'worker-webhook-secret';

interface Delivery {
  body: string;
  signature: string | undefined;
}

// How the Worker reads its env (wrangler.toml [vars] and secrets): three configurations of the same
// bundle share one workerd, each with its own D1 database.
describe('dist/worker/worker.mjs configured through env', () => {
  let mf: Miniflare;
  let hook: Server;
  const deliveries: Delivery[] = [];
  let delivered: () => void = () => {};

  beforeAll(async () => {
    hook = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const signature = req.headers[SIGNATURE_HEADER.toLowerCase()];
        deliveries.push({ body: Buffer.concat(chunks).toString('utf8'), signature: signature?.toString() });
        res.end('ok');
        delivered();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    const { port } = hook.address() as AddressInfo;

    const worker = (name: string, bindings: Record<string, string>) => ({
      name,
      modules: true,
      scriptPath: join(import.meta.dirname, '..', 'dist', 'worker', 'worker.mjs'),
      compatibilityDate: COMPATIBILITY_DATE,
      assets: WORKER_ASSETS,
      d1Databases: { DB: `db-${name}` },
      bindings,
    });
    mf = new Miniflare({
      workers: [
        worker('webhook', {
          ADMIN_TOKEN,
          REPORT_WEBHOOK_URL: `http://127.0.0.1:${port}/reports`,
          REPORT_WEBHOOK_SECRET: WEBHOOK_SECRET,
        }),
        worker('cached', { ADMIN_TOKEN, SNAPSHOT_MAX_AGE_MS: '3600000' }),
        worker('no-token', { REPORT_WEBHOOK_URL: '', UPSTREAM_URL: '' }),
        worker('short-token', { ADMIN_TOKEN: 'ops:short', REPORT_WEBHOOK_URL: '', UPSTREAM_URL: '' }),
      ],
    });
    for (const name of ['webhook', 'cached', 'no-token', 'short-token']) {
      await applyMigrations((await mf.getD1Database('DB', name)) as unknown as D1Database);
    }
  });

  afterAll(async () => {
    await mf.dispose();
    await new Promise((resolve) => hook.close(resolve));
  });

  const request = async (name: string, path: string, init?: RequestInit) =>
    (await mf.getWorker(name)).fetch(`http://startup-help.test${path}`, init as never);

  it('forwards a POSTed login-error report to REPORT_WEBHOOK_URL after answering, signed', async () => {
    const arrived = new Promise<void>((resolve) => {
      delivered = resolve;
    });
    const response = await request('webhook', '/startup-error/buh', { method: 'POST', body: 'login failed' });
    expect(response.status).toBe(200);
    await arrived;

    expect(deliveries).toHaveLength(1);
    const [delivery] = deliveries as [Delivery];
    expect(delivery.signature).toBe(await signPayload(WEBHOOK_SECRET, delivery.body));
    const { report } = JSON.parse(delivery.body) as { report: LoginErrorReport };
    expect(report).toMatchObject({ baseKey: 'buh', method: 'POST', body: 'login failed' });
  });

  it('answers 1C clients from the isolate snapshot without reading D1 while it is fresh', async () => {
    expect(await (await request('cached', '/startup-error')).json()).toEqual({});
    // Written behind the Worker's back, as another isolate would: this isolate must not see it yet,
    // which proves the answer came from memory, not from a D1 read.
    const db = (await mf.getD1Database('DB', 'cached')) as unknown as D1Database;
    await db
      .prepare('UPDATE settings SET version = version + 1, body = ? WHERE id = 1')
      .bind(
        JSON.stringify({
          defaultLanguage: 'ru',
          timeZone: 'Europe/Moscow',
          helpText: { ru: 'Звоните: 100' },
          bases: {},
        }),
      )
      .run();
    expect(await (await request('cached', '/startup-error')).json()).toEqual({});

    // Admin reads go to D1 itself, so administrators always see the stored state.
    const settings = await request('cached', '/api/admin/settings', {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(await settings.json()).toMatchObject({ helpText: { ru: 'Звоните: 100' } });
  });

  it('turns the admin API off with a 503 that says how to set ADMIN_TOKEN, and still answers 1C', async () => {
    const response = await request('no-token', '/api/admin/messages', {
      headers: { authorization: 'Bearer anything' },
    });
    expect(response.status).toBe(503);
    expect(((await response.json()) as { message: string }).message).toContain(
      'wrangler secret put ADMIN_TOKEN',
    );
    // The console's preview is admin too: the same 503, not a 401 nobody could get past.
    const preview = await request('no-token', '/admin/preview', {
      method: 'POST',
      headers: { authorization: 'Bearer anything', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(preview.status).toBe(503);
    const answer = await request('no-token', '/startup-error/buh', { method: 'POST', body: 'x' });
    expect(answer.status).toBe(200);
  });

  it('keeps the admin API off with a 503 naming the entry when ADMIN_TOKEN cannot be used', async () => {
    const response = await request('short-token', '/api/admin/messages', {
      headers: { authorization: 'Bearer short' },
    });
    expect(response.status).toBe(503);
    const { message } = (await response.json()) as { message: string };
    expect(message).toMatch(/ADMIN_TOKEN entry 1 \("ops"\) has a token of 5 characters/);
    expect(message).not.toContain('short"');
  });
});
