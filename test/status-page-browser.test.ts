import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.ts';
import { type RunningService, startService } from './console-harness.ts';
import { HOUR, runningClock, TIMES_OF_DAY } from './time-of-day.ts';

const SHOTS = 'test-results/status-page';
let browser: Browser;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

// The service's zone is Moscow; the browser's is New York, so the page must not use the browser's.
describe.each([
  { ...TIMES_OF_DAY[0], until: '24. novembris, 01:30 MSK' },
  { ...TIMES_OF_DAY[1], until: '02:10 MSK' },
])(
  'status page in Chromium without JavaScript, posted at $label in Moscow for two hours',
  ({ label, at, until }) => {
    let service: RunningService;

    beforeAll(async () => {
      service = await startService({ now: runningClock(at).now });
      const created = await service.api('POST', '/api/admin/messages', {
        text: {
          ru: 'Идёт обновление 1С. Вход снова будет доступен после {until}.',
          en: '1C is being updated. You can sign in again after {until}.',
          lv: 'Notiek 1C atjaunināšana. Pieslēgties atkal varēsiet pēc {until}.',
        },
        bases: ['buh'],
        severity: 'maintenance',
        displayUntil: new Date(at + 2 * HOUR).toISOString(),
      });
      expect(created.status).toBe(201);
    });

    afterAll(async () => {
      await service?.close();
    });

    it('is complete and styled with scripts off, in the language the browser asks for; {until} names the day only when it is another day', async () => {
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
      expect(await page.textContent('.message p')).toBe(
        `Notiek 1C atjaunināšana. Pieslēgties atkal varēsiet pēc ${until}.`,
      );
      // The inline style sheet is allowed by its CSP hash: the summary really has its coloured border.
      const border = await page.$eval('.summary', (node) => getComputedStyle(node).borderLeftWidth);
      expect(border).toBe('8px');
      expect(violations).toEqual([]);
      const name = label.replace(':', '');
      await page.screenshot({ path: `${SHOTS}/status-lv-${name}.png`, fullPage: true });

      await page.click('a[hreflang="ru"]');
      expect(page.url()).toBe(`${service.url}/status?lang=ru`);
      expect(await page.textContent('h1')).toBe('Состояние 1С');
      await page.click('a[href^="/status/buh"]');
      expect(await page.textContent('main')).toContain('Идёт обновление 1С.');
      await page.screenshot({ path: `${SHOTS}/status-buh-ru-${name}.png`, fullPage: true });
      await context.close();
    });
  },
);
