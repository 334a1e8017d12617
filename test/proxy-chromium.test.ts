// Proxy mode in a real browser (Debian's Chromium via playwright-core): the service started as
// `npm start` with UPSTREAM_URL in front of a fake 1C origin. Screenshots go to test-results/proxy/.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPersistentChromium } from './chromium.ts';
import { type FakeOrigin, startFakeOrigin } from './proxy-fake-origin.ts';
import {
  PROXY_ADMIN_TOKEN,
  PROXY_MESSAGE,
  PROXY_PAGE_SHOWS,
  publishMessage,
  startEntry,
} from './proxy-service-fixture.ts';

const SHOTS = join(import.meta.dirname, '..', 'test-results', 'proxy');

describe('proxy mode in Chromium', () => {
  let origin: FakeOrigin;
  let service: Awaited<ReturnType<typeof startEntry>>;
  let dataDir: string;
  const profiles: string[] = [];

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    origin = await startFakeOrigin();
    dataDir = await mkdtemp(join(tmpdir(), 'startup-help-proxy-'));
    service = await startEntry({
      DATA_DIR: dataDir,
      ADMIN_TOKEN: PROXY_ADMIN_TOKEN,
      UPSTREAM_URL: origin.url,
      UPSTREAM_TIMEOUT_MS: '3000',
    });
    await publishMessage(service.url);
  });

  afterAll(async () => {
    if (service) {
      const exited = new Promise((resolve) => service.child.once('exit', resolve));
      service.child.kill('SIGTERM');
      await exited;
    }
    await origin?.close();
    for (const dir of [dataDir, ...profiles]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** A browser with a brand-new profile: no service worker, no cache, no cookies. */
  async function freshBrowser(locale: string): Promise<BrowserContext> {
    const profile = await mkdtemp(join(tmpdir(), 'startup-help-proxy-profile-'));
    profiles.push(profile);
    return launchPersistentChromium(profile, {
      locale,
      timezoneId: 'Europe/Moscow',
      viewport: { width: 900, height: 700 },
    });
  }

  const serviceWorkerCount = (page: Page) =>
    page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);

  for (const [language, locale, mode] of [
    ['ru', 'ru-RU', 'refuse'],
    ['en', 'en-US', 'refuse'],
    ['ru', 'ru-RU', 'hang'],
  ] as const) {
    it(`a browser that never visited before sees the friendly page when the origin is down (${mode}, ${language})`, async () => {
      await origin.setMode(mode);
      const context = await freshBrowser(locale);
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        const response = await page.goto(`${service.url}/buh/ru_RU/`);
        expect(response?.status()).toBe(503);
        expect(response?.headers()['retry-after']).toBeDefined();
        const [title, help] = PROXY_PAGE_SHOWS[language];
        expect(await page.locator('h1').textContent()).toBe(title);
        expect(await page.getByRole('alert').textContent()).toContain(PROXY_MESSAGE[language]);
        expect(await page.locator('body').textContent()).toContain(help);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
        // No service worker could have answered: this browser never loaded the web client.
        expect(await serviceWorkerCount(page)).toBe(0);
        await page.screenshot({
          path: join(SHOTS, `first-visit-origin-${mode}-${language}.png`),
          fullPage: true,
        });
      } finally {
        await context.close();
      }
    });
  }

  it('with the origin up the web client gets the script, and the service worker covers /buh/', async () => {
    await origin.setMode('ok');
    const context = await freshBrowser('ru-RU');
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const response = await page.goto(`${service.url}/buh/ru_RU/`);
      expect(response?.status()).toBe(200);
      expect(await page.locator('#app').textContent()).toBe('Бухгалтерия предприятия');
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      expect(scope).toBe(`${service.url}/buh/`);
      await page.screenshot({ path: join(SHOTS, 'origin-up-web-client.png'), fullPage: true });

      // The origin goes down while the user works: the next navigation still gets the friendly page.
      await origin.setMode('503');
      await page.goto(`${service.url}/buh/ru_RU/`);
      await page.getByRole('alert').getByText(PROXY_MESSAGE.ru).waitFor();
      expect(await page.locator('h1').textContent()).toBe(PROXY_PAGE_SHOWS.ru[0]);
      await page.screenshot({ path: join(SHOTS, 'returning-visit-origin-503-ru.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });
});
