// The console's automatic features in Chromium, in Russian, against the real service on a fake clock
// with real probes and senders to loopback fakes: a monitor created in the console goes down and up,
// a recurring window created in the console lists its next times (one skipped), a failing webhook's
// delivery is shown as failed after its retries, an e-mail channel says it cannot send where the
// service cannot (Workers), and a service without the automatic features says so in their tabs.
// Secrets never reach the page. Screenshots at 1280 and 390 px go to test-results/console-automation/.
import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatZonedDateTime } from '../contract/local-time.ts';
import { launchChromium } from './chromium.ts';
import { type AutomationService, startAutomationService } from './console-automation-harness.ts';
import { ADMIN_TOKEN, startService } from './console-harness.ts';
import { FakeReceiver, FakeWebPublication } from './monitors-fakes.ts';

const SHOTS = 'test-results/console-automation';
/** Waiting for the page (its lists load again every 5 s), not a timing assertion. */
const WAIT = { timeout: 30_000, interval: 200 };
/** 14:00 in Moscow (the users' zone), 13:00 in Riga (the browser's). */
const NOW = Date.parse('2026-11-27T11:00:00Z');
const HOOK_SECRET = 'hook-secret-value-5f1c2e';
const TELEGRAM_TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const moscow = (iso: string) => formatZonedDateTime(Date.parse(iso), 'Europe/Moscow', 'ru', NOW);

let service: AutomationService;
let browser: Browser;
const closers: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  service = await startAutomationService({
    start: NOW,
    secrets: { HOOK_SECRET, TELEGRAM_TOKEN },
    email: true,
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
  await Promise.all(closers.map((closer) => closer.close()));
});

async function consoleIn(
  on: AutomationService,
  width = 1280,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: 'ru-RU',
    timezoneId: 'Europe/Riga',
    viewport: { width, height: 900 },
  });
  await context.clock.install({ time: on.now() });
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(`${on.url}/admin`);
  await page.fill('#token', ADMIN_TOKEN);
  await page.click('#sign-in-form button[type=submit]');
  await page.waitForSelector('#app:not([hidden])');
  return { context, page };
}

