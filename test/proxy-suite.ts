import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  APP_JS,
  BINARY,
  DATA_JSON,
  type FakeOrigin,
  PAGE_HTML,
  sha256,
  startFakeOrigin,
} from './proxy-fake-origin.ts';
import { type RawRequestInit, rawRequest } from './proxy-http-client.ts';

/**
 * One proxy-mode suite, run against every way the service is deployed (a Node server over HTTP,
 * the Worker bundle in miniflare): the same requests, the same expectations.
 */
export interface ProxyTarget {
  /** Where the test reaches the service, e.g. `http://127.0.0.1:34567`. */
  url: string;
  /** `PUBLIC_URL`, if the service was given one: absolute links name it instead of `url`. */
  publicURL?: string;
  /** The message every base shows right now, per language, as the friendly page must show it. */
  message: { ru: string; en: string };
  /** Paths the service answers itself: the origin must never see them. */
  ownPath: string;
  /** More texts the friendly page for base `buh` must show (base name, help text), per language. */
  pageShows?: { ru: string[]; en: string[] };
  /** Fields `/buh/startup-help.config.json` must carry besides `statusURL` (from the settings). */
  kitConfig?: Record<string, unknown>;
  /** The client-sw kit the service serves: exact contents, or a pattern where a build varies them. */
  kit: Record<'sw.js' | 'register-sw.js' | 'offline.html', string | RegExp>;
  close(): Promise<void>;
}

export interface ProxyTargetOptions {
  upstreamURL: string;
  /** Short, so `hang` is quick to test. */
  timeoutMs: number;
}

