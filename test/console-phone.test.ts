// The console in the administrator's language and clock, on a desktop and on a phone: every view fits
// 390 px without sideways scrolling (so does the status page), the language and the clock are chosen
// in the header and remembered, and "Shown now" follows what /startup-error picks. Screenshots at
// 1280 and 390 px go to test-results/console-phone/.
import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.ts';
import { ADMIN_TOKEN, type RunningService, startService } from './console-harness.ts';
import { HOUR, runningClock } from './time-of-day.ts';

const SHOTS = 'test-results/console-phone';
const WAIT = { timeout: 20_000, interval: 100 };
/** 14:00 in Moscow (12:00 in Riga). */
const NOW = Date.parse('2026-11-27T11:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

let service: RunningService;
let browser: Browser;

async function post(body: Record<string, unknown>): Promise<void> {
  const response = await service.api('POST', '/api/admin/messages', {
    bases: ['*'],
    severity: 'info',
    displayUntil: iso(NOW + 3 * HOUR),
    ...body,
  });
  expect(response.status).toBe(201);
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  const clock = runningClock(NOW - 2 * HOUR);
  service = await startService({ now: clock.now });
  // An outage for one base, then a newer Info for all bases: users of buh still get the outage.
  await post({
    text: { ru: 'Сбой в Бухгалтерии: восстановим к {until}.' },
    bases: ['buh'],
    severity: 'outage',
  });
  clock.set(NOW - HOUR);
  await post({ text: { ru: 'Сегодня после {until} обновим справочники; работать можно как обычно.' } });
  await post({
    text: { ru: 'Плановые работы завтра до {until}.' },
    startsAt: iso(NOW + 20 * HOUR),
    displayUntil: iso(NOW + 22 * HOUR),
    severity: 'maintenance',
  });
  clock.set(NOW);
  await fetch(`${service.url}/startup-error/buh?lang=ru`, {
    headers: { 'User-Agent': '1C:Enterprise/8.3.25 (Windows; a rather long agent string for the table)' },
  });
  await fetch(`${service.url}/startup-error/buh`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      error: 'Сервер 1С:Предприятия не обнаружен по адресу srv-1c-01.corp.example.local:1541',
    }),
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
});

async function consoleIn(width: number, locale = 'ru-RU'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale,
    timezoneId: 'Europe/Riga',
    viewport: { width, height: 900 },
  });
  await context.clock.install({ time: NOW });
  const page = await context.newPage();
  await page.goto(`${service.url}/admin`);
  await page.fill('#token', ADMIN_TOKEN);
  await page.click('#sign-in-form button[type=submit]');
  await page.waitForSelector('#app:not([hidden])');
  return { context, page };
}

const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

const VIEWS = [
  { view: 'messages', ready: '#list-active li[data-id]' },
  { view: 'editor', ready: '#lint-ru li' },
  { view: 'settings', ready: '#settings-bases .base-entry' },
  { view: 'audit', ready: '#audit-table tbody tr' },
  { view: 'requests', ready: '#requests-table tbody tr' },
  { view: 'reports', ready: '#reports-table tbody tr' },
] as const;

async function show(page: Page, view: (typeof VIEWS)[number]['view']): Promise<void> {
  if (view === 'editor') {
    await page.click('button.tab[data-view="messages"]');
    await page.click('#new-message');
    await page.fill('#template-phone', '+7 (495) 765-43-21');
    await page.click('button[data-template="planned-maintenance"]');
    await page.frameLocator('#preview-status').locator('h1').waitFor(WAIT);
  } else await page.click(`button.tab[data-view="${view}"]`);
}

