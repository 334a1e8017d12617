// Real Chromium against a loopback 1C publication (/buh/) and a status service: the 8 scenarios of
// the service worker, in order on one page. Screenshots of each state go to test-results/client-sw/
// for people to look at.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SwConfigInput } from '../contract/kit-config.ts';
import { launchPersistentChromium } from './chromium.ts';
import { kitWithConfig, startOrigin, startStatusService } from './client-sw-harness.ts';
import { HOUR, runningClock, TIMES_OF_DAY } from './time-of-day.ts';

// The machine is shared and slow at times: give the browser time, never assert on timing.
const SLOW = { timeout: 15_000 };
const SHOTS = join(import.meta.dirname, '..', 'test-results', 'client-sw');
const MOSCOW = 'Europe/Moscow';

type Origin = Awaited<ReturnType<typeof startOrigin>>;
type StatusService = Awaited<ReturnType<typeof startStatusService>>;

let origin: Origin;
let status: StatusService;
let kit: Awaited<ReturnType<typeof kitWithConfig>>;
let config: SwConfigInput;
const profiles: string[] = [];
const contexts: BrowserContext[] = [];

/** The status service's clock and every page's start from the same fixed instant (23:30 in Moscow). */
const clock = runningClock(TIMES_OF_DAY[0].at);
const inTwoHours = () => new Date(clock.now() + 2 * HOUR).toISOString();
const MAINTENANCE_RU = 'Идут плановые работы. Вход снова будет доступен после 14:00 (МСК).';

async function openBrowser(locale: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const profile = await mkdtemp(join(tmpdir(), 'startup-help-chromium-'));
  profiles.push(profile);
  const context = await launchPersistentChromium(profile, {
    locale,
    timezoneId: MOSCOW,
    colorScheme,
    viewport: { width: 900, height: 720 },
  });
  contexts.push(context);
  // The page judges deadlines by its own clock: it runs from the status service's instant. (The service
  // worker's clock is the machine's: Playwright cannot set it; it only stamps when it fetched.)
  await context.clock.install({ time: clock.now() });
  return context.pages()[0] ?? (await context.newPage());
}

/** First visit while the server is up: the service worker installs and takes control. */
async function firstVisit(page: Page): Promise<void> {
  await origin.setMode('ok');
  await page.goto(`${origin.url}/buh/`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** The answer the service worker keeps for when the status service is down, as the page can read it. */
function cachedStatus(page: Page): Promise<{ userMessage?: string; fetchedAt: string } | undefined> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration('/buh/');
    const cache = await caches.open(`startup-help-${registration?.scope}`);
    const entry = await cache.match(new URL('/buh/__startup-help/status.json', location.href).href);
    if (!entry) return undefined;
    const { fetchedAt, response } = (await entry.json()) as {
      fetchedAt: string;
      response: { userMessage?: string };
    };
    return {
      fetchedAt,
      ...(response.userMessage === undefined ? {} : { userMessage: response.userMessage }),
    };
  });
}

const cachedUserMessage = async (page: Page) => (await cachedStatus(page))?.userMessage;

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

async function openOffline(page: Page, path = '/buh/deep/link?doc=42'): Promise<void> {
  await page.goto(`${origin.url}${path}`);
  await page.locator('#sh-title').waitFor();
}

/** One step of a sequence that shares a page and a service worker: a failure names the step. */
async function step(name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (error instanceof Error) error.message = `step "${name}" failed: ${error.message}`;
    throw error;
  }
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  status = await startStatusService({ now: clock.now });
  config = {
    statusURL: status.statusURL,
    baseName: 'Бухгалтерия',
    timeZone: MOSCOW,
    helpText: {
      ru: 'Дежурный администратор: +7 (495) 123-45-67',
      en: 'Duty administrator: +7 (495) 123-45-67',
    },
    helpURL: 'https://help.example.local/1c',
    networkTimeoutSeconds: 2,
    retryInitialSeconds: 1,
    retryMaxSeconds: 2,
    statusRefreshSeconds: 1,
  };
  kit = await kitWithConfig(config);
  origin = await startOrigin(kit.dir);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await origin?.close();
  await status?.close();
  await kit?.remove();
  for (const profile of profiles) await rm(profile, { recursive: true, force: true });
});

