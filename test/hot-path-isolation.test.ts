// The public answers come from memory and are built once per data version: a crowd on /api/status or
// an administrator writing in a loop cannot make a 1C client wait. (Before: /api/status and /status
// were rebuilt on every request, and every write reloaded every message ever stored.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../contract/settings.ts';
import { createApp } from '../server/src/app.ts';
import { createTokenVerifier, sha256Hex } from '../server/src/domain/admin-token.ts';
import { buildStatusView, planStatusView } from '../server/src/domain/status-view.ts';
import { renderAtomFeed } from '../server/src/routes/feed/atom-feed.ts';
import { importStatements } from '../server/src/store/json-import.ts';
import type { Store } from '../server/src/store/store.ts';
import { openStoreWithDriver } from './store-harness.ts';

vi.mock('../server/src/domain/status-view.ts', async (original) => {
  const actual = await original<typeof import('../server/src/domain/status-view.ts')>();
  return {
    ...actual,
    buildStatusView: vi.fn(actual.buildStatusView),
    planStatusView: vi.fn(actual.planStatusView),
  };
});
vi.mock('../server/src/routes/feed/atom-feed.ts', async (original) => {
  const actual = await original<typeof import('../server/src/routes/feed/atom-feed.ts')>();
  return { ...actual, renderAtomFeed: vi.fn(actual.renderAtomFeed) };
});

const TOKEN = 'hot-path-token-0123456789abcdef';
const AUTH = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
const NOW = Date.parse('2026-11-23T06:00:00Z');
const HOUR = 3_600_000;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function service(wrap: (store: Store) => Store = (store) => store) {
  const temp = await openStoreWithDriver();
  cleanups.push(temp.cleanup);
  const app = createApp({
    store: wrap(temp.store),
    verifyAdminToken: createTokenVerifier([{ label: 'ops', sha256: await sha256Hex(TOKEN) }]),
    now: () => NOW,
  });
  const post = (text: string, severity = 'outage') =>
    app.request('/api/admin/messages', {
      method: 'POST',
      headers: AUTH,
      body: JSON.stringify({
        text: { ru: text, en: text },
        bases: ['*'],
        displayUntil: new Date(NOW + HOUR).toISOString(),
        severity,
      }),
    });
  const userMessage = async (path: string) =>
    ((await (await app.request(path)).json()) as { userMessage?: string }).userMessage;
  return { app, post, userMessage, temp };
}