async function json<T>(on: AutomationService, path: string): Promise<T> {
  const response = await on.api('GET', path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/**
 * Lets the service's clock run a step at a time (each a pass of probes and deliveries) until `done`;
 * the page's clock then shows the service's time, as a browser beside a real service would.
 */
async function stepUntil(
  page: Page,
  stepMs: number,
  done: () => Promise<boolean>,
  limit = 40,
): Promise<void> {
  for (let step = 0; !(await done()); step++) {
    if (step >= limit) throw new Error(`not reached within ${limit} steps of ${stepMs} ms`);
    await service.advance(stepMs);
  }
  await page.clock.setSystemTime(service.now());
}

const card = (page: Page, list: string, name: string): Locator =>
  page.locator(`#${list} > li[data-id]`).filter({ hasText: name });

interface MonitorStatusWire {
  state: string;
  since?: string;
  messageId?: string;
}

describe('monitors in the console', () => {
  it('creates a monitor for the web publication, sees it go down (users get the message) and come back', async () => {
    const web = await new FakeWebPublication().start();
    closers.push(web);
    const { context, page } = await consoleIn(service);
    await page.click('button.tab[data-view="monitors"]');
    await page.click('#new-monitor');
    await page.fill('#monitor-name', 'Веб-публикация');
    await page.fill('#monitor-target', web.url('/buh/ru_RU/'));
    await page.check('#monitor-base-buh');
    expect(await page.isChecked('#monitor-base-all')).toBe(false);
    await page.fill('#monitor-interval', '10');
    await page.fill('#monitor-timeout', '3');
    expect(await page.textContent('#monitor-timing')).toBe(
      'Пользователи увидят сообщение о сбое не позже чем примерно через 30\u00a0с после того, как сервер перестанет отвечать; оно снимется примерно через 20\u00a0с после того, как сервер снова ответит.',
    );
    await page.click('#monitor-save');
    const monitor = card(page, 'monitors-list', 'Веб-публикация');
    await monitor.waitFor(WAIT);
    expect(await page.textContent('#monitors-notice')).toBe('Сохранено.');
    const { monitors } = await json<{ monitors: { id: string; bases: string[] }[] }>(
      service,
      '/api/admin/monitors',
    );
    expect(monitors.map((m) => m.bases)).toEqual([['buh']]);
    const id = monitors[0]?.id ?? '';
    const status = async () =>
      (await json<{ status: MonitorStatusWire }>(service, `/api/admin/monitors/${id}`)).status;

    await stepUntil(page, 10_000, async () => (await status()).state === 'up');
    await expect.poll(() => monitor.getAttribute('data-state'), WAIT).toBe('up');
    expect(await monitor.locator('.last-check').textContent()).toMatch(
      /^Последняя проверка 27 ноября, 14:0\d МСК: ответ за \d+ мс$/,
    );

    web.mode = 'down';
    await stepUntil(page, 10_000, async () => (await status()).state === 'down');
    const down = await status();
    expect(down.messageId).toBeDefined();
    await expect.poll(() => monitor.getAttribute('data-state'), WAIT).toBe('down');
    expect(await monitor.locator('.badge.state').textContent()).toBe('Недоступен');
    expect(await monitor.locator('.situation').textContent()).toBe(
      `Не отвечает с ${moscow(down.since ?? '')}.`,
    );
    expect(await monitor.locator('.outage').textContent()).toBe(
      'Пользователи сейчас видят сообщение о сбое.',
    );
    expect(await monitor.locator('.last-check').textContent()).toMatch(/: HTTP 503$/);
    await page.screenshot({ path: `${SHOTS}/1280-monitor-down.png`, fullPage: true });
    // What users get, and the message in the console's list, are the monitor's.
    const answer = await (await fetch(`${service.url}/startup-error/buh?lang=ru`)).json();
    expect(answer.userMessage).toBeDefined();
    await page.click('button.tab[data-view="messages"]');
    await expect
      .poll(() => page.locator('#list-active li[data-id] .meta').last().textContent(), WAIT)
      .toContain('изменил(а) монитор «Веб-публикация»');
    expect(await page.locator('#list-active li[data-id] .auto').textContent()).toBe(
      'Опубликовал монитор «Веб-публикация»: сообщение снимется само, когда сервер снова ответит. Если изменить срок показа, сообщение станет вашим и монитор его не тронет.',
    );
    await page.screenshot({ path: `${SHOTS}/1280-messages-monitor-down.png`, fullPage: true });

    web.mode = 'up';
    await page.click('button.tab[data-view="monitors"]');
    await stepUntil(page, 10_000, async () => (await status()).state === 'up');
    const up = await status();
    await expect.poll(() => monitor.getAttribute('data-state'), WAIT).toBe('up');
    expect(await monitor.locator('.situation').textContent()).toBe(`Отвечает с ${moscow(up.since ?? '')}.`);
    expect(await monitor.locator('.outage').count()).toBe(0);
    const after = await (await fetch(`${service.url}/startup-error/buh?lang=ru`)).json();
    expect(after.userMessage).toBeUndefined();
    await monitor.locator('button.history').click();
    await expect.poll(() => monitor.locator('.transitions li').count(), WAIT).toBeGreaterThanOrEqual(2);
    await context.close();
  });

  it('names a refused field in plain Russian and marks it', async () => {
    const { context, page } = await consoleIn(service);
    await page.click('button.tab[data-view="monitors"]');
    await page.click('#new-monitor');
    await page.fill('#monitor-name', 'Агент сервера');
    await page.check('#monitor-kind-tcp');
    expect(await page.textContent('#monitor-target-label')).toBe('Сервер и порт');
    await page.fill('#monitor-target', 'srv-1c:1540');
    await page.fill('#monitor-interval', '5');
    await page.click('#monitor-save');
    await expect
      .poll(() => page.textContent('#monitor-error'), WAIT)
      .toBe('Не сохранено: Проверять каждые (секунд, не меньше 10): должно быть не меньше 10.');
    expect(await page.getAttribute('#monitor-interval', 'aria-invalid')).toBe('true');
    await context.close();
  });
});

describe('recurring windows in the console', () => {
  it('creates a nightly window from the template, lists its next times and skips one', async () => {
    const { context, page } = await consoleIn(service);
    await page.click('button.tab[data-view="schedules"]');
    await page.click('#new-schedule');
    await page.fill('#schedule-name', 'Ночное резервное копирование');
    expect(await page.inputValue('#schedule-zone')).toBe('Europe/Moscow');
    await page.fill('#schedule-time', '01:00');
    await page.fill('#schedule-duration', '60');
    expect(await page.textContent('#schedule-summary')).toBe('Каждый день в 01:00 МСК, на 1\u00a0ч');
    await page.click('#schedule-template');
    expect(await page.inputValue('#schedule-text-ru')).toContain('{until}');
    await page.click('#schedule-save');
    const window = card(page, 'schedules-list', 'Ночное резервное копирование');
    await window.waitFor(WAIT);
    expect(await window.locator('.repeat').textContent()).toBe('Каждый день в 01:00 МСК, на 1\u00a0ч');
    const times = window.locator('.occurrences li');
    expect(await times.first().locator('.when').textContent()).toBe('28 ноября, 01:00 – 02:00 МСК');
    expect(await times.count()).toBe(7);

    await times.first().locator('button.skip').click();
    await expect.poll(() => times.first().locator('.status').textContent(), WAIT).toBe('пропущено');
    expect(await page.textContent('#schedules-notice')).toBe(
      'Пропущено: 28 ноября, 01:00 МСК. В этот раз пользователи его не увидят.',
    );
    // Another occurrence moved to 03:00 on the console's clock (the users' zone).
    await times.nth(1).locator('button.move-open').click();
    await times.nth(1).locator('input.move-to').fill('2026-11-29T03:00');
    await times.nth(1).locator('button.move-save').click();
    await expect
      .poll(() => window.locator('.occurrences li.moved .when').textContent(), WAIT)
      .toBe('29 ноября, 03:00 – 04:00 МСК');
    expect(await window.locator('.occurrences li.moved .status').textContent()).toBe(
      'перенесено с 29 ноября, 01:00 МСК',
    );
    const { schedules } = await json<{ schedules: { exceptions: unknown[] }[] }>(
      service,
      '/api/admin/schedules',
    );
    expect(schedules[0]?.exceptions).toEqual([
      { occurrence: '2026-11-28T01:00:00+03:00', action: 'skip' },
      { occurrence: '2026-11-29T01:00:00+03:00', action: 'move', startsAt: '2026-11-29T03:00:00+03:00' },
    ]);
    // Edited: it lasts longer now; the form came back as it was saved.
    await window.locator('button.edit').click();
    await page.waitForSelector('#schedule-form:not([hidden])');
    expect(await page.inputValue('#schedule-name')).toBe('Ночное резервное копирование');
    expect(await page.inputValue('#schedule-repeat')).toBe('daily');
    await page.fill('#schedule-duration', '90');
    await page.click('#schedule-save');
    await expect
      .poll(() => window.locator('.repeat').textContent(), WAIT)
      .toBe('Каждый день в 01:00 МСК, на 1\u00a0ч 30\u00a0мин');
    await page.screenshot({ path: `${SHOTS}/1280-schedules.png`, fullPage: true });

    // The next occurrence users will see is among the upcoming messages, marked as the window's.
    await page.click('button.tab[data-view="messages"]');
    const upcoming = page.locator('#list-upcoming li[data-id]').first();
    await expect
      .poll(() => upcoming.locator('.badge.recurring').textContent(), WAIT)
      .toBe('Регулярно: Ночное резервное копирование');
    expect(await upcoming.locator('.meta').first().textContent()).toContain('29 ноября, 03:00 – 04:30 МСК');
    await context.close();
  });
});

describe('notifications in the console', () => {
  it('never takes a secret: a token typed where its variable’s name belongs is refused and not sent', async () => {
    const { context, page } = await consoleIn(service);
    await page.click('button.tab[data-view="channels"]');
    await page.click('#new-channel');
    expect(await page.textContent('#channel-secret-note')).toContain(
      'Сам токен бота в эту форму не вводится',
    );
    await page.fill('#channel-name', 'Дежурные');
    await page.fill('#channel-chat-id', '-1001234567890');
    await page.fill('#channel-token-env', TELEGRAM_TOKEN);
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() !== 'GET') sent.push(request.postData() ?? '');
    });
    await page.click('#channel-save');
    expect(await page.textContent('#channel-error')).toBe(
      'Имя переменной, в которой лежит токен бота: впишите имя переменной окружения заглавными буквами, например TELEGRAM_TOKEN, — а не сам секрет. Ничего не отправлено.',
    );
    expect(sent).toEqual([]);
    expect(await page.getAttribute('#channel-token-env', 'aria-invalid')).toBe('true');
    await context.close();
  });

  it('creates a webhook channel, sends a test, and shows the delivery failed after its retries', async () => {
    const hook = await new FakeReceiver().start();
    closers.push(hook);
    hook.status = 500;
    const { context, page } = await consoleIn(service);
    await page.click('button.tab[data-view="channels"]');
    await page.click('#new-channel');
    await page.check('#channel-kind-webhook');
    expect(await page.isVisible('#channel-chat-id')).toBe(false);
    await page.fill('#channel-name', 'Ops');
    await page.fill('#channel-url', `${hook.base}/hook`);
    await page.fill('#channel-secret-env', 'HOOK_SECRET');
    await page.click('#channel-save');
    const channel = card(page, 'channels-list', 'Ops');
    await channel.waitFor(WAIT);
    expect(await channel.locator('.target').textContent()).toBe(
      `POST ${hook.base}/hook · подпись ключом из HOOK_SECRET`,
    );
    expect(await channel.locator('.readiness').textContent()).toBe(
      'Настроен: всё нужное для отправки на месте.',
    );

    await channel.locator('button.test').click();
    await expect
      .poll(() => page.textContent('#channels-notice'), WAIT)
      .toContain('Проверка поставлена в очередь');
    const delivery = async () =>
      (await json<{ deliveries: { state: string; attempts: number }[] }>(service, '/api/admin/channels'))
        .deliveries[0];
    await stepUntil(page, 60_000, async () => (await delivery())?.state === 'failed');
    expect((await delivery())?.attempts).toBe(6);
    expect(hook.received).toHaveLength(6);

    const outcome = page.locator('#deliveries-table .outcome').first();
    await expect.poll(() => outcome.getAttribute('data-state'), WAIT).toBe('failed');
    expect(await outcome.locator('strong').textContent()).toBe('Не доставлено');
    expect(await outcome.locator('.detail').textContent()).toBe('попыток: 6; получатель ответил HTTP 500');
    expect(await channel.locator('.last').textContent()).toMatch(
      /^Последняя отправка: не доставлено, 27 ноября, 14:\d\d МСК\.$/,
    );
    await page.screenshot({ path: `${SHOTS}/1280-channels.png`, fullPage: true });
    // The signing key is named, never shown: not on the page, not in any answer the console got.
    expect(await page.content()).not.toContain(HOOK_SECRET);
    await context.close();
  });

  it('edits a channel: the form shows the variable’s name, and the change is saved', async () => {
    const { context, page } = await consoleIn(service);
    await page.click('button.tab[data-view="channels"]');
    const channel = card(page, 'channels-list', 'Ops');
    await channel.locator('button.edit').click();
    await page.waitForSelector('#channel-form:not([hidden])');
    expect(await page.textContent('#channel-form-title')).toBe('Изменение канала оповещений');
    expect(await page.inputValue('#channel-secret-env')).toBe('HOOK_SECRET');
    expect(await page.isChecked('#channel-kind-webhook')).toBe(true);
    await page.fill('#channel-name', 'Ops night');
    await page.click('#channel-save');
    await expect.poll(() => page.textContent('#channels-notice'), WAIT).toBe('Сохранено.');
    await expect.poll(() => channel.locator('.name').textContent(), WAIT).toBe('Ops night');
    await context.close();
  });
});