describe('client-sw in Chromium (ru browser, 23:30 in Moscow)', () => {
  it('goes through the scenarios in order on one page and service worker: 1 … 7, then 5b', {
    timeout: 300_000,
  }, async () => {
    const page = await openBrowser('ru-RU');
    await status.setAnswers({ ru: { userMessage: 'Сообщение до обновления.', displayUntil: inTwoHours() } });

    await step(
      '1. first visit with the server up: the service worker controls the page under /buh/',
      async () => {
        await firstVisit(page);
        const worker = await page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return { script: navigator.serviceWorker.controller?.scriptURL, scope: registration?.scope };
        });
        expect(worker.script).toBe(`${origin.url}/buh/sw.js`);
        expect(worker.scope).toBe(`${origin.url}/buh/`);
        await expect.poll(() => cachedUserMessage(page), SLOW).toBe('Сообщение до обновления.');
        await shot(page, '1-online-controlled');
      },
    );

    await step(
      'keeps the last known status fresh while the server is up (register-sw.js refresh)',
      async () => {
        await status.setAnswers({ ru: { userMessage: MAINTENANCE_RU, displayUntil: inTwoHours() } });
        await expect.poll(() => cachedUserMessage(page), SLOW).toBe(MAINTENANCE_RU);
      },
    );

    await step(
      'a new sw.js (a rebuild) takes over the open page at once: skipWaiting + clientsClaim',
      async () => {
        await page.evaluate(() => {
          const flags = window as { __controllerChanged?: boolean };
          flags.__controllerChanged = false;
          navigator.serviceWorker.addEventListener('controllerchange', () => {
            flags.__controllerChanged = true;
          });
        });
        const swPath = join(kit.dir, 'sw.js');
        await writeFile(swPath, `${await readFile(swPath, 'utf8')}\n// a rebuild\n`);
        await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
        await expect
          .poll(
            () => page.evaluate(() => (window as { __controllerChanged?: boolean }).__controllerChanged),
            SLOW,
          )
          .toBe(true);
        expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(
          `${origin.url}/buh/sw.js`,
        );
      },
    );

    await step(
      'redirected navigations still reach the page, controlled (/buh → /buh/, 302 under /buh/)',
      async () => {
        await page.goto(`${origin.url}/buh`);
        expect(page.url()).toBe(`${origin.url}/buh/`);
        await origin.setMode('redirect');
        await page.goto(`${origin.url}/buh/old/place`);
        expect(page.url()).toBe(`${origin.url}/buh/landing`);
        await expect(page.locator('#app').textContent()).resolves.toContain('веб-клиент');
        expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
        await origin.setMode('ok');
      },
    );

    await step(
      '2. the origin refuses connections: the offline page with the live message, at the same URL',
      async () => {
        await origin.setMode('refuse');
        const started = performance.now();
        await openOffline(page);
        await expect.poll(() => page.locator('#sh-user-message').textContent(), SLOW).toBe(MAINTENANCE_RU);
        console.log(
          `client-sw: offline page with the live message after ${Math.round(performance.now() - started)} ms`,
        );
        expect(page.url()).toBe(`${origin.url}/buh/deep/link?doc=42`);
        expect(await page.locator('#sh-title').textContent()).toBe('Не удаётся подключиться к Бухгалтерия');
        expect(await page.locator('html').getAttribute('lang')).toBe('ru');
        expect(await page.locator('#sh-alert').getAttribute('role')).toBe('alert');
        // Posted at 23:30 Moscow time with two hours to go: the deadline is tomorrow, and says so.
        expect(await page.locator('#sh-deadline').textContent()).toBe(
          'Ориентировочно до 24 ноября, 01:30 МСК',
        );
        // The browser is in Moscow too: no second clock to add.
        expect(await page.locator('#sh-deadline-local').isHidden()).toBe(true);
        expect(await page.locator('#sh-as-of').isHidden()).toBe(true);
        expect(await page.locator('#sh-help-text').textContent()).toBe(
          'Дежурный администратор: +7 (495) 123-45-67',
        );
        expect(await page.locator('#sh-help-link').getAttribute('href')).toBe(
          'https://help.example.local/1c',
        );
        expect(await page.locator('#sh-help-link').textContent()).toBe('Нужна помощь');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('sh-title');
        await page.locator('#sh-details-summary').click();
        const details = await page.locator('#sh-details-list').textContent();
        expect(details).toContain('Не удалось подключиться к серверу');
        expect(details).toContain(`${origin.url}/buh/deep/link?doc=42`);
        expect(await page.locator('#sh-countdown').textContent()).toMatch(
          /Следующая попытка через \d+ с|Проверяем/,
        );
        const other = await page.evaluate(() =>
          fetch('/buh/e1cib/logForm').then(
            (response) => `answered ${response.status}`,
            () => 'network error',
          ),
        );
        // Other requests fail as they would without the service worker; they never get the offline page.
        expect(other).toBe('network error');
        await shot(page, '2-refused-live-message');
      },
    );

    await step(
      '3. the origin hangs: the offline page after the configured timeout (2 s), saying so',
      async () => {
        await origin.setMode('hang');
        await openOffline(page);
        await page.locator('#sh-details-summary').click();
        expect(await page.locator('#sh-details-list').textContent()).toContain('Нет ответа за 2 с');
        expect(await page.locator('#sh-lead').textContent()).toContain('отвечает слишком долго');
        await shot(page, '3-timeout');
      },
    );

    await step('4. the origin answers 503: the offline page says it is a server error', async () => {
      await origin.setMode('503');
      await openOffline(page);
      await page.locator('#sh-details-summary').click();
      expect(await page.locator('#sh-details-list').textContent()).toContain('Ошибка сервера (HTTP 503)');
      expect(await page.locator('#sh-lead').textContent()).toContain('На сервере 1С сбой');
      const other = await page.evaluate(async () => {
        const response = await fetch('/buh/some/data.json');
        return { status: response.status, body: await response.text() };
      });
      // Other requests are never answered with the offline page: this is the origin's own 503.
      expect(other).toEqual({ status: 503, body: '<h1>Service Unavailable</h1>' });
      await shot(page, '4-server-error-503');
    });

    await step('5. the status service is down too: the last known message, labelled "as of"', async () => {
      await status.setUp(false);
      await origin.setMode('refuse');
      await openOffline(page);
      await expect
        .poll(() => page.locator('#sh-as-of').textContent(), SLOW)
        .toMatch(/^Последнее известное сообщение, по состоянию на /);
      // "As of" is when the service worker fetched it, by its own clock (the machine's), in the service's
      // zone, labelled (with the date when that is not the page's day).
      const fetchedAt = Date.parse((await cachedStatus(page))?.fetchedAt ?? '');
      const hhmm = new Intl.DateTimeFormat('ru', { timeZone: MOSCOW, hour: '2-digit', minute: '2-digit' });
      expect(await page.locator('#sh-as-of').textContent()).toMatch(
        new RegExp(`[ ,]${hhmm.format(fetchedAt)} МСК$`),
      );
      expect(await page.locator('#sh-user-message').textContent()).toBe(MAINTENANCE_RU);
      await shot(page, '5-status-down-last-known');
    });

    await step('6. the origin comes back: the page returns to the original URL by itself', async () => {
      await status.setUp(true);
      await origin.setMode('refuse');
      await openOffline(page, '/buh/e1cib/list?form=Journal');
      await origin.setMode('ok');
      await page.locator('#app').waitFor({ timeout: 20_000 });
      expect(page.url()).toBe(`${origin.url}/buh/e1cib/list?form=Journal`);
      await shot(page, '6-back-online');
    });

    await step('7. a message with <img src=x onerror=…> is shown as text and nothing runs', async () => {
      const hostile =
        '<img src=x onerror="window.__pwned=1">Работы до 14:00</script><script>window.__pwned=2</script>';
      await status.setAnswers({
        ru: {
          userMessage: hostile,
          displayUntil: inTwoHours(),
          helpText: '<b onmouseover="window.__pwned=3">Звоните</b>',
        },
      });
      await origin.setMode('refuse');
      await openOffline(page);
      await expect.poll(() => page.locator('#sh-user-message').textContent(), SLOW).toBe(hostile);
      expect(await page.locator('#sh-help-text').textContent()).toBe(
        '<b onmouseover="window.__pwned=3">Звоните</b>',
      );
      // The page has shown the message and finished loading; had the message become markup, the
      // elements would be in the DOM now, whether or not their handlers have fired yet.
      await page.waitForFunction(() => document.readyState === 'complete');
      expect(
        await page.evaluate(() => document.querySelectorAll('main img, main script, main b').length),
      ).toBe(0);
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
      await shot(page, '7-hostile-message-as-text');
    });

    await step('picks up an edited config after the build, without rebuilding', async () => {
      await page.goto('about:blank');
      await origin.setMode('ok');
      await writeFile(
        join(kit.dir, 'startup-help.config.json'),
        JSON.stringify({ ...config, baseName: 'ЗУП' }),
      );
      await page.goto(`${origin.url}/buh/`);
      // The refresh that register-sw.js asks for every statusRefreshSeconds (1 s here) reads the file again.
      await expect
        .poll(
          async () => {
            await origin.setMode('refuse');
            await openOffline(page);
            const title = await page.locator('#sh-title').textContent();
            await page.goto('about:blank');
            await origin.setMode('ok');
            if (title !== 'Не удаётся подключиться к ЗУП') await page.goto(`${origin.url}/buh/`);
            return title;
          },
          { timeout: 20_000 },
        )
        .toBe('Не удаётся подключиться к ЗУП');
      await writeFile(join(kit.dir, 'startup-help.config.json'), JSON.stringify(config));
    });

    await step('5b. a last known message is not shown after its deadline', async () => {
      const deadline = new Date(clock.now() + HOUR);
      await status.setAnswers({ ru: { userMessage: MAINTENANCE_RU, displayUntil: deadline.toISOString() } });
      // Leave the offline page first, or its own return to the 1C page races the navigation below.
      await page.goto('about:blank');
      await origin.setMode('ok');
      await page.goto(`${origin.url}/buh/`);
      await expect.poll(() => cachedUserMessage(page), SLOW).toBe(MAINTENANCE_RU);
      await status.setUp(false);
      await origin.setMode('refuse');
      await openOffline(page);
      await expect.poll(() => page.locator('#sh-as-of').isVisible(), SLOW).toBe(true);
      expect(await page.locator('body').getAttribute('data-status')).toBe('last-known');
      // The page's clock passes the deadline while the page is open: the message goes away.
      await page.clock.setFixedTime(new Date(deadline.getTime() + 1000));
      await expect.poll(() => page.locator('#sh-message').isHidden(), SLOW).toBe(true);
      expect(await page.locator('#sh-as-of').isHidden()).toBe(true);
      expect(await page.locator('#sh-help-text').textContent()).toContain('Дежурный администратор');
      await shot(page, '5b-status-down-expired-message-hidden');
      // And a fresh page at that time does not show it either.
      await openOffline(page);
      await expect.poll(() => page.locator('body').getAttribute('data-status'), SLOW).toBe('last-known');
      expect(await page.locator('#sh-message').isHidden()).toBe(true);
      await status.setUp(true);
    });
  });
});

