import { afterEach, describe, expect, it } from 'vitest';
import type { LoginErrorReport } from '../contract/captured-request.ts';
import { createApp } from '../server/src/app.ts';
import { createTokenVerifier, sha256Hex } from '../server/src/domain/admin-token.ts';
import { type Logger, silentLogger } from '../server/src/domain/logger.ts';
import { ReportWebhook, SIGNATURE_HEADER, signPayload } from '../server/src/domain/report-webhook.ts';
import type { Store } from '../server/src/store/store.ts';
import { type ContractTarget, defineHttpContract } from './http-contract.ts';
import { fillDisk, freeDisk, openStoreWithDriver, openTempStore } from './store-harness.ts';

const TOKEN = 'test-admin-token-0123456789';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function verifier() {
  return createTokenVerifier([{ label: 'ops', sha256: await sha256Hex(TOKEN) }]);
}

defineHttpContract('app.request with the node:sqlite store', async (): Promise<ContractTarget> => {
  const { store, cleanup } = await openTempStore();
  const app = createApp({ store, verifyAdminToken: await verifier() });
  return { fetch: async (path, init) => app.request(path, init), adminToken: TOKEN, close: cleanup };
});

/** A clock tests move by hand. */
function fakeClock(start: string) {
  let now = Date.parse(start);
  return {
    now: () => now,
    set: (iso: string) => {
      now = Date.parse(iso);
    },
  };
}

/** Counts snapshot reads, so tests can prove the hot path does no storage I/O. */
function countingLoads(store: Store) {
  const counter = { loads: 0 };
  const wrapped: Store = {
    ...store,
    loadSnapshot: (t) => {
      counter.loads++;
      return store.loadSnapshot(t);
    },
    changesSince: (revision) => {
      counter.loads++;
      return store.changesSince(revision);
    },
  };
  return { store: wrapped, counter };
}

async function appWithClock(start: string, extra: Partial<Parameters<typeof createApp>[0]> = {}) {
  const temp = await openTempStore();
  cleanups.push(temp.cleanup);
  const clock = fakeClock(start);
  const { store, counter } = countingLoads(temp.store);
  const app = createApp({ store, verifyAdminToken: await verifier(), now: clock.now, ...extra });
  const admin = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  const userMessage = async (path: string) =>
    ((await (await app.request(path)).json()) as { userMessage?: string }).userMessage;
  return { app, clock, admin, userMessage, counter, temp };
}