describe('a service that cannot send e-mail (as on Workers)', () => {
  it('shows an e-mail channel as unavailable there, in plain words', async () => {
    const workers = await startAutomationService({ start: NOW, secrets: {}, email: false });
    closers.push(workers);
    const { context, page } = await consoleIn(workers);
    await page.click('button.tab[data-view="channels"]');
    await page.click('#new-channel');
    await page.check('#channel-kind-email');
    await page.fill('#channel-name', 'Админы');
    await page.fill('#channel-to', 'oncall@example.com, boss@example.com');
    await page.fill('#channel-from', 'startup-help@example.com');
    await page.fill('#channel-smtp-host', 'smtp.example.com');
    await page.fill('#channel-password-env', 'SMTP_PASSWORD');
    await page.click('#channel-save');
    const channel = card(page, 'channels-list', 'Админы');
    await channel.waitFor(WAIT);
    expect(await channel.locator('.readiness').getAttribute('data-readiness')).toBe('email-unavailable');
    expect(await channel.locator('.readiness').textContent()).toBe(
      'Недоступно в Cloudflare Workers: оттуда нельзя отправлять почту. Используйте канал Telegram или вебхук либо запустите сервис на Node.',
    );
    expect(await channel.locator('.target').textContent()).toBe(
      'Кому: oncall@example.com, boss@example.com через smtp.example.com · пароль из переменной SMTP_PASSWORD',
    );
    await context.close();
  });
});