describe.each([
  { ...TIMES_OF_DAY[0], deadline: 'Ориентировочно до 24 ноября, 01:30 МСК' },
  { ...TIMES_OF_DAY[1], deadline: 'Ориентировочно до 02:10 МСК' },
])('the offline page at $label in Moscow, a deadline two hours ahead', ({ at, deadline }) => {
  it('names the day only when the deadline is on another day', async () => {
    clock.set(at);
    await status.setAnswers({ ru: { userMessage: MAINTENANCE_RU, displayUntil: inTwoHours() } });
    const page = await openBrowser('ru-RU');
    await firstVisit(page);
    await origin.setMode('refuse');
    await openOffline(page);
    await expect.poll(() => page.locator('#sh-user-message').textContent(), SLOW).toBe(MAINTENANCE_RU);
    expect(await page.locator('#sh-deadline').textContent()).toBe(deadline);
    await origin.setMode('ok');
  });
});

describe.each([
  {
    locale: 'en-GB',
    title: 'Cannot connect to Бухгалтерия',
    message: 'Planned maintenance. Sign-in will be back after 14:00 (Moscow time).',
    lead: 'The 1C server is not available right now.',
  },
  {
    locale: 'lv-LV',
    title: 'Neizdodas savienoties ar Бухгалтерия',
    message: 'Notiek plānoti darbi. Pieslēgties varēs pēc 14:00 (Maskavas laiks).',
    lead: '1C serveris pašlaik nav pieejams.',
    // One browser in dark mode, for the screenshot (prefers-color-scheme).
    colorScheme: 'dark' as const,
  },
])('8. a $locale browser gets its language', ({ locale, title, message, lead, colorScheme }) => {
  it('shows the offline page and the status message in that language', async () => {
    const language = locale.slice(0, 2);
    await status.setAnswers({
      ru: { userMessage: MAINTENANCE_RU, displayUntil: inTwoHours() },
      [language]: { userMessage: message, displayUntil: inTwoHours() },
    });
    const page = await openBrowser(locale, colorScheme);
    await firstVisit(page);
    await origin.setMode('refuse');
    await openOffline(page);
    await expect.poll(() => page.locator('#sh-user-message').textContent(), SLOW).toBe(message);
    expect(await page.locator('html').getAttribute('lang')).toBe(language);
    expect(await page.locator('#sh-title').textContent()).toBe(title);
    expect(await page.locator('#sh-lead').textContent()).toContain(lead);
    await shot(page, `8-${language}`);
    await origin.setMode('ok');
  });
});