describe('the hot path', () => {
  it('keeps answering from the old snapshot while the rebuild after a write is under way', async () => {
    let gate: Promise<void> | undefined;
    const { post, userMessage } = await service((store) => ({
      ...store,
      changesSince: async (revision) => {
        await gate;
        return store.changesSince(revision);
      },
    }));
    expect((await post('Первое', 'maintenance')).status).toBe(201);
    let open: () => void = () => {};
    gate = new Promise((resolve) => {
      open = resolve;
    });
    let written = false;
    const writing = Promise.resolve(post('Второе')).then((answer) => {
      written = true;
      return answer;
    });
    // The write is committed but its rebuild is held: 1C clients get the old answer, without waiting.
    for (let i = 0; i < 20; i++) expect(await userMessage(`/startup-error/base${i}`)).toBe('Первое');
    expect(written).toBe(false);
    open();
    expect((await writing).status).toBe(201);
    expect(await userMessage('/startup-error/buh')).toBe('Второе');
  });

  it('builds /api/status, /status and /feed.atom once per data version and language, then only looks them up', async () => {
    const { app, post } = await service();
    await post('Работы');
    const paths = ['/api/status', '/status', '/status/buh', '/feed.atom'];
    const languages = ['ru', 'en', 'lv'];
    const builds = () =>
      vi.mocked(buildStatusView).mock.calls.length +
      vi.mocked(planStatusView).mock.calls.length +
      vi.mocked(renderAtomFeed).mock.calls.length;
    for (const path of paths)
      for (const lang of languages) expect((await app.request(`${path}?lang=${lang}`)).status).toBe(200);
    const once = builds();
    for (let i = 0; i < 100; i++) {
      const answer = await app.request(`${paths[i % 4]}?lang=${languages[i % 3]}`, {
        headers: { 'accept-language': 'lv, ru;q=0.5' },
      });
      expect(answer.status).toBe(200);
    }
    expect(builds()).toBe(once);

    // A write builds the answers that were asked for before the new data serves, once each.
    const before = builds();
    await post('Новые работы');
    const rebuilt = builds() - before;
    expect(rebuilt).toBeGreaterThan(0);
    expect(rebuilt).toBeLessThanOrEqual(once);
    const status = (await (await app.request('/api/status?lang=ru')).json()) as {
      bases: { active: unknown[] }[];
    };
    expect(status.bases[0]?.active).toHaveLength(2);
    for (let i = 0; i < 50; i++) await app.request(`${paths[i % 4]}?lang=${languages[i % 3]}`);
    expect(builds() - before).toBe(rebuilt);
  });

  it('shows a change on every public page built before it, the moment the write is answered', async () => {
    const { app, post } = await service();
    const created = (await (await post('Старый текст')).json()) as { id: string; version: number };
    const pages = ['/api/status?lang=ru', '/status?lang=ru', '/status/buh?lang=ru', '/feed.atom?lang=ru'];
    const texts = async () => Promise.all(pages.map(async (path) => (await app.request(path)).text()));
    for (const text of await texts()) expect(text).toContain('Старый текст');

    const patched = await app.request(`/api/admin/messages/${created.id}`, {
      method: 'PATCH',
      headers: { ...AUTH, 'if-match': `"m${created.version}"` },
      body: JSON.stringify({ text: { ru: 'Новый текст', en: 'New text' } }),
    });
    expect(patched.status).toBe(200);
    for (const text of await texts()) {
      expect(text).toContain('Новый текст');
      expect(text).not.toContain('Старый текст');
    }
    const deleted = await app.request(`/api/admin/messages/${created.id}`, {
      method: 'DELETE',
      headers: { ...AUTH, 'if-match': patched.headers.get('etag') ?? '' },
    });
    expect(deleted.status).toBe(204);
    const [status, page, basePage] = await texts();
    for (const text of [status, page, basePage]) expect(text).not.toContain('Новый текст');
  });

  it('runs admin changes one at a time, so their bursts of work never pile up between two 1C requests', async () => {
    let inFlight = 0;
    let most = 0;
    const { post } = await service((store) => ({
      ...store,
      createMessage: async (message, audit) => {
        most = Math.max(most, ++inFlight);
        try {
          await store.createMessage(message, audit);
        } finally {
          inFlight--;
        }
      },
    }));
    const answers = await Promise.all(Array.from({ length: 6 }, (_, n) => post(`Сообщение ${n}`)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(201));
    expect(most).toBe(1);
  });

  it('holds only messages that have not ended in memory, however long the history', async () => {
    const { app, post, temp } = await service();
    const ended = Array.from({ length: 2000 }, (_, i) => {
      const end = NOW - (i + 1) * 60_000;
      const at = new Date(end - HOUR).toISOString();
      return {
        id: `ended-${i}`,
        text: { ru: `Закончилось ${i}` },
        bases: ['*'] as ['*'],
        startsAt: at,
        displayUntil: new Date(end).toISOString(),
        severity: 'info' as const,
        createdAt: at,
        updatedAt: at,
        createdBy: 'ops',
        version: 1,
      };
    });
    const data = {
      format: 1 as const,
      revision: 1,
      settingsVersion: 0,
      settings: DEFAULT_SETTINGS,
      messages: ended,
      audit: [],
    };
    await temp.driver.batch(importStatements(data, 'seed'), 'write');
    await post('Идёт сейчас');
    const health = (await (await app.request('/healthz')).json()) as { messages: number };
    expect(health.messages).toBe(1);
    const page = await (await app.request('/status?lang=ru')).text();
    expect(page.match(/Закончилось \d+/g)).toHaveLength(20);
    expect(page).toContain('Закончилось 0<');
  });
});
