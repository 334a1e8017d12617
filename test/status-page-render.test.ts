import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../contract/message.ts';
import type { Settings } from '../contract/settings.ts';
import { createFeedRoutes } from '../server/src/routes/feed/feed-routes.ts';
import {
  type PublicDataSource,
  publicDataSource,
} from '../server/src/routes/status-page/public-data-source.ts';
import { sha256Source } from '../server/src/routes/status-page/sha256-source.ts';
import { createStatusPageRoutes, HISTORY_PAGE } from '../server/src/routes/status-page/status-page-routes.ts';
import { openNodeStore } from '../server/src/store/open-node-store.ts';
import { SnapshotCache } from '../server/src/store/snapshot-cache.ts';
import type { Store } from '../server/src/store/store.ts';

const T = Date.parse('2026-11-23T10:00:00Z'); // 13:00 in Moscow
const HOSTILE = '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=1</script> & "q"';

const settings: Settings = {
  defaultLanguage: 'ru',
  timeZone: 'Europe/Moscow',
  helpText: { ru: 'Дежурный: +7 (495) 123-45-67', en: 'Duty admin: +7 (495) 123-45-67' },
  helpURL: 'https://help.example/1c',
  bases: { buh: { name: 'Бухгалтерия' }, zup: { name: 'Зарплата' } },
};

function message(id: string, fields: Partial<Message>): Message {
  return {
    id,
    text: { ru: `Текст ${id} до {until}.`, en: `Text ${id} until {until}.` },
    bases: ['*'],
    severity: 'maintenance',
    startsAt: '2026-11-23T12:00:00+03:00',
    displayUntil: '2026-11-23T14:00:00+03:00',
    createdAt: '2026-11-23T11:00:00+03:00',
    updatedAt: '2026-11-23T11:00:00+03:00',
    createdBy: 'admin',
    version: 1,
    ...fields,
  };
}

const messages: Message[] = [
  message('active-buh', { bases: ['buh'], severity: 'outage', text: { ru: HOSTILE } }),
  message('upcoming-all', {
    startsAt: '2026-11-24T20:00:00+03:00',
    displayUntil: '2026-11-24T22:00:00+03:00',
  }),
  message('past-zup', {
    bases: ['zup'],
    startsAt: '2026-11-10T08:00:00+03:00',
    displayUntil: '2026-11-10T09:00:00+03:00',
  }),
  message('too-old', { startsAt: '2026-10-01T08:00:00+03:00', displayUntil: '2026-10-01T09:00:00+03:00' }),
];

