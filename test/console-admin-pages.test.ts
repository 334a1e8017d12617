import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../contract/settings.ts';
import { launchChromium } from './chromium.ts';
import { ADMIN_TOKEN, type RunningService, startService, TEST_SETTINGS } from './console-harness.ts';

const SHOTS = 'test-results/console';
/** Waiting for the page (API round trip), not a timing assertion. */
const WAIT = { timeout: 20_000, interval: 100 };

let service: RunningService;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  service = await startService();
  browser = await launchChromium();
  page = await browser.newPage({
    timezoneId: 'Europe/Riga',
    locale: 'en-US',
    viewport: { width: 1400, height: 1000 },
  });
  await page.goto(`${service.url}/admin`);
  await page.fill('#token', ADMIN_TOKEN);
  await page.click('#sign-in-form button[type=submit]');
  await page.waitForSelector('#app:not([hidden])');
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
});

describe('console: settings, audit log, captured requests, reports', () => {
  it('edits the settings (a new base, default help) and explains a refused value', async () => {
    await page.click('button.tab[data-view="settings"]');
    await expect.poll(() => page.inputValue('#settings-time-zone'), WAIT).toBe('Europe/Moscow');
    await page.click('#settings-add-base');
    const row = page.locator('#settings-bases .base-entry').last();
    await row.locator('input.base-key').fill('sklad');
    await row.locator('input.base-name').fill('Склад');
    await page.fill('#settings-help-lv', 'Zvaniet: +371 2000 0000');
    await page.fill('#settings-time-zone', 'Mars/Olympus');
    await page.click('#settings-save');
    await expect.poll(() => page.textContent('#settings-error'), WAIT).toContain('timeZone');
    await page.screenshot({ path: `${SHOTS}/10-settings-refused.png`, fullPage: true });

    await page.fill('#settings-time-zone', 'Europe/Riga');
    await page.click('#settings-save');
    await expect.poll(() => page.textContent('#settings-saved'), WAIT).toBe('Settings saved.');
    const settings = (await (await service.api('GET', '/api/admin/settings')).json()) as Settings;
    expect(settings.timeZone).toBe('Europe/Riga');
    expect(settings.bases.sklad).toEqual({ name: 'Склад' });
    expect(settings.bases.buh).toEqual({ name: 'Бухгалтерия' });
    expect(settings.helpText?.lv).toBe('Zvaniet: +371 2000 0000');
    await page.screenshot({ path: `${SHOTS}/11-settings.png`, fullPage: true });

    // The message form offers the new base at once.
    await page.click('button.tab[data-view="messages"]');
    await page.click('#new-message');
    await expect.poll(() => page.locator('#base-sklad').count(), WAIT).toBe(1);
    await page.click('#cancel-edit');
  });

  it('shows the audit log with who changed what', async () => {
    await page.click('button.tab[data-view="audit"]');
    const table = page.locator('#audit-table table');
    await expect.poll(() => table.locator('tbody tr').count(), WAIT).toBe(2);
    const newest = table.locator('tbody tr').first();
    expect(await newest.locator('td').allTextContents()).toEqual([
      // The users' zone is Riga now: the console shows times in it, labelled.
      expect.stringMatching(/^\d{1,2} \w+, \d{1,2}:\d\d [AP]M \(UTC\+[23]\)$/),
      'ops',
      'changed the settings',
      expect.stringContaining('Time zone'),
    ]);
    expect(await newest.locator('.change').first().textContent()).toBe(
      'Time zone: Europe/Moscow → Europe/Riga',
    );
    await page.screenshot({ path: `${SHOTS}/12-audit.png`, fullPage: true });
  });

  it('shows captured startup-error requests and report counters as the platform sent them', async () => {
    await fetch(`${service.url}/startup-error/buh?lang=ru`, {
      headers: { 'X-Platform-Probe': '<b>8.3.25</b>' },
    });
    await fetch(`${service.url}/startup-error/buh`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ error: 'Сервер 1С:Предприятия не обнаружен' }),
    });
    await page.click('button.tab[data-view="requests"]');
    const requests = page.locator('#requests-table tbody tr');
    await expect.poll(() => requests.count(), WAIT).toBe(2);
    expect(await requests.nth(1).textContent()).toContain('GET /startup-error/buh?lang=ru');
    expect(await requests.nth(1).textContent()).toContain('x-platform-probe: <b>8.3.25</b>');
    expect(await requests.nth(0).textContent()).toContain('Сервер 1С:Предприятия не обнаружен');
    expect(await page.locator('#requests-table b').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/13-requests.png`, fullPage: true });

    await page.click('button.tab[data-view="reports"]');
    await expect
      .poll(() => page.textContent('#reports-table'), WAIT)
      .toContain('Reports received since the service started: 1.');
    expect(await page.locator('#reports-table table').first().locator('tbody tr').textContent()).toBe(
      'Бухгалтерия (buh)1',
    );
    await page.screenshot({ path: `${SHOTS}/14-reports.png`, fullPage: true });
  });

  it("sets, changes and removes a base's own help text per language, by keyboard", async () => {
    const helpOf = async (path: string) =>
      ((await (await fetch(`${service.url}${path}`)).json()) as { helpText?: string }).helpText;
    const ruText = 'Бухгалтерия: звоните <b>Ольге</b>, +7 (495) 123-45-70';
    const enText = 'Accounting: call Olga, +7 (495) 123-45-70';
    await page.click('button.tab[data-view="settings"]');
    // #settings-saved keeps its text from the last save; only its visibility tells a new one.
    const buh = page.getByRole('group', { name: 'Base buh', exact: true });
    const ru = buh.getByLabel('Russian (ru)', { exact: true });
    const en = buh.getByLabel('English (en)', { exact: true });
    await expect.poll(() => en.count(), WAIT).toBe(1);
    expect(await buh.getByLabel('Latvian (lv)', { exact: true }).count()).toBe(1);

    // Typed with the keyboard: Tab goes from one language to the next; Enter on Save submits.
    await ru.focus();
    await page.keyboard.type(ruText);
    await page.keyboard.press('Tab');
    await page.keyboard.insertText('x'.repeat(2001));
    await page.focus('#settings-save');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.textContent('#settings-error'), WAIT)
      .toContain('bases.buh.helpText.en must be at most 2000 characters');
    expect(await en.getAttribute('aria-invalid')).toBe('true');
    expect(await en.evaluate((node) => node === document.activeElement)).toBe(true);
    expect(await helpOf('/startup-error/buh?lang=ru')).toBe(TEST_SETTINGS.helpText?.ru);

    await en.fill(enText);
    await page.focus('#settings-save');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.isVisible('#settings-saved'), WAIT).toBe(true);
    expect(await en.getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('#settings-bases b').count()).toBe(0);
    expect(await ru.inputValue()).toBe(ruText);
    await page.screenshot({ path: `${SHOTS}/15-settings-base-help.png`, fullPage: true });
    expect(await helpOf('/startup-error/buh?lang=ru')).toBe(ruText);
    expect(await helpOf('/startup-error/buh?lang=en')).toBe(enText);
    // Other bases keep the default help text.
    expect(await helpOf('/startup-error/zup?lang=en')).toBe(TEST_SETTINGS.helpText?.en);

    // A second base with the same key is refused before it could replace the first one's help text.
    await page.focus('#settings-add-base');
    await page.keyboard.press('Enter');
    await page.keyboard.type('buh');
    await page.click('#settings-save');
    await expect
      .poll(() => page.textContent('#settings-error'), WAIT)
      .toBe('Not saved: bases.buh is the key of two bases; give each base its own key.');
    const twin = page.locator('#settings-bases .base-entry').last();
    expect(await twin.locator('input.base-key').getAttribute('aria-invalid')).toBe('true');
    await twin.getByRole('button', { name: 'Remove this base' }).press('Enter');
    expect(await page.locator('#settings-bases .base-entry').count()).toBe(3);

    // Changing the Russian text and removing the English one: English readers now get the base's
    // text in the default language (ru), not the default help text.
    const ruChanged = 'Бухгалтерия: звоните Ольге, +7 (495) 123-45-71';
    await ru.fill(ruChanged);
    await en.fill('');
    await page.click('#settings-save');
    await expect.poll(() => page.isVisible('#settings-saved'), WAIT).toBe(true);
    const settings = (await (await service.api('GET', '/api/admin/settings')).json()) as Settings;
    expect(settings.bases.buh?.helpText).toEqual({ ru: ruChanged });
    expect(await helpOf('/startup-error/buh?lang=ru')).toBe(ruChanged);
    expect(await helpOf('/startup-error/buh?lang=en')).toBe(ruChanged);
  });
});