describe('a service whose automatic features are off', () => {
  it('says so in each of their tabs instead of an empty list', async () => {
    const plain = await startService({ now: () => NOW });
    closers.push(plain);
    const { context, page } = await consoleIn({ ...plain, now: () => NOW, advance: async () => undefined });
    for (const view of ['schedules', 'monitors', 'channels'] as const) {
      await page.click(`button.tab[data-view="${view}"]`);
      await expect
        .poll(() => page.locator(`#view-${view} .items > li.off`).textContent(), WAIT)
        .toMatch(
          /^Автоматические функции \(мониторинг, регулярные работы, оповещения\) на этом сервисе выключены\./,
        );
    }
    // The message lists work as before, without recurring occurrences.
    await page.click('button.tab[data-view="messages"]');
    await expect
      .poll(() => page.locator('#list-active li').first().textContent(), WAIT)
      .toBe('Сейчас пользователям ничего не показывается.');
    await context.close();
  });
});

describe('the audit log', () => {
  it('says in plain words what was done to monitors, windows and channels, and by whom', async () => {
    const { context, page } = await consoleIn(service);
    await page.click('button.tab[data-view="audit"]');
    const rows = page.locator('#audit-table tbody tr');
    await rows.first().waitFor(WAIT);
    const what = await rows.evaluateAll((cells) => cells.map((row) => row.children[2]?.textContent ?? ''));
    expect(what).toContain('создал(а) монитор «Веб-публикация»');
    expect(what).toContain('создал(а) регулярное окно работ «Ночное резервное копирование»');
    expect(what).toContain('пропустил(а) один раз окна работ «Ночное резервное копирование»');
    expect(what).toContain('создал(а) канал оповещений «Ops»');
    const skipped = rows.filter({ hasText: 'пропустил(а) один раз' });
    expect(await skipped.locator('.change').textContent()).toBe('Раз: 28 ноября, 01:00 МСК');
    // The monitor's own message is signed by the monitor.
    expect(await rows.locator('td:nth-child(2)').allTextContents()).toContain('монитор «Веб-публикация»');
    await page.screenshot({ path: `${SHOTS}/1280-audit.png`, fullPage: true });
    await context.close();
  });
});