describe('schedule, with a fake clock', () => {
  it('shows a message from startsAt until displayUntil, without a restart or a write', async () => {
    const { clock, admin, userMessage, counter } = await appWithClock('2026-11-23T08:00:00Z');
    const created = await admin('POST', '/api/admin/messages', {
      text: { ru: 'Идут плановые работы. Вход снова будет доступен после {until}.' },
      bases: ['buh'],
      startsAt: '2026-11-23T12:00:00+03:00',
      displayUntil: '2026-11-23T14:00:00+03:00',
      severity: 'maintenance',
    });
    expect(created.status).toBe(201);

    expect(await userMessage('/startup-error/buh')).toBeUndefined();
    const loadsBefore = counter.loads;

    clock.set('2026-11-23T08:59:59.999Z');
    expect(await userMessage('/startup-error/buh')).toBeUndefined();
    clock.set('2026-11-23T09:00:00Z'); // 12:00 MSK: startsAt
    expect(await userMessage('/startup-error/buh')).toBe(
      'Идут плановые работы. Вход снова будет доступен после 14:00 МСК.',
    );
    expect(await userMessage('/startup-error')).toBeUndefined();
    clock.set('2026-11-23T10:59:59.999Z');
    expect(await userMessage('/startup-error/buh')).toMatch(/после 14:00/);
    clock.set('2026-11-23T11:00:00Z'); // 14:00 MSK: displayUntil
    expect(await userMessage('/startup-error/buh')).toBeUndefined();

    // Crossing both boundaries rebuilt the answers from memory: not one storage read.
    expect(counter.loads).toBe(loadsBefore);
  });

  it('lets a more severe message take over while it is active, then gives the place back', async () => {
    const { clock, admin, userMessage } = await appWithClock('2026-11-23T06:00:00Z');
    const post = (text: string, severity: string, startsAt: string, displayUntil: string) =>
      admin('POST', '/api/admin/messages', {
        text: { en: text },
        bases: ['*'],
        startsAt,
        displayUntil,
        severity,
      });
    await post('Planned work', 'maintenance', '2026-11-23T07:00:00Z', '2026-11-23T12:00:00Z');
    await post('Network outage', 'outage', '2026-11-23T08:00:00Z', '2026-11-23T09:00:00Z');
    clock.set('2026-11-23T07:30:00Z');
    expect(await userMessage('/startup-error/any')).toBe('Planned work');
    clock.set('2026-11-23T08:30:00Z');
    expect(await userMessage('/startup-error/any')).toBe('Network outage');
    clock.set('2026-11-23T09:00:00Z');
    expect(await userMessage('/startup-error/any')).toBe('Planned work');
    clock.set('2026-11-23T12:00:00Z');
    expect(await userMessage('/startup-error/any')).toBeUndefined();
  });

  it('upcoming in /api/status covers the next 7 days, in local time', async () => {
    const { admin, app } = await appWithClock('2026-11-23T06:00:00Z');
    const post = (text: string, startsAt: string) =>
      admin('POST', '/api/admin/messages', {
        text: { ru: text },
        bases: ['*'],
        startsAt,
        displayUntil: '2026-12-31T00:00:00Z',
        severity: 'info',
      });
    await post('Через 6 дней', '2026-11-29T06:00:00Z');
    await post('Через 8 дней', '2026-12-01T06:00:00Z');
    const status = (await (await app.request('/api/status')).json()) as {
      bases: { key: string; upcoming: { userMessage: string; startsAtLocal: string; startsAt: string }[] }[];
    };
    const all = status.bases.find((b) => b.key === '*');
    expect(all?.upcoming.map((m) => m.userMessage)).toEqual(['Через 6 дней']);
    expect(all?.upcoming[0]?.startsAt).toBe('2026-11-29T09:00:00+03:00');
    expect(all?.upcoming[0]?.startsAtLocal).toMatch(/29 ноября.*9:00/);
  });
});

describe('the hot path', () => {
  it('answers many requests from precomputed bodies: one storage read per data change', async () => {
    const { app, admin, counter } = await appWithClock('2026-11-23T06:00:00Z');
    await app.request('/startup-error/buh');
    const before = counter.loads;
    for (let i = 0; i < 50; i++) {
      const response = await app.request(`/startup-error/base${i % 5}`, {
        headers: { 'accept-language': i % 2 ? 'en' : 'ru' },
      });
      expect(response.status).toBe(200);
    }
    expect(counter.loads).toBe(before);
    // The write reads what changed once, before it answers; the answers after it read nothing.
    const created = await admin('POST', '/api/admin/messages', {
      text: { ru: 'Работы' },
      bases: ['*'],
      displayUntil: '2026-11-23T20:00:00Z',
      severity: 'maintenance',
    });
    expect(created.status).toBe(201);
    expect(counter.loads - before).toBe(1);
    for (let i = 0; i < 10; i++) {
      expect(
        ((await (await app.request('/startup-error/buh')).json()) as { userMessage?: string }).userMessage,
      ).toBe('Работы');
    }
    expect(counter.loads - before).toBe(1);
  });
});

