import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../contract/message.ts';
import { formatUntil } from '../server/src/domain/local-time.ts';
import { launchChromium } from './chromium.ts';
import { type RunningService, startService, TEST_SETTINGS } from './console-harness.ts';

const SHOTS = 'test-results/status-page';
let service: RunningService;
let browser: Browser;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  service = await startService();
  const created = await service.api('POST', '/api/admin/messages', {
    text: {
      ru: 'Идёт обновление 1С. Вход снова будет доступен после {until}.',
      en: '1C is being updated. You can sign in again after {until}.',
      lv: 'Notiek 1C atjaunināšana. Pieslēgties atkal varēsiet pēc {until}.',
    },
    bases: ['buh'],
    severity: 'maintenance',
    displayUntil: new Date(Date.now() + 2 * 3_600_000).toISOString(),
  });
  expect(created.status).toBe(201);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
});

describe('status page in Chromium without JavaScript', () => {
  it('is complete and styled with scripts off, in the language the browser asks for', async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      locale: 'lv-LV',
      timezoneId: 'America/New_York',
      viewport: { width: 900, height: 900 },
    });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) violations.push(message.text());
    });
    await page.goto(`${service.url}/status`);
    expect(await page.getAttribute('html', 'lang')).toBe('lv');
    expect(await page.textContent('h1')).toBe('1C statuss');
    expect(await page.textContent('#base-buh')).toContain('Notiek darbi');
    // Two hours ahead crosses local midnight late in the evening; {until} then names the day as well.
    const listed = (await (await service.api('GET', '/api/admin/messages')).json()) as {
      messages: Message[];
    };
    const [message] = listed.messages;
    const until = formatUntil(
      Date.parse(message?.startsAt ?? ''),
      Date.parse(message?.displayUntil ?? ''),
      message?.timeZone ?? TEST_SETTINGS.timeZone,
      'lv',
    );
    expect(until).toMatch(/\d\d:\d\d$/);
    expect(await page.textContent('.message p')).toBe(
      `Notiek 1C atjaunināšana. Pieslēgties atkal varēsiet pēc ${until}.`,
    );
    // The inline style sheet is allowed by its CSP hash: the summary really has its coloured border.
    const border = await page.$eval('.summary', (node) => getComputedStyle(node).borderLeftWidth);
    expect(border).toBe('8px');
    expect(violations).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/status-lv.png`, fullPage: true });

    await page.click('a[hreflang="ru"]');
    expect(page.url()).toBe(`${service.url}/status?lang=ru`);
    expect(await page.textContent('h1')).toBe('Состояние 1С');
    await page.click('a[href^="/status/buh"]');
    expect(await page.textContent('main')).toContain('Идёт обновление 1С.');
    await page.screenshot({ path: `${SHOTS}/status-buh-ru.png`, fullPage: true });
    await context.close();
  });
});
