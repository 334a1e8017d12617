import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatUntil } from '../contract/local-time.ts';
import type { Message } from '../contract/message.ts';
import { launchChromium } from './chromium.ts';
import { ADMIN_TOKEN, type RunningService, startService, TEST_SETTINGS } from './console-harness.ts';
import { runningClock, TIMES_OF_DAY } from './time-of-day.ts';

const SHOTS = 'test-results/console';
/** Waiting for the page (debounced preview, API round trip), not a timing assertion. */
const WAIT = { timeout: 20_000, interval: 100 };
const HOSTILE =
  '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=1</script> Вход после {until}.';

let service: RunningService;
let browser: Browser;
let context: BrowserContext;
/** The service's clock; each console starts from the same instant (23:30 in Moscow, unless set). */
const clock = runningClock(TIMES_OF_DAY[0].at);

/** The console's default times come from the browser's clock: it runs from the service's instant. */
async function consoleContext(): Promise<BrowserContext> {
  const created = await browser.newContext({
    timezoneId: 'Europe/Riga',
    locale: 'en-US',
    viewport: { width: 1400, height: 1000 },
  });
  await created.clock.install({ time: clock.now() });
  return created;
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  service = await startService({ now: clock.now });
  browser = await launchChromium();
  context = await consoleContext();
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
});

async function openConsole(where = context): Promise<Page> {
  const page = await where.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(`${service.url}/admin`);
  return page;
}

async function signIn(page: Page, token = ADMIN_TOKEN): Promise<void> {
  await page.fill('#token', token);
  await page.click('#sign-in-form button[type=submit]');
}

async function signedIn(): Promise<Page> {
  const page = await openConsole();
  await signIn(page);
  await page.waitForSelector('#app:not([hidden])');
  return page;
}

async function startupError(base: string): Promise<{ userMessage?: string; helpText?: string }> {
  return (await fetch(`${service.url}/startup-error/${base}?lang=ru`)).json();
}

async function statusPageActivePart(path = '/status?lang=ru'): Promise<string> {
  const html = await (await fetch(`${service.url}${path}`)).text();
  return html.split('Сообщения за последние 30 дней')[0] ?? '';
}

async function listMessages(): Promise<Message[]> {
  return ((await (await service.api('GET', '/api/admin/messages')).json()) as { messages: Message[] })
    .messages;
}

/** Presses Tab until `selector` has focus: proves it is reachable by keyboard. */
async function tabTo(page: Page, selector: string, limit = 200): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

function frameText(page: Page, frame: string, selector = 'body') {
  return page.frameLocator(frame).locator(selector).first().textContent();
}