const opened: { store: Store; dir: string }[] = [];
afterAll(async () => {
  for (const { store, dir } of opened) {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
});

/** The pages' data as the service has it: a store holding `data`, read through the snapshot cache at T. */
async function sourceOf(data: { settings: Settings; messages: Message[] }): Promise<PublicDataSource> {
  const dir = await mkdtemp(join(tmpdir(), 'status-page-'));
  const store = await openNodeStore({ dir, file: ':memory:' });
  opened.push({ store, dir });
  const at = new Date(T).toISOString();
  await store.putSettings(data.settings, undefined, {
    id: 's',
    at,
    actor: 'ops',
    action: 'settings.update',
    target: 'settings',
  });
  for (const m of data.messages) {
    await store.createMessage(m, {
      id: `c-${m.id}`,
      at,
      actor: 'ops',
      action: 'message.create',
      target: m.id,
    });
  }
  return publicDataSource({ store, cache: new SnapshotCache({ store, now: () => T }) });
}

let status: Hono;
let feed: Hono;
beforeAll(async () => {
  const source = await sourceOf({ settings, messages });
  status = createStatusPageRoutes(source);
  feed = createFeedRoutes(source);
});

describe('status page', () => {
  it('shows each base with its state, active and upcoming messages with local times, and help', async () => {
    const response = await status.request('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-language')).toBe('ru');
    const html = await response.text();
    expect(html).toContain('Состояние 1С');
    expect(html).toMatch(/Бухгалтерия<\/a><span class="badge state-outage">Сбой</);
    expect(html).toMatch(/Зарплата<\/a><span class="badge state-ok">Работает</);
    const text = html.replace(/<script>[\s\S]*?<\/script>/, '').replace(/<[^>]+>/g, '');
    expect(text).toContain('с 24 ноября, 20:00 МСК до 24 ноября, 22:00 МСК');
    // Each time carries its instant and zone, so the page's script can add the reader's own clock.
    expect(html).toContain(
      '<time datetime="2026-11-24T20:00:00+03:00" data-zone="Europe/Moscow" data-your-time="{time} по вашему времени">24 ноября, 20:00 МСК</time>',
    );
    expect(html).toContain('Дежурный: +7 (495) 123-45-67');
    expect(html).toContain('href="https://help.example/1c">Нужна помощь</a>');
    expect(html).toContain('Europe/Moscow (МСК)');
  });

  it('shows messages for all bases in each base card, and an "all bases" card only when no base is configured', async () => {
    const html = await (await status.request('/')).text();
    expect(html).not.toContain('Все базы</span>');
    expect(html.match(/Текст upcoming-all/g)).toHaveLength(2);
    const bare = createStatusPageRoutes(
      await sourceOf({
        settings: { ...settings, bases: {} },
        messages: messages.filter((m) => m.bases.includes('*')),
      }),
    );
    const bareHtml = await (await bare.request('/')).text();
    expect(bareHtml).toMatch(/Все базы<\/span><span class="badge state-ok">Работает</);
  });

  it("escapes script-like message text; the CSP lets only the page's own script run, by its hash", async () => {
    const response = await status.request('/');
    const html = await response.text();
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>window.__pwned');
    expect(html).toContain('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;');
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
    expect(scripts).toHaveLength(1);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain(`script-src ${await sha256Source(scripts[0] ?? '')}`);
    expect(csp).not.toContain('unsafe-inline');
  });

  it('lists the last 30 days of messages and leaves older ones out', async () => {
    const html = await (await status.request('/?lang=en')).text();
    expect(html).toContain('Messages in the last 30 days');
    expect(html).toContain('Text past-zup until');
    expect(html).not.toContain('too-old');
  });

  it('speaks the language of ?lang, then Accept-Language', async () => {
    const lv = await status.request('/', { headers: { 'Accept-Language': 'lv-LV,lv;q=0.9' } });
    expect(lv.headers.get('content-language')).toBe('lv');
    expect(await lv.text()).toContain('1C statuss');
    const en = await status.request('/?lang=en', { headers: { 'Accept-Language': 'lv' } });
    expect(await en.text()).toContain('1C status');
  });

  it('/status/<baseKey> shows only that base (with messages for all bases) and its history', async () => {
    const zup = await (await status.request('/zup?lang=en')).text();
    expect(zup).toContain('Зарплата');
    expect(zup).not.toContain('Бухгалтерия');
    expect(zup).toContain('Text upcoming-all');
    expect(zup).toContain('Text past-zup');
    const buh = await (await status.request('/buh?lang=en')).text();
    expect(buh).not.toContain('Text past-zup');
  });

  it('pages through a long history, 20 at a time, newest first, with links both ways', async () => {
    const ended = Array.from({ length: 45 }, (_, n) => {
      const end = T - (n + 1) * 3_600_000;
      return message(`old-${String(n).padStart(2, '0')}`, {
        bases: n % 2 ? ['buh'] : ['*'],
        startsAt: new Date(end - 1_800_000).toISOString(),
        displayUntil: new Date(end).toISOString(),
        text: { en: `History ${String(n).padStart(2, '0')}` },
      });
    });
    const paged = createStatusPageRoutes(await sourceOf({ settings, messages: ended }));
    const shown = (html: string) => [...html.matchAll(/History (\d\d)/g)].map((m) => Number(m[1]));
    const next = (html: string) =>
      /href="([^"]*before=[^"]*)" rel="next"/.exec(html)?.[1]?.replaceAll('&amp;', '&');

    const first = await (await paged.request('/?lang=en')).text();
    expect(shown(first)).toEqual(Array.from({ length: HISTORY_PAGE }, (_, i) => i));
    expect(first).toContain('>Older messages</a>');
    expect(first).not.toContain('Back to the latest messages');
    const secondPath = next(first) ?? '';
    expect(secondPath).toMatch(/^\/status\?lang=en&before=/);
    const second = await (await paged.request(secondPath.replace('/status', ''))).text();
    expect(shown(second)).toEqual(Array.from({ length: HISTORY_PAGE }, (_, i) => i + HISTORY_PAGE));
    expect(second).toContain('href="/status?lang=en">Back to the latest messages</a>');
    const third = await (await paged.request((next(second) ?? '').replace('/status', ''))).text();
    expect(shown(third)).toEqual([40, 41, 42, 43, 44]);
    expect(next(third)).toBeUndefined();

    const buh = await (await paged.request('/buh?lang=en')).text();
    expect(shown(buh)).toEqual(Array.from({ length: HISTORY_PAGE }, (_, i) => i));
    expect(next(buh)).toMatch(/^\/status\/buh\?lang=en&before=/);
  });

  it('answers a base it does not know yet with the messages for all bases, and a malformed key with 404', async () => {
    const unknown = await status.request('/sklad?lang=en');
    expect(unknown.status).toBe(200);
    const html = await unknown.text();
    expect(html).toContain('sklad');
    expect(html).toContain('Text upcoming-all');
    const bad = await status.request('/..%3Cx%3E');
    expect(bad.status).toBe(404);
    expect(await bad.text()).not.toContain('<x>');
  });
});

describe('/feed.atom', () => {
  it('is an Atom feed of recent, active and upcoming messages with escaped text', async () => {
    const response = await feed.request('http://status.example/?lang=ru');
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await response.text();
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/,
    );
    expect(xml.match(/<entry>/g)).toHaveLength(3);
    expect(xml).not.toContain('too-old');
    expect(xml).toContain('<id>http://status.example/feed.atom#message-active-buh</id>');
    expect(xml).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('href="http://status.example/status/buh?lang=ru"');
  });
});
