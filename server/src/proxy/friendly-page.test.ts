import { describe, expect, it } from 'vitest';
import type { Message } from '../../../contract/message.ts';
import type { OfflinePageState } from '../offline-page.ts';
import { bundledInlineAssets } from '../routes/bundled-inline-assets.ts';
import { SnapshotCache } from '../store/snapshot-cache.ts';
import type { Snapshot, Store } from '../store/store.ts';
import { createFriendlyPageRenderer } from './friendly-page.ts';

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
    helpURL: 'https://help.example.local/1c',
    bases: { buh: { name: 'Бухгалтерия' } },
  },
  settingsVersion: 1,
  messages: [message],
  schedules: [],
};

function renderer() {
  const store = { loadSnapshot: async () => snapshot } as unknown as Store;
  return createFriendlyPageRenderer({
    cache: new SnapshotCache({ store, now: () => NOW }),
    now: () => NOW,
    inlineAssets: bundledInlineAssets,
    kitConfig: {
      networkTimeoutSeconds: 7,
      retryInitialSeconds: 5,
      baseName: 'Зарплата',
      helpText: 'built-in',
    },
  });
}

/** What the proxy hands the renderer for a browser at `path` on a service whose PUBLIC_URL is https://1c.example.com. */
const input = (path: string, acceptLanguage: string) => {
  const url = new URL(`https://1c.example.com${path}`);
  return {
    acceptLanguage,
    lang: url.searchParams.get('lang') ?? undefined,
    url: `${url.pathname}${url.search}`,
    serviceOrigin: 'https://1c.example.com',
  };
};

/** The state the page script starts from, as the page carries it. */
function stateOf(html: string): OfflinePageState {
  const json = /<script type="application\/json" id="startup-help-state">([^<]*)<\/script>/.exec(html)?.[1];
  return JSON.parse(json ?? 'null') as OfflinePageState;
}

describe('createFriendlyPageRenderer', () => {
  it("fills the page with the base's current answer, in the request's language", async () => {
    const page = await renderer()({
      ...input('/buh/ru_RU/', 'en-GB,en;q=0.9'),
      baseKey: 'buh',
      failure: { kind: 'refused' },
    });
    expect(page.language).toBe('en');
    expect(page.html).toContain('<html lang="en">');
    expect(page.html).toContain('Cannot connect to Бухгалтерия');
    expect(page.html).toContain('Planned maintenance until 2:00 PM MSK.');
    // One deadline: the line under the message names the same time and zone as the message itself.
    expect(page.html).toContain('Expected until 2:00 PM MSK');
    expect(page.html).toContain('Call: 123');
    expect(page.html).toContain('href="https://help.example.local/1c"');
    const state = stateOf(page.html);
    expect(state.config).toMatchObject({
      statusURL: 'https://1c.example.com/startup-error/buh',
      baseName: 'Бухгалтерия',
      timeZone: 'Europe/Moscow',
      networkTimeoutSeconds: 7,
      retryInitialSeconds: 5,
    });
    expect(state.failure).toMatchObject({ kind: 'refused', url: '/buh/ru_RU/' });
    expect(page.headers?.['content-security-policy']).toContain("connect-src 'self' https://1c.example.com");
  });

  it('says which failure happened: the timeout and the HTTP status go to the details', async () => {
    const render = renderer();
    const timeout = await render({
      ...input('/buh/', 'ru'),
      baseKey: 'buh',
      failure: { kind: 'timeout', seconds: 10 },
    });
    expect(timeout.html).toContain('Нет ответа за 10 с');
    const serverError = await render({
      ...input('/buh/', 'ru'),
      baseKey: 'buh',
      failure: { kind: 'server-error', status: 503 },
    });
    expect(serverError.html).toContain('Ошибка сервера (HTTP 503)');
  });

  it('a language the page lacks falls back to the default; ?lang= wins over the header', async () => {
    const render = renderer();
    const de = await render({
      ...input('/buh/', 'de-DE'),
      baseKey: 'buh',
      failure: { kind: 'refused' },
    });
    expect(de.language).toBe('ru');
    expect(de.html).toContain('Плановые работы до 14:00 МСК.');
    const lv = await render({
      ...input('/buh/', 'lv'),
      baseKey: 'buh',
      failure: { kind: 'refused' },
    });
    expect(lv.language).toBe('lv');
    expect(lv.html).toContain('Neizdodas savienoties ar Бухгалтерия');
    const query = await render({
      ...input('/buh/?lang=en', 'ru'),
      baseKey: 'buh',
      failure: { kind: 'refused' },
    });
    expect(query.language).toBe('en');
  });

  it('without a base (or an unknown one) shows what every base gets, against /startup-error', async () => {
    const page = await renderer()({
      ...input('/', 'ru'),
      baseKey: undefined,
      failure: { kind: 'refused' },
    });
    expect(page.html).toContain('Не удаётся подключиться к 1С');
    // The message targets only `buh`, so every-base visitors get the help, not the message.
    expect(page.html).not.toContain('Плановые работы');
    expect(page.html).toContain('Звоните: 123');
    expect(stateOf(page.html).config.statusURL).toBe('https://1c.example.com/startup-error');
  });
});