describe('the console in Russian, on a desktop and on a phone', () => {
  it.each([1280, 390])('fits %i px in every view, without sideways scrolling', async (width) => {
    const { context, page } = await consoleIn(width);
    expect(await page.textContent('header h1')).toBe('startup-help · консоль администратора');
    for (const { view, ready } of VIEWS) {
      await show(page, view);
      await page.locator(ready).first().waitFor(WAIT);
      expect(await scrollWidth(page), `${view} at ${width} px`).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `${SHOTS}/${width}-${view}.png`, fullPage: true });
    }
    await context.close();
  });

  it('lists "shown now" the way /startup-error picks, with the bases each message is shown for', async () => {
    const { context, page } = await consoleIn(1280);
    const items = page.locator('#list-active li[data-id]');
    await expect.poll(() => items.count(), WAIT).toBe(2);
    expect(await items.nth(0).locator('.text').textContent()).toBe(
      'Сбой в Бухгалтерии: восстановим к 17:00 МСК.',
    );
    expect(await items.nth(0).locator('.shown').textContent()).toBe(
      'Пользователи видят именно его: Бухгалтерия',
    );
    expect(await items.nth(1).locator('.shown').textContent()).toBe(
      'Пользователи видят именно его: Зарплата и кадры, остальные базы',
    );
    // Times are the users' (Moscow), labelled; the administrator's own clock is one choice away.
    expect(await items.nth(0).locator('.meta').first().textContent()).toBe(
      'СбойБухгалтерия · 27 ноября, 12:00 – 17:00 МСК',
    );
    await page.selectOption('#time-zone-mode', 'mine');
    await expect
      .poll(() => items.nth(0).locator('.meta').first().textContent(), WAIT)
      .toBe('СбойБухгалтерия · 27 ноября, 11:00 – 16:00 (UTC+2)');
    await page.click('#new-message');
    expect(await page.textContent('#zone-note')).toBe(
      'Время — по вашему часовому поясу, Europe/Riga (UTC+2). Пользователи видят его по своему, Europe/Moscow (МСК).',
    );
    await context.close();
  });

  it('switches to Latvian and English and remembers the choice in this browser', async () => {
    const { context, page } = await consoleIn(1280, 'en-US');
    expect(await page.textContent('button.tab[data-view="messages"]')).toBe('Messages');
    await page.selectOption('#console-language', 'lv');
    expect(await page.textContent('button.tab[data-view="messages"]')).toBe('Ziņojumi');
    await expect
      .poll(() => page.locator('#list-active .shown').first().textContent(), WAIT)
      .toBe('Lietotāji redz tieši šo: Бухгалтерия');
    await page.reload();
    expect(await page.getAttribute('html', 'lang')).toBe('lv');
    expect(await page.textContent('#sign-in-title')).not.toBe('Sign in');
    await page.waitForSelector('#app:not([hidden])');
    await page.click('#new-message');
    await page.click('button[data-template="unplanned-outage"]');
    await page.fill('#text-lv', 'KĻŪDA!! Serveris nedarbojas.');
    // The lint speaks the console's language, whatever the language of the text.
    await expect
      .poll(() => page.locator('#lint-lv li').first().textContent(), WAIT)
      .toContain('Pasakiet, kad');
    await page.screenshot({ path: `${SHOTS}/1280-editor-lv.png`, fullPage: true });
    await context.close();
  });
});

describe('the status page on a phone', () => {
  it('fits 390 px, every time labelled with the zone', async () => {
    const context = await browser.newContext({
      locale: 'ru-RU',
      timezoneId: 'Europe/Riga',
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await page.goto(`${service.url}/status`);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    // Every time the service gives is in its zone, labelled; a reader in Riga also gets their own clock.
    const times = await page.locator('.when time').allTextContents();
    expect(times.length).toBeGreaterThan(0);
    for (const time of times) expect(time).toMatch(/ МСК$/);
    for (const when of await page.locator('.when').allTextContents()) {
      expect(when).toMatch(/ МСК \([^)]* по вашему времени\)/);
    }
    await page.screenshot({ path: `${SHOTS}/390-status.png`, fullPage: true });
    await context.close();
  });
});
