import { describe, expect, it } from 'vitest';
import type { Message } from '../../../contract/message.ts';
import { createApp } from '../app.ts';
import type { OfflinePageState } from '../offline-page.ts';
import type { Snapshot, Store } from '../store/store.ts';

const NOW = Date.parse('2026-11-23T09:00:00Z');

const message: Message = {
  id: 'm1',
  text: { ru: 'Плановые работы до {until}.', en: 'Planned maintenance until {until}.' },
  bases: ['buh'],
  startsAt: '2026-11-23T08:00:00Z',
  displayUntil: '2026-11-23T11:00:00Z',
  severity: 'maintenance',
  createdAt: '2026-11-23T08:00:00Z',
  updatedAt: '2026-11-23T08:00:00Z',
  createdBy: 'ops',
  version: 1,
};

const snapshot: Snapshot = {
  revision: 1,
  loadedAt: NOW,
  settings: {
    defaultLanguage: 'ru',
    timeZone: 'Europe/Moscow',
    helpText: { ru: 'Звоните: 123', en: 'Call: 123' },
    bases: { buh: { name: 'Бухгалтерия' } },
  },
  settingsVersion: 1,
  messages: [message],
  schedules: [],
};

/** The service with this snapshot (only `loadSnapshot` is read on these paths) and PUBLIC_URL set or not. */
function service(publicURL?: string) {
  const store = { loadSnapshot: async () => snapshot } as unknown as Store;
  return createApp({ store, verifyAdminToken: async () => undefined, now: () => NOW, publicURL });
}

const NAVIGATE = { 'sec-fetch-mode': 'navigate', accept: 'text/html' };

/** The state the page script starts from, as the page carries it. */
function stateOf(html: string): OfflinePageState {
  const json = /<script type="application\/json" id="startup-help-state">([^<]*)<\/script>/.exec(html)?.[1];
  return JSON.parse(json ?? 'null') as OfflinePageState;
}

describe('/friendly/<baseKey>', () => {
  it("answers a page load with 503, Retry-After and the base's live message in the browser's language", async () => {
    const response = await service('https://1c.example.com').request(
      'http://127.0.0.1:8787/friendly/buh?status=502&reason=refused&seconds=0.000',
      {
        headers: {
          ...NAVIGATE,
          'accept-language': 'en-GB,en;q=0.9',
          'x-original-uri': '/buh/ru_RU/?x=1&y=2',
        },
      },
    );
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(response.headers.get('content-language')).toBe('en');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toContain(
      "connect-src 'self' https://1c.example.com",
    );
    const html = await response.text();
    expect(html).toContain('Cannot connect to Бухгалтерия');
    expect(html).toContain('Planned maintenance until 2:00 PM MSK.');
    expect(html).toContain('Call: 123');
    const state = stateOf(html);
    expect(state.config.statusURL).toBe('https://1c.example.com/startup-error/buh');
    expect(state.failure).toEqual({
      kind: 'refused',
      url: '/buh/ru_RU/?x=1&y=2',
      at: '2026-11-23T09:00:00.000Z',
    });
  });

  it('says what happened: a timeout and its seconds, or the status the 1C server gave', async () => {
    const app = service();
    const timeout = await app.request('/friendly/buh?status=504&reason=timeout&seconds=120.004', {
      headers: { ...NAVIGATE, 'accept-language': 'ru' },
    });
    expect(stateOf(await timeout.text()).failure).toMatchObject({ kind: 'timeout', timeoutSeconds: 120 });
    const answered = await app.request('/friendly/buh?status=503', { headers: NAVIGATE });
    expect(stateOf(await answered.text()).failure).toMatchObject({ kind: 'server-error', status: 503 });
  });

  it('an unknown or missing base gets what every base gets; HEAD gets the head only', async () => {
    const app = service();
    for (const path of ['/friendly/zzz', '/friendly', '/friendly/..%2fapi']) {
      const response = await app.request(path, { headers: { ...NAVIGATE, 'accept-language': 'ru' } });
      expect(response.status, path).toBe(503);
      const html = await response.text();
      expect(html, path).toContain('Не удаётся подключиться к 1С');
      expect(html, path).not.toContain('Плановые работы');
    }
    const head = await app.request('/friendly/buh', { method: 'HEAD', headers: NAVIGATE });
    expect(head.status).toBe(503);
    expect(await head.text()).toBe('');
  });

  it("the web client's own calls (not page loads) get a plain gateway error with the status", async () => {
    const app = service();
    const refused = await app.request('/friendly/buh?status=502&reason=refused', {
      method: 'POST',
      headers: { 'sec-fetch-mode': 'cors', accept: '*/*' },
    });
    expect(refused.status).toBe(502);
    expect(refused.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await refused.text()).toBe('The 1C web server cannot be reached.\n');
    const down = await app.request('/friendly/buh?status=503', { headers: { accept: 'application/json' } });
    expect(down.status).toBe(503);
    expect(await down.text()).toBe('The 1C web server is failing (HTTP 503).\n');
  });

  it('a wrong parameter is a 400 that names it (the front is misconfigured)', async () => {
    const response = await service().request('/friendly/buh?status=abc', { headers: NAVIGATE });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'bad-request',
      message:
        '/friendly: status "abc" must be the HTTP status the 1C web server failed with, 500 to 599, e.g. 502. The parameters are described in docs/proxy.md.',
    });
  });
});