export const SUITE_TIMEOUT_MS = 1500;
const NAVIGATE = { 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document', accept: 'text/html' };
const SCRIPT = '<script src="/buh/register-sw.js" defer></script>';

const count = (text: string, part: string) => text.split(part).length - 1;

function expectKitFile(body: string, expected: string | RegExp): void {
  if (typeof expected === 'string') expect(body).toBe(expected);
  else expect(body).toMatch(expected);
}

export function defineProxySuite(name: string, start: (options: ProxyTargetOptions) => Promise<ProxyTarget>) {
  describe(`proxy mode: ${name}`, () => {
    let origin: FakeOrigin;
    let target: ProxyTarget;
    const get = (path: string, init: RawRequestInit = {}) => rawRequest(`${target.url}${path}`, init);

    beforeAll(async () => {
      origin = await startFakeOrigin();
      target = await start({ upstreamURL: origin.url, timeoutMs: SUITE_TIMEOUT_MS });
    });
    afterAll(async () => {
      await target?.close();
      await origin?.close();
    });
    beforeEach(async () => {
      await origin.setMode('ok');
    });

    it('passes an HTML page through with the register-sw.js script injected exactly once', async () => {
      const response = await get('/buh/ru_RU/', { headers: NAVIGATE });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-origin')).toBe('1c');
      const html = await response.text();
      expect(count(html, SCRIPT)).toBe(1);
      expect(html).toBe(PAGE_HTML.replace('</head>', `${SCRIPT}</head>`));
    });

    it('injects once into a page whose </head> arrives split across two chunks, with a true length', async () => {
      const response = await get('/buh/split.html', { headers: NAVIGATE });
      expect(response.status).toBe(200);
      const expected = PAGE_HTML.replace('</head>', `${SCRIPT}</head>`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(new TextDecoder().decode(bytes)).toBe(expected);
      const length = response.headers.get('content-length');
      if (length !== null) expect(Number(length)).toBe(bytes.length);
    });

    it('leaves HTML fetched by a script (not a page load) as it is', async () => {
      const response = await get('/buh/ru_RU/', { headers: { 'sec-fetch-mode': 'cors', accept: '*/*' } });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(PAGE_HTML);
    });

    it('decodes a gzip page from the origin and still injects once', async () => {
      const response = await get('/buh/gz.html', { headers: { ...NAVIGATE, 'accept-encoding': 'gzip' } });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(PAGE_HTML.replace('</head>', `${SCRIPT}</head>`));
    });

    it('never touches JavaScript, JSON or binary bodies, even on a navigation', async () => {
      for (const [path, expected] of [
        ['/buh/e1cib/app.js', new TextEncoder().encode(APP_JS)],
        ['/buh/e1cib/data.json', new TextEncoder().encode(DATA_JSON)],
        ['/buh/blob.bin', BINARY],
      ] as const) {
        const response = await get(path, { headers: NAVIGATE });
        expect(response.status, path).toBe(200);
        const bytes = new Uint8Array(await response.arrayBuffer());
        expect(bytes.length, path).toBe(expected.length);
        expect(sha256(bytes), path).toBe(sha256(expected));
      }
    });

    it('passes a 1 MB POST through byte-exact with its method, query and content type', async () => {
      const response = await get('/buh/echo?form=1&x=%D0%AF', {
        method: 'POST',
        headers: { 'content-type': 'application/x-1c-binary', 'content-length': String(BINARY.length) },
        body: BINARY,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-query')).toBe('?form=1&x=%D0%AF');
      expect(response.headers.get('content-type')).toBe('application/x-1c-binary');
      expect(sha256(new Uint8Array(await response.arrayBuffer()))).toBe(sha256(BINARY));
      const seen = origin.received.at(-1);
      expect(seen).toMatchObject({ method: 'POST', bodyLength: BINARY.length, bodySha256: sha256(BINARY) });
      expect(seen?.headers['content-length']).toBe(String(BINARY.length));
    });

    it('sends a request without a body without one (no empty chunked upload)', async () => {
      const response = await get('/buh/echo', { method: 'DELETE' });
      expect(response.status).toBe(200);
      await response.arrayBuffer();
      const seen = origin.received.at(-1);
      expect(seen).toMatchObject({ method: 'DELETE', bodyLength: 0 });
      expect(seen?.headers['transfer-encoding']).toBeUndefined();
    });

    it('streams the request body: the origin sees the first bytes before the client sends the rest', async () => {
      const firstBytes = origin.expectFirstBodyBytes();
      const half = BINARY.length / 2;
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(BINARY.slice(0, half));
          // A proxy that buffered the whole body would never let the origin see these bytes: deadlock.
          await firstBytes;
          controller.enqueue(BINARY.slice(half));
          controller.close();
        },
      });
      const response = await get('/buh/stream-in', {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/octet-stream' },
      });
      expect(response.headers.get('x-body-sha256')).toBe(sha256(BINARY));
      expect(sha256(new Uint8Array(await response.arrayBuffer()))).toBe(sha256(BINARY));
    });

    it('streams the response body: the first half arrives while the origin still holds the second', async () => {
      const response = await get('/buh/stream-out');
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      const parts: Uint8Array[] = [];
      let received = 0;
      // The origin sends the second half only when released, after we have read the first.
      while (received < BINARY.length / 2) {
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended early');
        parts.push(value);
        received += value.length;
      }
      origin.releaseStreamOut();
      for (let next = await reader.read(); !next.done; next = await reader.read()) parts.push(next.value);
      const whole = new Uint8Array(await new Blob(parts as BlobPart[]).arrayBuffer());
      expect(sha256(whole)).toBe(sha256(BINARY));
    });

    it('keeps every Set-Cookie from the origin and forwards the browser cookies', async () => {
      const response = await get('/buh/cookies', { headers: { cookie: 'ibsession=old; lang=lv' } });
      expect(response.headers.getSetCookie()).toEqual([
        'ibsession=abc123; Path=/buh; HttpOnly',
        'lang=ru; Path=/',
      ]);
      expect(await response.text()).toBe('cookie: ibsession=old; lang=lv');
    });

    it('returns redirects to the browser; one to the origin names PUBLIC_URL, or becomes a path without it', async () => {
      const absolute = await get('/buh', { headers: NAVIGATE });
      expect(absolute.status).toBe(302);
      expect(absolute.headers.get('location')).toBe(`${target.publicURL ?? ''}/buh/ru_RU/`);
      const relative = await get('/buh/ru_RU', { headers: NAVIGATE });
      expect(relative.status).toBe(301);
      expect(relative.headers.get('location')).toBe('/buh/ru_RU/');
    });

    it('tells the origin who asked (X-Forwarded-*) and keeps the browser headers', async () => {
      const response = await get('/buh/headers', {
        headers: { 'x-1c-client': 'web', 'accept-language': 'lv' },
      });
      const headers = (await response.json()) as Record<string, string>;
      const publicURL = new URL(target.url);
      expect(headers['x-forwarded-host']).toBe(publicURL.host);
      expect(headers['x-forwarded-proto']).toBe('http');
      expect(headers['x-1c-client']).toBe('web');
      expect(headers['accept-language']).toBe('lv');
      expect(headers.host).toBe(new URL(origin.url).host);
    });

    it('answers its own routes itself and never sends them to the origin', async () => {
      const before = origin.received.length;
      const response = await get(target.ownPath);
      expect(response.status).toBe(200);
      await response.arrayBuffer();
      // Under the service's prefixes, a path it does not know is its own 404, not the 1C server's.
      for (const path of ['/api/no-such-thing', '/startup-error/buh/x/y', '/admin/no-such-page']) {
        const unknown = await get(path, { method: 'PUT', body: '{}' });
        expect(unknown.status, path).toBe(404);
        expect(await unknown.text(), path).not.toBe('not found');
      }
      expect(origin.received.slice(before).map((request) => request.url)).toEqual([]);
    });

    it('serves the client-sw kit in the publication folder, so its scope covers the web client', async () => {
      const before = origin.received.length;
      const register = await get('/buh/register-sw.js');
      expect(register.status).toBe(200);
      expect(register.headers.get('content-type')).toMatch(/javascript/);
      expectKitFile(await register.text(), target.kit['register-sw.js']);
      const sw = await get('/buh/sw.js');
      expect(sw.status).toBe(200);
      expect(sw.headers.get('content-type')).toMatch(/javascript/);
      expectKitFile(await sw.text(), target.kit['sw.js']);
      const config = (await (await get('/buh/startup-help.config.json')).json()) as Record<string, unknown>;
      expect(config.statusURL).toBe(`${target.publicURL ?? target.url}/startup-error/buh`);
      if (target.kitConfig) expect(config).toMatchObject(target.kitConfig);
      const offline = await get('/buh/offline.html');
      expect(offline.headers.get('content-type')).toMatch(/text\/html/);
      expectKitFile(await offline.text(), target.kit['offline.html']);
      expect(origin.received.length).toBe(before);
    });

    it("serves offline.html with exactly the bytes the service worker's precache revision names", async () => {
      // Node reads offline.html from disk, the Worker from its static assets; a byte off and browsers
      // would precache a page that differs from its revision.
      const sw = await (await get('/buh/sw.js')).text();
      const offline = Buffer.from(await (await get('/buh/offline.html')).arrayBuffer());
      const md5 = createHash('md5').update(offline).digest('hex');
      expect(sw).toContain(`{"revision":"${md5}","url":"offline.html"}`);
    });

    it('takes nothing else from the kit: other and traversing paths go to the origin as they are', async () => {
      for (const path of ['/buh/x/sw.js', '/buh/..%2fsw.js', '/buh/%2e%2e/package.json', '/sw.js']) {
        const response = await get(path);
        expect(response.status, path).toBe(404);
        expect(await response.text(), path).toBe('not found');
      }
    });

    describe('when the origin fails', () => {
      for (const mode of ['refuse', 'hang', '503'] as const) {
        for (const [language, acceptLanguage] of [
          ['ru', 'ru-RU,ru;q=0.9'],
          ['en', 'en-GB,en;q=0.9'],
        ] as const) {
          it(`${mode}: a navigation in ${language} gets our 503 page with the current message`, async () => {
            await origin.setMode(mode);
            const response = await get('/buh/ru_RU/', {
              headers: { ...NAVIGATE, 'accept-language': acceptLanguage },
            });
            expect(response.status).toBe(503);
            expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
            expect(response.headers.get('content-type')).toMatch(/^text\/html/);
            expect(response.headers.get('content-language')).toBe(language);
            const html = await response.text();
            expect(html).toContain(target.message[language]);
            for (const text of target.pageShows?.[language] ?? []) expect(html).toContain(text);
            expect(html).toMatch(new RegExp(`<html[^>]*lang="${language}"`));
            expect(html).not.toContain('1C cluster is down');
          });
        }
      }

      it('an unknown base gets the page with what every base gets', async () => {
        await origin.setMode('refuse');
        const response = await get('/zzz/ru_RU/', { headers: { ...NAVIGATE, 'accept-language': 'en' } });
        expect(response.status).toBe(503);
        expect(await response.text()).toContain(target.message.en);
      });

      it('refuse: a non-navigation gets 502 as plain text, not the page', async () => {
        await origin.setMode('refuse');
        const response = await get('/buh/e1cib/data.json', { headers: { accept: 'application/json' } });
        expect(response.status).toBe(502);
        expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
        await response.arrayBuffer();
      });

      it('hang: a non-navigation gets 504 as plain text after the timeout', async () => {
        await origin.setMode('hang');
        const response = await get('/buh/e1cib/data.json', { method: 'POST', body: '{}' });
        expect(response.status).toBe(504);
        expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
        await response.arrayBuffer();
      });

      it("503: a non-navigation gets the origin's own answer unchanged", async () => {
        await origin.setMode('503');
        const response = await get('/buh/e1cib/data.json', { method: 'POST', body: '{}' });
        expect(response.status).toBe(503);
        expect(response.headers.get('x-origin')).toBe('1c');
        expect(await response.text()).toContain('1C cluster is down');
      });

      it('the origin coming back is seen on the next request', async () => {
        await origin.setMode('refuse');
        expect((await get('/buh/ru_RU/', { headers: NAVIGATE })).status).toBe(503);
        await origin.setMode('ok');
        const response = await get('/buh/ru_RU/', { headers: NAVIGATE });
        expect(response.status).toBe(200);
        expect(count(await response.text(), SCRIPT)).toBe(1);
      });
    });
  });
}
