// Two `npm start` processes on one DATA_DIR, both running the automatic features on their own
// timers: a probe is taken by one of them, the outage is posted and announced once, and a recurring
// window created through one process shows through the other within SNAPSHOT_MAX_AGE_MS.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { killLeftovers, type NodeServerProcess, startNodeServer } from './hardening-node-server.ts';
import { FakeReceiver, FakeWebPublication } from './monitors-fakes.ts';

const TOKEN = 'two-processes-monitors-token-0123456789';
const INTERVAL_MS = 10_000;

let dataDir = '';
const servers: NodeServerProcess[] = [];
const web = new FakeWebPublication();
const hook = new FakeReceiver();
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  killLeftovers();
  await Promise.all([web.close(), hook.close()]);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function call(server: NodeServerProcess, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${TOKEN}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  expect(response.status, text).toBeLessThan(300);
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked with expect, field by field
  return (text ? JSON.parse(text) : undefined) as any;
}

async function userMessage(server: NodeServerProcess, base: string): Promise<string | undefined> {
  const answer = await fetch(`${server.url}/startup-error/${base}?lang=ru`);
  return ((await answer.json()) as { userMessage?: string }).userMessage;
}

describe('two npm start processes on one DATA_DIR with monitors', () => {
  it('probe once per interval between them, post one outage message, announce each change once; a window made in one shows in the other', {
    timeout: 180_000,
  }, async () => {
    await Promise.all([web.start(), hook.start()]);
    dataDir = await mkdtemp(join(tmpdir(), 'two-processes-monitors-'));
    const [a, b] = await Promise.all([
      startNodeServer(dataDir, { env: { ADMIN_TOKEN: TOKEN } }),
      startNodeServer(dataDir, { env: { ADMIN_TOKEN: TOKEN } }),
    ]);
    servers.push(a, b);

    // A window for "zup" through A, shown all the time (every minute, a minute long): B's answers
    // for zup carry it once B checked the store (SNAPSHOT_MAX_AGE_MS, 1 s by default).
    await call(a, 'POST', '/api/admin/schedules', {
      name: 'Always',
      cron: '* * * * *',
      durationMinutes: 1,
      timeZone: 'Europe/Moscow',
      bases: ['zup'],
      text: { ru: 'Регламентные работы.' },
    });
    await vi.waitFor(async () => expect(await userMessage(b, 'zup')).toBe('Регламентные работы.'), {
      timeout: 3_000,
      interval: 100,
    });

    await call(b, 'POST', '/api/admin/channels', {
      kind: 'webhook',
      name: 'Ops',
      url: `${hook.base}/hook`,
      events: ['monitor.down', 'monitor.up'],
    });
    await call(a, 'POST', '/api/admin/monitors', {
      name: 'Веб-публикация',
      kind: 'http',
      target: web.url('/buh/ru_RU/'),
      bases: ['buh'],
      intervalSeconds: INTERVAL_MS / 1000,
      timeoutSeconds: 2,
      failuresToDown: 2,
      successesToUp: 2,
    });
    const started = Date.now();
    await vi.waitFor(() => expect(web.requests).toBeGreaterThan(0), { timeout: 10_000, interval: 200 });

    web.mode = 'down';
    for (const server of [a, b]) {
      await vi.waitFor(async () => expect(await userMessage(server, 'buh')).toMatch(/^1С недоступна с /), {
        timeout: 3 * INTERVAL_MS + 5_000,
        interval: 250,
      });
    }
    // Whichever process saw it go down, both status APIs say so.
    for (const server of [a, b]) {
      await vi.waitFor(
        async () => {
          const status = await (await fetch(`${server.url}/api/status`)).json();
          const buh = status.bases.find((base: { key: string }) => base.key === 'buh');
          expect(buh.monitors).toMatchObject([{ state: 'down' }]);
        },
        { timeout: 3_000, interval: 100 },
      );
    }
    web.mode = 'up';
    for (const server of [a, b]) {
      await vi.waitFor(async () => expect(await userMessage(server, 'buh')).toBeUndefined(), {
        timeout: 3 * INTERVAL_MS + 5_000,
        interval: 250,
      });
    }
    await vi.waitFor(() => expect(hook.received).toHaveLength(2), { timeout: 15_000, interval: 250 });
    const elapsed = Date.now() - started;

    // One process took each probe: never two probes within one interval, never more than fit.
    const gaps = web.times.slice(1).map((t, i) => t - (web.times[i] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThan(INTERVAL_MS / 2);
    expect(web.times.length).toBeLessThanOrEqual(Math.ceil(elapsed / INTERVAL_MS) + 1);

    const { messages } = await call(b, 'GET', '/api/admin/messages');
    expect(messages.map((m: { createdBy: string }) => m.createdBy)).toEqual(['monitor:Веб-публикация']);
    expect(hook.bodies('/hook').map((body) => body.type)).toEqual(['monitor.down', 'monitor.up']);
    const { deliveries } = await call(a, 'GET', '/api/admin/channels');
    expect(deliveries.map((d: { state: string }) => d.state)).toEqual(['delivered', 'delivered']);
  });
});