describe('admin console in Chromium', () => {
  it('refuses a wrong token with a clear error, signs in with the right one and keeps it out of the URL', async () => {
    const page = await openConsole();
    await page.screenshot({ path: `${SHOTS}/01-sign-in.png` });
    await signIn(page, 'not-the-token');
    await expect
      .poll(() => page.textContent('#sign-in-error'), WAIT)
      .toContain('This admin token was not accepted');
    expect(await page.isVisible('#app')).toBe(false);
    await page.screenshot({ path: `${SHOTS}/02-wrong-token.png` });

    await signIn(page);
    await page.waitForSelector('#app:not([hidden])');
    expect(page.url()).toBe(`${service.url}/admin`);
    expect(await page.evaluate(() => sessionStorage.getItem('startup-help.admin-token'))).toBe(ADMIN_TOKEN);
    expect(await page.inputValue('#token')).toBe('');
    await page.close();
  });

  it('creates a message from a template with live lint and three previews; it reaches /startup-error and /status', async () => {
    const page = await signedIn();
    await page.click('#new-message');
    await page.fill('#template-phone', '+7 (495) 123-45-67');
    await page.click('button[data-template="unplanned-outage"]');
    await page.check('#base-buh');
    await page.uncheck('#base-all');
    await page.selectOption('#preview-base', 'buh');

    // The template reads well in every language, but the phone typed for it is the one the settings'
    // help text already gives under the message: the lint says so.
    const codes = (language: string) =>
      page
        .locator(`#lint-${language} li[data-code]`)
        .evaluateAll((items) => items.map((i) => i.dataset.code));
    await expect.poll(() => codes('ru'), WAIT).toEqual(['repeated-contact']);
    await expect.poll(() => codes('lv'), WAIT).toEqual(['repeated-contact']);
    expect(await page.textContent('#lint-ru')).toContain('+7 (495) 123-45-67');
    // …and the lint speaks up, live, when jargon and shouting creep in.
    await page.fill('#text-en', 'SDBL timeout on the DBMS. URGENT!!');
    await expect
      .poll(() => page.locator('#lint-en li').allTextContents(), WAIT)
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('Technical words'),
          expect.stringContaining('shouting'),
        ]),
      );
    expect(
      await page.locator('#lint-en li[data-code]').evaluateAll((items) => items.map((i) => i.dataset.code)),
    ).toEqual(['no-deadline', 'jargon', 'all-caps', 'many-exclamations']);
    await page.click('button[data-template="unplanned-outage"]');
    await expect.poll(() => codes('en'), WAIT).toEqual(['repeated-contact']);

    // The three previews show the message as users will see it, in the chosen base and language.
    await expect
      .poll(() => frameText(page, '#preview-dialog', '.system'), WAIT)
      .toContain('Мы уже восстанавливаем работу');
    expect(await frameText(page, '#preview-dialog')).toContain('Нужна помощь');
    expect(await frameText(page, '#preview-dialog')).toContain('Показать подробности…');
    expect(await frameText(page, '#preview-dialog', '.help')).toBe(
      'Дежурный администратор: +7 (495) 123-45-67',
    );
    expect(await frameText(page, '#preview-offline')).toContain('Мы уже восстанавливаем работу');
    expect(await frameText(page, '#preview-status')).toContain('Бухгалтерия');
    expect(await frameText(page, '#preview-status', '.badge.state-outage')).toBe('Сбой');
    await page.selectOption('#preview-language', 'lv');
    await expect
      .poll(() => frameText(page, '#preview-dialog', '.system'), WAIT)
      .toContain('Mēs jau atjaunojam darbu');
    await page.selectOption('#preview-language', 'ru');
    await expect.poll(() => frameText(page, '#preview-dialog', '.system'), WAIT).toContain('Мы уже');

    await page.screenshot({ path: `${SHOTS}/03-editor-with-previews.png`, fullPage: true });
    for (const frame of ['dialog', 'offline', 'status']) {
      await page.locator(`#preview-${frame}`).scrollIntoViewIfNeeded();
      await page.locator(`#preview-${frame}`).screenshot({ path: `${SHOTS}/04-preview-${frame}.png` });
    }

    await page.click('#save-message');
    await expect.poll(() => page.textContent('#list-notice'), WAIT).toContain('Saved.');
    await expect.poll(() => page.locator('#list-active li[data-id]').count(), WAIT).toBe(1);
    await page.screenshot({ path: `${SHOTS}/05-list-after-save.png`, fullPage: true });

    const [saved] = await listMessages();
    expect(saved?.bases).toEqual(['buh']);
    expect(saved?.severity).toBe('outage');
    const answer = await startupError('buh');
    const until = formatUntil(
      Date.parse(saved?.startsAt ?? ''),
      Date.parse(saved?.displayUntil ?? ''),
      saved?.timeZone ?? TEST_SETTINGS.timeZone,
      'ru',
    );
    expect(until).toMatch(/\d\d:\d\d МСК$/);
    expect(answer.userMessage).toMatch(/^1С сейчас недоступна, и это не ваша ошибка\. .* к /);
    expect(answer.userMessage).toContain(` к ${until}. `);
    expect(answer.userMessage).toContain('+7 (495) 123-45-67');
    expect((await startupError('zup')).userMessage).toBeUndefined();
    expect(await statusPageActivePart()).toContain('1С сейчас недоступна, и это не ваша ошибка.');
    await page.close();
  });

  it('shows who changed a message and when when a second tab saved first, and offers their version', async () => {
    const [message] = await listMessages();
    if (!message) throw new Error('the previous test saved no message');
    const first = await signedIn();
    const second = await signedIn();
    for (const tab of [first, second]) {
      await tab.click(`#list-active li[data-id="${message.id}"] button.edit`);
      await tab.waitForSelector('#editor:not([hidden])');
    }
    await second.fill('#text-ru', 'Восстанавливаем связь с 1С. Вход будет доступен после {until}.');
    await second.click('#save-message');
    await expect.poll(() => second.textContent('#list-notice'), WAIT).toContain('Saved.');

    await first.fill('#text-ru', 'Моя версия текста, вход после {until}.');
    await first.click('#save-message');
    await first.waitForSelector('#conflict:not([hidden])');
    const conflict = await first.textContent('#conflict-text');
    // Times in the console are the users' by default, labelled with their zone.
    expect(conflict).toMatch(
      /^ops changed this message at \d{1,2} \w+, \d{1,2}:\d\d [AP]M MSK, after you opened it\./,
    );
    expect(conflict).toContain('Your changes are not saved.');
    await first.screenshot({ path: `${SHOTS}/06-conflict.png`, fullPage: true });
    expect((await startupError('buh')).userMessage).toContain('Восстанавливаем связь с 1С.');
    // Untouched pickers are not sent: the times keep their seconds.
    const afterEdit = (await listMessages()).find((m) => m.id === message.id);
    expect(afterEdit?.startsAt).toBe(message.startsAt);
    expect(afterEdit?.displayUntil).toBe(message.displayUntil);

    await first.click('#conflict-reload');
    expect(await first.inputValue('#text-ru')).toBe(
      'Восстанавливаем связь с 1С. Вход будет доступен после {until}.',
    );
    await second.close();

    // "End now" ends it at once: gone from the 1C answer and from the status page's current state.
    await first.click('#cancel-edit');
    await first.click(`#list-active li[data-id="${message.id}"] button.end-now`);
    await expect.poll(() => first.textContent('#list-notice'), WAIT).toContain('Ended.');
    await expect.poll(() => first.locator(`#list-past li[data-id="${message.id}"]`).count(), WAIT).toBe(1);
    const after = await startupError('buh');
    expect(after.userMessage).toBeUndefined();
    expect(after.helpText).toBe('Дежурный администратор: +7 (495) 123-45-67');
    const active = await statusPageActivePart('/status/buh?lang=ru');
    expect(active).not.toContain('Восстанавливаем связь');
    expect(active).toContain('Работает');
    await first.close();
  });

  it('renders script-like text as text in the console, its previews and the status page', async () => {
    const page = await signedIn();
    await page.click('#new-message');
    await page.fill('#text-ru', HOSTILE);
    await page.click('button.until-plus[data-minutes="60"]');
    await expect
      .poll(() => frameText(page, '#preview-dialog', '.system'), WAIT)
      .toContain('<script>window.__pwned=1</script>');
    expect(await frameText(page, '#preview-offline', '#sh-user-message')).toContain('<img src=x onerror=');
    expect(await frameText(page, '#preview-status', '.message p')).toContain('<img src=x onerror=');
    await page.locator('#preview-dialog').screenshot({ path: `${SHOTS}/07-hostile-preview-dialog.png` });
    await page.click('#save-message');
    await expect
      .poll(() => page.locator('#list-active li[data-id] .text').first().textContent(), WAIT)
      .toContain('<img src=x onerror="window.__pwned=1">');
    expect(await page.locator('#list-active img, #editor img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await page.screenshot({ path: `${SHOTS}/08-hostile-list.png`, fullPage: true });

    const status = await context.newPage();
    await status.goto(`${service.url}/status?lang=ru`);
    expect(await status.locator('.message p').first().textContent()).toContain(
      '<script>window.__pwned=1</script>',
    );
    expect(await status.locator('main img, main script').count()).toBe(0);
    expect(await status.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await status.screenshot({ path: `${SHOTS}/09-status-page.png`, fullPage: true });
    await status.close();

    // Delete (after a confirm) removes it everywhere.
    const [hostile] = (await listMessages()).filter((m) => m.text.ru?.includes('__pwned'));
    if (!hostile) throw new Error('the hostile message was not saved');
    await page.click(`#list-active li[data-id="${hostile.id}"] button.delete`);
    await expect.poll(() => page.textContent('#list-notice'), WAIT).toBe('Deleted.');
    expect((await listMessages()).some((m) => m.id === hostile.id)).toBe(false);
    expect(await statusPageActivePart()).not.toContain('__pwned');
    await page.close();
  });

  // Four hours ahead: at 23:30 in Moscow that is tomorrow and {until} names the day; at 00:10 it is not.
  it.each([
    { ...TIMES_OF_DAY[0], until: /^24\. November, \d{1,2}:\d\d MSK$/ },
    { ...TIMES_OF_DAY[1], until: /^4:\d\d MSK$/ },
  ])(
    'works by keyboard alone at $label in Moscow: sign in, template, severity, text, another language, bases, deadline, help link, save',
    async ({ at, until: expectedUntil }) => {
      clock.set(at);
      const keyboardContext = await consoleContext();
      const page = await openConsole(keyboardContext);
      await page.waitForFunction(() => document.activeElement?.id === 'token');
      await page.keyboard.type(ADMIN_TOKEN);
      await page.keyboard.press('Enter');
      await page.waitForSelector('#app:not([hidden])');

      await tabTo(page, '#new-message');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'template-phone');
      await page.keyboard.type('8 800 555-35-35');
      await tabTo(page, 'button[data-template="update-in-progress"]');
      await page.keyboard.press('Space');
      await tabTo(page, 'button.severity[data-severity="info"]');
      await page.keyboard.press('Space');
      expect(await page.getAttribute('button.severity[data-severity="info"]', 'aria-pressed')).toBe('true');
      await tabTo(page, '#text-en');
      await page.keyboard.press('End');
      await page.keyboard.type(' Thank you for waiting.');
      await tabTo(page, '#new-language');
      await page.keyboard.type('de');
      await tabTo(page, '#add-language');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'text-de');
      await page.keyboard.type('1C wird aktualisiert. Anmeldung wieder ab {until}.');
      await tabTo(page, '#base-zup');
      await page.keyboard.press('Space');
      // Ticking a base unticks "All bases": what is ticked is what is saved.
      expect(await page.isChecked('#base-all')).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('base-zup');
      await tabTo(page, 'button.until-plus[data-minutes="240"]');
      await page.keyboard.press('Enter');
      await tabTo(page, '#help-overrides > summary');
      await page.keyboard.press('Enter');
      await tabTo(page, '#help-url');
      await page.keyboard.type('https://help.example/zup');
      await tabTo(page, '#save-message');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.textContent('#list-notice'), WAIT).toContain('Saved.');

      const saved = (await listMessages()).find((m) => m.text.en?.includes('Thank you for waiting.'));
      expect(saved?.severity).toBe('info');
      expect(saved?.bases).toEqual(['zup']);
      expect(saved?.text.ru).toContain('8 800 555-35-35');
      expect(saved?.text.de).toBe('1C wird aktualisiert. Anmeldung wieder ab {until}.');
      expect(saved?.helpURL).toBe('https://help.example/zup');
      const answer = (await (await fetch(`${service.url}/startup-error/zup?lang=de`)).json()) as {
        userMessage?: string;
        helpURL?: string;
      };
      const until = formatUntil(
        Date.parse(saved?.startsAt ?? ''),
        Date.parse(saved?.displayUntil ?? ''),
        saved?.timeZone ?? TEST_SETTINGS.timeZone,
        'de',
      );
      expect(until).toMatch(expectedUntil);
      expect(answer.userMessage).toBe(`1C wird aktualisiert. Anmeldung wieder ab ${until}.`);
      expect(answer.helpURL).toBe('https://help.example/zup');
      const hours = (Date.parse(saved?.displayUntil ?? '') - at) / 3_600_000;
      expect(hours).toBeGreaterThan(3.9);
      expect(hours).toBeLessThanOrEqual(4.25);
      // The next time of day starts without this message.
      const current = await service.api('GET', `/api/admin/messages/${saved?.id}`);
      const deleted = await service.api('DELETE', `/api/admin/messages/${saved?.id}`, undefined, {
        'if-match': current.headers.get('etag') ?? '',
      });
      expect(deleted.status).toBe(204);
      await keyboardContext.close();
    },
  );
});
