// samples/web/nginx-1c-publication.conf for real: nginx in front of a bare 1C publication adds the
// script tag and serves the kit; Chromium gets the service worker through it, and when the 1C server
// behind nginx is down (nginx answers 502) the offline page says so.
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPersistentChromium } from './chromium.ts';
import { kitWithConfig, startOrigin, startStatusService } from './client-sw-harness.ts';
import { type RunningNginx, startNginx } from './nginx.ts';

const SAMPLE = join(import.meta.dirname, '..', 'samples', 'web', 'nginx-1c-publication.conf');
// The machine is shared and slow at times: give the browser time, never assert on timing.
const SLOW = { timeout: 15_000 };
const SHOTS = join(import.meta.dirname, '..', 'test-results', 'client-sw');

let dir: string;
let nginx: RunningNginx | undefined;
let front: string;
let origin: Awaited<ReturnType<typeof startOrigin>>;
let status: Awaited<ReturnType<typeof startStatusService>>;
let kit: Awaited<ReturnType<typeof kitWithConfig>>;
let context: BrowserContext | undefined;

beforeAll(async () => {
  status = await startStatusService();
  await status.setAnswers({ ru: { userMessage: 'Сервер 1С перезапускается, вход будет через 10 минут.' } });
  kit = await kitWithConfig({
    statusURL: status.statusURL,
    baseName: 'Бухгалтерия',
    retryInitialSeconds: 30,
  });
  origin = await startOrigin(undefined);
  dir = await mkdtemp(join(tmpdir(), 'startup-help-nginx-'));
  // nginx workers run as an unprivileged user when the master is root: let them read the kit.
  for (const path of [dir, kit.dir]) await chmod(path, 0o755);
  for (const file of await readdir(kit.dir)) await chmod(join(kit.dir, file), 0o644);
  const snippet = (await readFile(SAMPLE, 'utf8'))
    .replaceAll('/opt/startup-help/client-sw/buh/', `${kit.dir}/`)
    .replaceAll('http://127.0.0.1:8080', origin.url);
  nginx = await startNginx(dir, snippet, '/buh/sw.js');
  front = nginx.url;
});

afterAll(async () => {
  await context?.close();
  nginx?.stop();
  await origin?.close();
  await status?.close();
  await kit?.remove();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('samples/web/nginx-1c-publication.conf', () => {
  it('adds one script tag to the web client page and serves the kit beside the publication', async () => {
    const page = await fetch(`${front}/buh/`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('1С:Предприятие — веб-клиент');
    expect(html).toContain('<script src="/buh/register-sw.js" defer></script></head>');
    const sw = await fetch(`${front}/buh/sw.js`);
    expect(sw.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    const config = await fetch(`${front}/buh/startup-help.config.json`);
    expect(config.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await config.json()).toMatchObject({ baseName: 'Бухгалтерия' });
  });

  it('gives Chromium the service worker, and the offline page when the 1C server behind is down', async () => {
    const profile = join(dir, 'profile');
    context = await launchPersistentChromium(profile, {
      locale: 'ru-RU',
      timezoneId: 'Europe/Moscow',
      viewport: { width: 900, height: 720 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${front}/buh/`);
    await page.locator('#app').waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await origin.setMode('refuse');
    await page.goto(`${front}/buh/e1cib/start`);
    await page.locator('#sh-title').waitFor();
    await expect
      .poll(() => page.locator('#sh-user-message').textContent(), SLOW)
      .toBe('Сервер 1С перезапускается, вход будет через 10 минут.');
    await page.locator('#sh-details-summary').click();
    expect(await page.locator('#sh-details-list').textContent()).toContain('Ошибка сервера (HTTP 502)');
    await page.screenshot({ path: join(SHOTS, 'nginx-upstream-down-502.png'), fullPage: true });
  });

  it('returns to the web client at once with the retry button (the automatic retry is 30 s away)', async () => {
    const page = context?.pages()[0];
    if (!page) throw new Error('the previous test did not open the browser');
    await origin.setMode('ok');
    await page.locator('#sh-retry').focus();
    await page.keyboard.press('Enter');
    await page.locator('#app').waitFor();
    expect(page.url()).toBe(`${front}/buh/e1cib/start`);
  });
});
