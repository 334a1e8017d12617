// nginx in front of the 1C web server with samples/nginx/1c-front-friendly-page.conf, as written
// (only addresses, the listen line and the certificate replaced): Debian's nginx, a fake 1C origin
// with switchable failures, `npm start` for the friendly page, and Chromium for the way back.
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.ts';
import { freePort, type RunningNginx, startNginxHttp } from './nginx.ts';
import { BINARY, type FakeOrigin, PAGE_HTML, sha256, startFakeOrigin } from './proxy-fake-origin.ts';
import { rawRequest } from './proxy-http-client.ts';
import { frontConfig } from './proxy-nginx-front-config.ts';
import {
  PROXY_ADMIN_TOKEN,
  PROXY_MESSAGE,
  PROXY_PAGE_SHOWS,
  publishMessage,
  startEntry,
} from './proxy-service-fixture.ts';

const NAVIGATE = { 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document', accept: 'text/html' };
const SHOTS = join(import.meta.dirname, '..', 'test-results', 'proxy');

interface PageState {
  config: { statusURL?: string; baseName?: string };
  failure: { kind: string; url: string; status?: number; timeoutSeconds?: number };
}

function stateOf(html: string): PageState {
  const json = /<script type="application\/json" id="startup-help-state">([^<]*)<\/script>/.exec(html)?.[1];
  return JSON.parse(json ?? 'null') as PageState;
}

describe('nginx + /friendly/<base> (samples/nginx/1c-front-friendly-page.conf, real nginx)', () => {
  let origin: FakeOrigin;
  let nginx: RunningNginx;
  let service: Awaited<ReturnType<typeof startEntry>> | undefined;
  let servicePort: number;
  const dirs: string[] = [];

  beforeAll(async () => {
    origin = await startFakeOrigin();
    servicePort = await freePort();
    const dir = await mkdtemp(join(tmpdir(), 'startup-help-nginx-front-'));
    dirs.push(dir);
    // nginx's workers run as "nobody" and keep large request bodies in temp files under `dir`.
    await chmod(dir, 0o755);
    const port = await freePort();
    const config = await frontConfig({
      port,
      onec: `127.0.0.1:${origin.port}`,
      startupHelp: `127.0.0.1:${servicePort}`,
      readTimeoutSeconds: 1,
    });
    nginx = await startNginxHttp(dir, () => config, '/buh/ru_RU/', port);
  });

  afterAll(async () => {
    nginx?.stop();
    if (service) {
      const exited = new Promise((resolve) => service?.child.once('exit', resolve));
      service.child.kill('SIGTERM');
      await exited;
    }
    await origin?.close();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  /** startup-help behind this nginx: PUBLIC_URL is nginx's address, which passes /startup-error/ on. */
  async function startService() {
    const dataDir = await mkdtemp(join(tmpdir(), 'startup-help-nginx-front-data-'));
    dirs.push(dataDir);
    service = await startEntry({
      DATA_DIR: dataDir,
      ADMIN_TOKEN: PROXY_ADMIN_TOKEN,
      PORT: String(servicePort),
      PUBLIC_URL: nginx.url,
    });
    await publishMessage(service.url);
  }

  it('with 1C up, nginx alone serves the web client byte for byte: startup-help is not even running', async () => {
    await origin.setMode('ok');
    const page = await rawRequest(`${nginx.url}/buh/ru_RU/`, { headers: NAVIGATE });
    expect(page.status).toBe(200);
    expect(page.headers.get('x-origin')).toBe('1c');
    expect(await page.text()).toBe(PAGE_HTML);
    const blob = await rawRequest(`${nginx.url}/buh/blob.bin`);
    expect(sha256(new Uint8Array(await blob.arrayBuffer()))).toBe(sha256(BINARY));
    const upload = await rawRequest(`${nginx.url}/buh/echo?x=%D0%AF`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-1c-binary', 'content-length': String(BINARY.length) },
      body: BINARY,
    });
    expect(upload.status).toBe(200);
    expect(upload.headers.get('x-query')).toBe('?x=%D0%AF');
    expect(sha256(new Uint8Array(await upload.arrayBuffer()))).toBe(sha256(BINARY));
    const cookies = await rawRequest(`${nginx.url}/buh/cookies`, { headers: { cookie: 'ibsession=old' } });
    expect(cookies.headers.getSetCookie()).toEqual([
      'ibsession=abc123; Path=/buh; HttpOnly',
      'lang=ru; Path=/',
    ]);
    expect(await cookies.text()).toBe('cookie: ibsession=old');
  });

  describe('when 1C fails', () => {
    beforeAll(startService);

    for (const [mode, kind, language, acceptLanguage] of [
      ['refuse', 'refused', 'ru', 'ru-RU,ru;q=0.9'],
      ['hang', 'timeout', 'en', 'en-GB,en;q=0.9'],
      ['502', 'server-error', 'ru', 'ru'],
      ['503', 'server-error', 'en', 'en'],
    ] as const) {
      it(`${mode}: a page load gets the friendly page for its base, in ${language}, with the live message`, async () => {
        await origin.setMode(mode);
        const response = await rawRequest(`${nginx.url}/buh/ru_RU/?form=1&x=2`, {
          headers: { ...NAVIGATE, 'accept-language': acceptLanguage },
        });
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toBe('30');
        expect(response.headers.get('content-language')).toBe(language);
        expect(response.headers.get('content-security-policy')).toContain(`connect-src 'self' ${nginx.url}`);
        const html = await response.text();
        expect(html).toContain(PROXY_MESSAGE[language]);
        for (const text of PROXY_PAGE_SHOWS[language]) expect(html).toContain(text);
        expect(html).not.toContain('1C cluster is down');
        const state = stateOf(html);
        expect(state.config.statusURL).toBe(`${nginx.url}/startup-error/buh`);
        expect(state.failure).toMatchObject({ kind, url: '/buh/ru_RU/?form=1&x=2' });
        if (mode === '502' || mode === '503') expect(state.failure.status).toBe(Number(mode));
        if (mode === 'hang') expect(state.failure.timeoutSeconds).toBe(1);
      });
    }

    it("the web client's own requests get a plain gateway error, not the page", async () => {
      await origin.setMode('refuse');
      const call = await rawRequest(`${nginx.url}/buh/e1cib/data.json`, {
        method: 'POST',
        headers: { 'sec-fetch-mode': 'cors', accept: 'application/json', 'content-length': '2' },
        body: '{}',
      });
      expect(call.status).toBe(502);
      expect(call.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await call.text()).toBe('The 1C web server cannot be reached.\n');
    });

    it('the page refreshes the message through nginx at /startup-error/<base>', async () => {
      const status = await rawRequest(`${nginx.url}/startup-error/buh`, {
        headers: { 'accept-language': 'en' },
      });
      expect(status.status).toBe(200);
      expect(((await status.json()) as { userMessage: string }).userMessage).toBe(PROXY_MESSAGE.en);
    });

    describe('in Chromium', () => {
      let browser: Browser;
      beforeAll(async () => {
        await mkdir(SHOTS, { recursive: true });
        browser = await launchChromium();
      });
      afterAll(async () => {
        await browser?.close();
      });

      it('shows the page while 1C is down and returns the user by itself once it answers', async () => {
        await origin.setMode('refuse');
        const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
        try {
          const page = await context.newPage();
          const response = await page.goto(`${nginx.url}/buh/ru_RU/`);
          expect(response?.status()).toBe(503);
          expect(await page.locator('h1').textContent()).toBe(PROXY_PAGE_SHOWS.ru[0]);
          expect(await page.getByRole('alert').textContent()).toContain(PROXY_MESSAGE.ru);
          await page.screenshot({ path: join(SHOTS, 'nginx-front-origin-refused-ru.png'), fullPage: true });
          // 1C comes back; nobody touches the page. Its first check is retryInitialSeconds (10 s) away.
          await origin.setMode('ok');
          await page.locator('#app').waitFor({ timeout: 30_000 });
          expect(await page.locator('#app').textContent()).toBe('Бухгалтерия предприятия');
          expect(page.url()).toBe(`${nginx.url}/buh/ru_RU/`);
        } finally {
          await context.close();
        }
      });
    });
  });
});