describe('admin auth', () => {
  it('slows down guessing without locking anyone out: 429 for wrong tokens after 10, the right token always works', async () => {
    const { app, clock } = await appWithClock('2026-11-23T06:00:00Z', {
      clientAddress: (c) => c.req.header('x-test-client'),
    });
    const attempt = (token: string, client = '10.0.0.9') =>
      app.request('/api/admin/messages', {
        headers: { authorization: `Bearer ${token}`, 'x-test-client': client },
      });
    for (let i = 0; i < 10; i++) expect((await attempt(`guess-${i}`)).status).toBe(401);
    const limited = await attempt('guess-10');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Behind a proxy without TRUST_PROXY every administrator shares this address: never locked out.
    expect((await attempt(TOKEN)).status).toBe(200);
    expect((await attempt('guess-11', '10.0.0.10')).status).toBe(401);
    clock.set('2026-11-23T06:01:01Z');
    expect((await attempt('guess-12')).status).toBe(401);
  });

  it('logs wrong-token warnings at most once a minute per address, counting the ones left out', async () => {
    const warnings: { message: string; fields?: Record<string, unknown> }[] = [];
    const logger: Logger = { ...silentLogger, warn: (message, fields) => warnings.push({ message, fields }) };
    const { app, clock } = await appWithClock('2026-11-23T06:00:00Z', {
      logger,
      clientAddress: (c) => c.req.header('x-test-client'),
    });
    const attempt = (client: string) =>
      app.request('/api/admin/settings', {
        headers: { authorization: 'Bearer wrong', 'x-test-client': client },
      });
    for (let i = 0; i < 500; i++) await attempt('10.0.0.9');
    expect(warnings).toEqual([
      {
        message: 'admin request with a wrong token',
        fields: { address: '10.0.0.9', path: '/api/admin/settings' },
      },
    ]);
    clock.set('2026-11-23T06:01:00Z');
    await attempt('10.0.0.9');
    expect(warnings[1]?.fields).toMatchObject({ address: '10.0.0.9', similarWarningsNotLogged: 499 });
  });

  it('names the token label as the actor in the audit log', async () => {
    const { admin } = await appWithClock('2026-11-23T06:00:00Z');
    await admin('POST', '/api/admin/messages', {
      text: { ru: 'Работы' },
      bases: ['*'],
      displayUntil: '2026-11-23T20:00:00Z',
      severity: 'info',
    });
    const { entries } = (await (await admin('GET', '/api/admin/audit')).json()) as {
      entries: { actor: string; at: string }[];
    };
    // Times come in the settings' zone (Moscow by default).
    expect(entries[0]).toMatchObject({ actor: 'ops', at: '2026-11-23T09:00:00+03:00' });
  });
});

describe('storage trouble at runtime', () => {
  it('keeps answering with the last good data; admin writes get 503 and the error is logged', async () => {
    const temp = await openStoreWithDriver();
    cleanups.push(temp.cleanup);
    const logged: string[] = [];
    const logger: Logger = { ...silentLogger, error: (message) => logged.push(message) };
    const app = createApp({ store: temp.store, verifyAdminToken: await verifier(), logger });
    const post = (text: string) =>
      app.request('/api/admin/messages', {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          // Longer than a database page: the row needs a new page, which the full disk refuses.
          text: { ru: text, en: 'Long text. '.repeat(180), lv: 'Garš teksts. '.repeat(150) },
          bases: ['*'],
          displayUntil: new Date(Date.now() + 3_600_000).toISOString(),
          severity: 'outage',
        }),
      });
    expect((await post('Первое')).status).toBe(201);
    await fillDisk(temp.driver);
    const failed = await post('Второе');
    expect(failed.status).toBe(503);
    expect(((await failed.json()) as { message: string }).message).toMatch(
      /disk .* is full.*Nothing was changed/,
    );
    expect(logged.length).toBeGreaterThan(0);
    const answer = (await (await app.request('/startup-error')).json()) as { userMessage?: string };
    expect(answer.userMessage).toBe('Первое');
    await freeDisk(temp.driver);
    expect((await post('Третье')).status).toBe(201);
  });
});