describe('the automatic features in Latvian and English', () => {
  it('speaks the console’s language in every line it writes itself', async () => {
    const { context, page } = await consoleIn(service, 390);
    await page.selectOption('#console-language', 'lv');
    await page.click('button.tab[data-view="monitors"]');
    const monitor = card(page, 'monitors-list', 'Веб-публикация');
    await expect
      .poll(() => monitor.locator('.situation').textContent(), WAIT)
      .toMatch(/^Atbild kopš 27\. novembris, 14:\d\d MSK\.$/);
    expect(await page.textContent('button.tab[data-view="schedules"]')).toBe('Regulārie darbi');
    await page.screenshot({ path: `${SHOTS}/390-monitors-lv.png`, fullPage: true });
    await page.click('button.tab[data-view="channels"]');
    const failed = page.locator('#deliveries-table .outcome[data-state="failed"] .detail').first();
    await expect.poll(() => failed.textContent(), WAIT).toBe('mēģinājumi: 6; saņēmējs atbildēja HTTP 500');
    await page.selectOption('#console-language', 'en');
    await expect
      .poll(() => failed.textContent(), WAIT)
      .toBe('after 6 attempts: the receiver answered HTTP 500');
    await page.click('button.tab[data-view="schedules"]');
    const window = card(page, 'schedules-list', 'Ночное резервное копирование');
    await expect
      .poll(() => window.locator('.repeat').textContent(), WAIT)
      .toBe('Every day at 1:00 AM MSK, for 1\u00a0h 30\u00a0min');
    await page.screenshot({ path: `${SHOTS}/390-schedules-en.png`, fullPage: true });
    await context.close();
  });
});

describe('the automatic features’ tabs on a phone', () => {
  it.each([1280, 390])('fit %i px without sideways scrolling', async (width) => {
    const { context, page } = await consoleIn(service, width);
    for (const view of ['schedules', 'monitors', 'channels'] as const) {
      await page.click(`button.tab[data-view="${view}"]`);
      await page.locator(`#view-${view} .items > li[data-id]`).first().waitFor(WAIT);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), view).toBeLessThanOrEqual(
        width,
      );
      await page.screenshot({ path: `${SHOTS}/${width}-${view}.png`, fullPage: true });
    }
    for (const kind of ['schedule', 'monitor', 'channel'] as const) {
      await page.click(`button.tab[data-view="${kind}s"]`);
      await page.click(`#new-${kind}`);
      await page.waitForSelector(`#${kind}-form:not([hidden])`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), kind).toBeLessThanOrEqual(
        width,
      );
      await page.screenshot({ path: `${SHOTS}/${width}-${kind}-form.png`, fullPage: true });
      await page.click(`#${kind}-cancel`);
    }
    // Secrets are named, never shown, on every tab.
    for (const secret of [HOOK_SECRET, TELEGRAM_TOKEN]) expect(await page.content()).not.toContain(secret);
    await context.close();
  });
});
