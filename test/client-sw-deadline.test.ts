// One deadline on every surface, whatever zone the browser is in: a service in Moscow, browsers in Riga
// and Yekaterinburg. The offline page (as the service worker serves it, and as proxy mode does), the
// status page and the thin client's answer all name 17:19 МСК; the pages add the reader's own time
// once. Also: the offline page at phone width. Screenshots go to test-results/deadline/.
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledOfflinePageAssets } from '../client-sw/src/offline-page/bundled-page-assets.ts';
import { renderOfflinePage } from '../client-sw/src/offline-page/render-offline-page.ts';
import { SwConfig } from '../contract/kit-config.ts';
import { launchChromium } from './chromium.ts';
import { type RunningService, startService } from './console-harness.ts';
import { runningClock } from './time-of-day.ts';

const SHOTS = 'test-results/deadline';
const WAIT = { timeout: 20_000, interval: 100 };
/** 14:00 in Moscow; the message ends at 17:19 Moscow time, 14:19 UTC. */
const NOW = Date.parse('2026-11-27T11:00:00Z');
const DEADLINE = '2026-11-27T14:19:00Z';

let service: RunningService;
let browser: Browser;
/**
 * The 1C publication's web server, down: every page is the offline page (as the service worker would
 * answer), and a hand-written status file. A real loopback server: Chromium lets a page reach the
 * loopback status service only from a loopback address.
 */
let publication: { url: string; page: string; server: Server };
const STATIC_STATUS = {
  userMessage: 'Работы до 17:19 (МСК).',
  displayUntil: '2026-11-27T17:19',
  helpURL: 'javascript:alert(1)',
  helpText: 'Звоните: 100',
};

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  // Proxy mode in front of a 1C web server that refuses connections: /buh/ gets the friendly page.
  service = await startService({
    now: runningClock(NOW).now,
    upstream: { url: 'http://127.0.0.1:9', timeoutMs: 2000 },
  });
  const created = await service.api('POST', '/api/admin/messages', {
    text: { ru: 'Восстановим работу 1С до {until}.', en: 'We will have 1C back by {until}.' },
    bases: ['buh'],
    severity: 'outage',
    displayUntil: DEADLINE,
  });
  expect(created.status).toBe(201);
  const server = createServer((request, response) => {
    if (request.url?.startsWith('/status/buh.json')) {
      response.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      response.end(JSON.stringify(STATIC_STATUS));
    } else {
      response.writeHead(503, { 'content-type': 'text/html; charset=utf-8' }).end(publication.page);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  publication = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, page: '', server };
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
  publication?.server.closeAllConnections();
  await new Promise((resolve) => publication?.server.close(resolve));
});

async function browserIn(timezoneId: string, width = 900): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'ru-RU', timezoneId, viewport: { width, height: 900 } });
  await context.clock.install({ time: NOW });
  return context;
}

/** The offline page as the kit's service worker serves it, opened at the publication's address. */
async function kitPage(context: BrowserContext, statusURL: string): Promise<Page> {
  const config = SwConfig.parse({ statusURL, baseName: 'Бухгалтерия', timeZone: 'Europe/Moscow' });
  const url = `${publication.url}/buh/e1cib/list`;
  publication.page = renderOfflinePage(
    { config, failure: { kind: 'refused', url, at: new Date(NOW).toISOString() } },
    bundledOfflinePageAssets(),
    { now: NOW },
  );
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

const deadlineLines = (page: Page) =>
  Promise.all(['#sh-deadline', '#sh-deadline-local'].map((selector) => page.locator(selector).textContent()));

describe.each([
  { zone: 'Europe/Riga', local: '16:19 по вашему времени' },
  { zone: 'Asia/Yekaterinburg', local: '19:19 по вашему времени' },
])('a browser in $zone, the service in Moscow', ({ zone, local }) => {
  it('sees one deadline, 17:19 МСК, everywhere, and its own time once', async () => {
    const context = await browserIn(zone);
    const name = zone.split('/')[1]?.toLowerCase() ?? zone;

    const kit = await kitPage(context, `${service.url}/startup-error/buh`);
    await expect
      .poll(() => kit.locator('#sh-user-message').textContent(), WAIT)
      .toBe('Восстановим работу 1С до 17:19 МСК.');
    expect(await deadlineLines(kit)).toEqual(['Ориентировочно до 17:19 МСК', local]);
    await kit.screenshot({ path: `${SHOTS}/offline-${name}.png`, fullPage: true });

    const proxy = await context.newPage();
    await proxy.goto(`${service.url}/buh/ru_RU/`);
    expect(await proxy.locator('#sh-user-message').textContent()).toBe('Восстановим работу 1С до 17:19 МСК.');
    expect(await deadlineLines(proxy)).toEqual(['Ориентировочно до 17:19 МСК', local]);
    await proxy.screenshot({ path: `${SHOTS}/proxy-${name}.png`, fullPage: true });

    const status = await context.newPage();
    await status.goto(`${service.url}/status/buh?lang=ru`);
    // The page's script adds the reader's clock once; the service's time stays as it was.
    await expect
      .poll(() => status.locator('.message p').allTextContents(), WAIT)
      .toEqual(['Восстановим работу 1С до 17:19 МСК.', `До 27 ноября, 17:19 МСК (${local})`]);
    await status.screenshot({ path: `${SHOTS}/status-${name}.png`, fullPage: true });
    await context.close();
  });
});

describe('the thin client and hand-written static JSON', () => {
  it('gets the same deadline; a deadline without an offset is read in the kit zone, a bad link dropped', async () => {
    const answer = (await (await fetch(`${service.url}/startup-error/buh?lang=ru`)).json()) as Record<
      string,
      string
    >;
    expect(answer.userMessage).toBe('Восстановим работу 1С до 17:19 МСК.');
    expect(answer.displayUntil).toBe('2026-11-27T17:19:00+03:00');

    const context = await browserIn('Europe/Riga');
    const page = await kitPage(context, `${publication.url}/status/buh.json`);
    await expect
      .poll(() => page.locator('#sh-user-message').textContent(), WAIT)
      .toBe('Работы до 17:19 (МСК).');
    expect(await deadlineLines(page)).toEqual(['Ориентировочно до 17:19 МСК', '16:19 по вашему времени']);
    expect(await page.locator('#sh-help-text').textContent()).toBe('Звоните: 100');
    expect(await page.locator('#sh-help').isHidden()).toBe(true);
    await context.close();
  });
});

describe('the offline page on a phone', () => {
  it('fits 390 px with the details open, and breaks no word in the middle', async () => {
    const context = await browserIn('Europe/Riga', 390);
    const page = await kitPage(context, `${service.url}/startup-error/buh`);
    await expect.poll(() => page.locator('#sh-user-message').textContent(), WAIT).toContain('17:19 МСК');
    await page.locator('#sh-details-summary').click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // A word broken across lines has more than one box; the address (no spaces) may wrap anywhere.
    const brokenWords = await page.evaluate(() => {
      const broken: string[] = [];
      const list = [...document.querySelectorAll('#sh-details-list dd, #sh-lead, #sh-user-message')];
      for (const node of list.filter((dd) => !dd.textContent?.startsWith('http'))) {
        const text = node.firstChild;
        if (!text || text.nodeType !== Node.TEXT_NODE) continue;
        for (const match of (text.textContent ?? '').matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(text, match.index);
          range.setEnd(text, match.index + match[0].length);
          if (range.getClientRects().length > 1) broken.push(match[0]);
        }
      }
      return broken;
    });
    expect(brokenWords).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/offline-390.png`, fullPage: true });
    await context.close();
  });
});