describe('report webhook', () => {
  it('forwards each POSTed report in the background, signed, retrying with backoff; the client never waits', async () => {
    const delivered: { body: string; signature: string | null }[] = [];
    const delays: number[] = [];
    let failuresLeft = 2;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const webhook = new ReportWebhook({
      url: 'https://hooks.example/startup-help',
      secret: 'webhook-secret',
      logger: silentLogger,
      sleep: async (ms) => {
        delays.push(ms);
      },
      fetch: async (_url, init) => {
        await gate; // the endpoint is slow: the client's answer must not wait for it
        if (failuresLeft-- > 0) return new Response('busy', { status: 503 });
        delivered.push({
          body: String(init?.body),
          signature: new Headers(init?.headers).get(SIGNATURE_HEADER),
        });
        return new Response('ok');
      },
    });
    const { app } = await appWithClock('2026-11-23T06:00:00Z', { reportWebhook: webhook });

    const response = await app.request('/startup-error/buh', { method: 'POST', body: 'login failed' });
    expect(response.status).toBe(200);
    expect(delivered).toHaveLength(0);

    release();
    await webhook.idle();
    expect(delays).toEqual([1000, 2000]);
    expect(delivered).toHaveLength(1);
    const [{ body, signature } = { body: '', signature: null }] = delivered;
    expect(signature).toBe(await signPayload('webhook-secret', body));
    const payload = JSON.parse(body) as { report: LoginErrorReport };
    expect(payload.report).toMatchObject({ baseKey: 'buh', method: 'POST', body: 'login failed' });
  });

  it('gives up after the last attempt and logs it, without failing anything', async () => {
    const warnings: string[] = [];
    const webhook = new ReportWebhook({
      url: 'https://hooks.example/x',
      logger: { ...silentLogger, warn: (message) => warnings.push(message) },
      attempts: 3,
      sleep: async () => {},
      fetch: async () => {
        throw new Error('connect ECONNREFUSED');
      },
    });
    const { app } = await appWithClock('2026-11-23T06:00:00Z', { reportWebhook: webhook });
    expect((await app.request('/startup-error', { method: 'POST', body: 'x' })).status).toBe(200);
    await webhook.idle();
    expect(warnings).toEqual(['report webhook: delivery failed, report not forwarded']);
  });
});

describe('captured requests', () => {
  it('keeps the last 200 only, and the first 4 KB of a body', async () => {
    const { app, admin } = await appWithClock('2026-11-23T06:00:00Z');
    for (let i = 0; i < 205; i++) await app.request(`/startup-error?n=${i}`);
    await app.request('/startup-error', { method: 'POST', body: 'я'.repeat(3000) });
    await app.request('/startup-error', { method: 'POST', body: new Uint8Array([0xff, 0x00, 0x01]) });
    const { requests } = (await (await admin('GET', '/api/admin/requests')).json()) as {
      requests: { query: string; body?: string; bodyBytes: number; bodyEncoding?: string }[];
    };
    expect(requests).toHaveLength(200);
    expect(requests[0]).toMatchObject({ bodyBytes: 3, bodyEncoding: 'base64', body: '/wAB' });
    expect(requests[1]?.bodyBytes).toBe(6000);
    expect(requests[1]?.body).toBe('я'.repeat(2048));
    expect(requests.at(-1)?.query).toBe('n=7');
  });
});

describe('startup-error body limit without Content-Length', () => {
  it('counts a streamed (chunked) body too: 17 KB → 413, 1 KB → 200', async () => {
    const { app } = await appWithClock('2026-11-23T06:00:00Z');
    const stream = (size: number) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let sent = 0; sent < size; sent += 1024)
            controller.enqueue(new Uint8Array(Math.min(1024, size - sent)).fill(65));
          controller.close();
        },
      });
    const post = (size: number) =>
      app.request('/startup-error/buh', {
        method: 'POST',
        body: stream(size),
        duplex: 'half',
      } as RequestInit);
    expect((await post(17 * 1024)).status).toBe(413);
    expect((await post(1024)).status).toBe(200);
  });
});

describe('If-Match', () => {
  it('takes "*" as no condition at all: 428, never an unconditional overwrite', async () => {
    const { admin } = await appWithClock('2026-11-23T06:00:00Z');
    const created = await admin('POST', '/api/admin/messages', {
      text: { ru: 'Работы' },
      bases: ['*'],
      displayUntil: '2026-11-23T20:00:00Z',
      severity: 'info',
    });
    const { id } = (await created.json()) as { id: string };
    expect(
      (await admin('PATCH', `/api/admin/messages/${id}`, { severity: 'outage' }, { 'if-match': '*' })).status,
    ).toBe(428);
    expect((await admin('DELETE', `/api/admin/messages/${id}`, undefined, { 'if-match': '*' })).status).toBe(
      428,
    );
    expect(
      (await admin('DELETE', `/api/admin/messages/${id}`, undefined, { 'if-match': '"s1"' })).status,
    ).toBe(412);
  });
});

describe('admin body limit', () => {
  it('refuses an admin body over 256 KB with 413 before parsing it', async () => {
    const { admin } = await appWithClock('2026-11-23T06:00:00Z');
    const response = await admin('POST', '/api/admin/messages', { text: { ru: 'я'.repeat(200_000) } });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { message: string }).message).toMatch(/256 KB/);
  });
});
